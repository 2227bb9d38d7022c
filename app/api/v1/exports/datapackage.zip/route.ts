import { Readable } from "node:stream";
import { apiRoute, parseQuery } from "@/server/http";
import { attachment, dataPackageZip, loadReportInput, reportFileName } from "@/features/reports";
import { publicOrigin } from "@/server/env";
import { figureParams, figureViewOf } from "@/features/figures";
import { viewJson } from "@/lib/rules/report-view";

export const GET = apiRoute("read", async (request: Request, _context: unknown, principal) => {
  const view = figureViewOf(parseQuery(figureParams, request));
  // Addresses lead to the site's public address, else to the one this request was sent to.
  const origin = publicOrigin() ?? new URL(request.url).origin;
  const input = await loadReportInput(view, { by: principal?.name ?? null, origin });
  const fileName = reportFileName("data", "zip", input.madeAt, view);
  const zip = dataPackageZip({ ...input, view: viewJson(view), name: fileName.replace(/\.zip$/, "") });
  zip.on("error", (error) => {
    // Headers are gone by now: the client sees a truncated download, the log says why.
    console.error("datapackage.zip failed while streaming", error);
  });
  return new Response(Readable.toWeb(zip) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": attachment(fileName),
      "Cache-Control": "no-store",
    },
  });
});
