import { streamAudit } from "@/features/audit/queries";
import { auditFiltersSchema } from "@/features/audit/schemas";
import { auditCsv } from "@/features/reports/exports/csv";
import { attachment, exportFileName } from "@/features/reports/exports/file-name";
import { guarded } from "@/server/access";
import { parseQuery } from "@/server/api";
import { textStream } from "@/server/streams";

/** The audit trail the filters select, one row per field changed (analysts and admins). */
export const GET = guarded("edit", async (request: Request, _context: unknown, principal) => {
  const parsed = parseQuery(auditFiltersSchema, request);
  if (!parsed.ok) return parsed.response;
  // Every entry the filters select: the page number does not apply.
  return new Response(
    textStream(auditCsv(streamAudit(parsed.data, { seesAccounts: principal.role === "admin" }))),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(exportFileName("audit", "csv", new Date())),
        "Cache-Control": "no-store",
      },
    },
  );
});
