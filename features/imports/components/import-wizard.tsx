"use client";

import Link from "next/link";
import { FileStep } from "./file-step";
import { MappingStep } from "./mapping-step";
import { PreviewStep } from "./preview-step";
import { useImport, type SavedMappingOption } from "./use-import";

/** The import, in three steps: choose a file, check the columns, preview and import. */
export function ImportWizard({ savedMappings }: { savedMappings: SavedMappingOption[] }) {
  const wizard = useImport(savedMappings);
  const { preview, mapping, result, resultRef } = wizard;
  return (
    <div className="space-y-6">
      <FileStep wizard={wizard} />
      {preview && mapping && (
        <div ref={resultRef} tabIndex={-1} className="space-y-6 outline-none">
          {result?.kind === "committed" && (
            <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm">
              {result.result.created + result.result.updated + result.result.withdrawn === 0
                ? "Nothing to change: the database already matches the file."
                : `Imported ${result.result.created} new and ${result.result.updated} updated pledges from ${preview.fileName}${result.result.withdrawn > 0 ? `; ${result.result.withdrawn} missing from it recorded as withdrawn` : ""}.`}{" "}
              <Link href="/pledges" className="link">
                See the pledges
              </Link>
            </p>
          )}
          {result?.kind === "conflict" && (
            <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
              {result.message}
            </p>
          )}

          <MappingStep wizard={wizard} preview={preview} mapping={mapping} />
          <PreviewStep wizard={wizard} preview={preview} />
        </div>
      )}
    </div>
  );
}
