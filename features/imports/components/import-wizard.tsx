"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { FileStep } from "./file-step";
import { MappingStep } from "./mapping-step";
import { PreviewStep } from "./preview-step";
import { useImport, type SavedMappingOption } from "./use-import";

/** The import, in three steps: choose a file, check the columns, preview and import. */
export function ImportWizard({ savedMappings }: { savedMappings: SavedMappingOption[] }) {
  const t = useTranslations("imports");
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
                ? t("nothingToChange")
                : t("imported", {
                    created: result.result.created,
                    updated: result.result.updated,
                    withdrawn: result.result.withdrawn,
                    file: preview.fileName,
                  })}{" "}
              <Link href="/pledges" className="link">
                {t("seePledges")}
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
