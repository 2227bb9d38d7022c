import { NextResponse } from "next/server";
import { parseJsonBody } from "@/features/editing/api-body";
import { saveImportMapping } from "@/features/imports/mutations";
import { getImportMapping, listImportMappings } from "@/features/imports/queries";
import { saveMappingSchema } from "@/features/imports/schemas";
import { guarded } from "@/server/access";

/** The saved import mappings, each with its columns and values. */
export const GET = guarded("edit", async () => {
  const saved = await listImportMappings();
  const data = await Promise.all(saved.map(async (m) => ({ ...m, mapping: await getImportMapping(m.name) })));
  return NextResponse.json({ data });
});

/** Saves a mapping under a name, replacing one saved under the same name. */
export const POST = guarded("edit", async (request: Request, _context: unknown, principal) => {
  const body = await parseJsonBody(request, saveMappingSchema);
  if (!body.ok) return body.response;
  const saved = await saveImportMapping(principal, body.data.name, body.data.mapping);
  return NextResponse.json({ data: { id: saved.id, name: saved.name, version: saved.version } });
});
