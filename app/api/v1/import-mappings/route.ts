import { NextResponse } from "next/server";
import { apiRoute, parseJsonBody } from "@/server/http";
import { saveImportMapping } from "@/features/imports/mutations";
import { getListedImportMapping, listImportMappings } from "@/features/imports/queries";
import { saveMappingSchema } from "@/features/imports/schemas";

/** The saved import mappings, each with its columns and values. */
export const GET = apiRoute("edit", async () => {
  const saved = await listImportMappings();
  const data = await Promise.all(
    saved.map(async (m) => ({ ...m, mapping: await getListedImportMapping(m.name) })),
  );
  return NextResponse.json({ data });
});

/** Saves a mapping under a name, replacing one saved under the same name. */
export const POST = apiRoute("edit", async (request: Request, _context: unknown, principal) => {
  const { name, mapping } = await parseJsonBody(request, saveMappingSchema);
  const saved = await saveImportMapping(principal, name, mapping);
  return NextResponse.json({ data: { id: saved.id, name: saved.name, version: saved.version } });
});
