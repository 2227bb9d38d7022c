import type { Metadata } from "next";
import { ImportWizard } from "@/features/imports/components/import-wizard";
import { importFieldLabels, importFields } from "@/features/imports";
import { getListedImportMapping, listImportMappings } from "@/features/imports/queries";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Import pledges" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  await requirePagePermission("edit", "/import");
  const saved = await listImportMappings();
  const savedMappings = await Promise.all(
    saved.map(async (m) => ({ name: m.name, mapping: await getListedImportMapping(m.name) })),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Import pledges from a spreadsheet</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        Row 1 holds the column headers; each row below it is one pledge. Columns are matched to these fields
        by their headers: {importFields.map((f) => importFieldLabels[f]).join(", ")}. Rows with an external
        id, or with the same title and stakeholders as a stored pledge, update it; the others create pledges.
        Nothing is written until you confirm the preview, and then everything is written at once, citing the
        file as the source.
      </p>
      <ImportWizard savedMappings={savedMappings} />
    </div>
  );
}
