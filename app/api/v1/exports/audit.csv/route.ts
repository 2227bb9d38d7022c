import { apiRoute, parseQuery } from "@/server/http";
import { streamAudit } from "@/features/audit/queries";
import { auditFiltersSchema } from "@/features/audit/schemas";
import { auditCsv } from "@/features/reports";
import { attachment, reportFileName } from "@/features/reports";
import { textStream } from "@/server/streams";

/** The audit trail the filters select, one row per field changed (analysts and admins). */
export const GET = apiRoute("edit", async (request: Request, _context: unknown, principal) => {
  const filters = parseQuery(auditFiltersSchema, request);
  // Every entry the filters select: the page number does not apply.
  return new Response(
    textStream(auditCsv(streamAudit(filters, { seesAccounts: principal.role === "admin" }))),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachment(reportFileName("audit", "csv", new Date())),
        "Cache-Control": "no-store",
      },
    },
  );
});
