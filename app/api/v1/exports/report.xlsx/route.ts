import { requestLocale } from "@/i18n/locales";
import { PassThrough, Readable } from "node:stream";
import { apiRoute, parseQuery } from "@/server/http";
import { attachment, loadReportInput, reportFileName, writeReport } from "@/features/reports";
import { publicOrigin } from "@/server/env";
import { figureParams, figureViewOf } from "@/features/figures";

export const GET = apiRoute("read", async (request: Request, _context: unknown, principal) => {
  const view = figureViewOf(parseQuery(figureParams, request));
  // Addresses lead to the site's public address, else to the one this request was sent to.
  const origin = publicOrigin() ?? new URL(request.url).origin;
  // Its words in the requester's language (account, cookie, browser), as their pages are.
  const input = await loadReportInput(
    view,
    { by: principal?.name ?? null, origin },
    requestLocale(request, principal?.locale),
  );
  const body = new PassThrough();
  writeReport(body, input).catch((error: unknown) => {
    console.error("report.xlsx failed while streaming", error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(reportFileName("report", "xlsx", input.madeAt, view)),
      "Cache-Control": "no-store",
    },
  });
});
