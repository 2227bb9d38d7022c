import { PassThrough, Readable } from "node:stream";
import { apiRoute, parseQuery } from "@/server/http";
import { listSourceRecords } from "@/features/api/queries";
import { streamPledges } from "@/features/pledges/queries";
import { attachment, reportAbout, reportFileName, writeReport } from "@/features/reports";
import { publicOrigin } from "@/server/env";
import { loadKnownFigures, figureParams, figureViewOf } from "@/features/figures";
import { streamStatusHistory } from "@/features/reports/queries";

export const GET = apiRoute("read", async (request: Request, _context: unknown, principal) => {
  // The figures are computed before the download starts, so a bad scenario is still a 400.
  const view = figureViewOf(parseQuery(figureParams, request));
  const figures = await loadKnownFigures(view);
  const { time, selection } = figures;
  const madeAt = new Date();
  // Addresses lead to the site's public address, else to the one this request was sent to.
  const origin = publicOrigin() ?? new URL(request.url).origin;
  const about = await reportAbout(view, { at: madeAt, by: principal?.name ?? null, origin });
  const body = new PassThrough();
  writeReport(body, {
    figures,
    pledges: streamPledges(selection, time),
    history: streamStatusHistory(time, selection),
    sources: await listSourceRecords(),
    madeAt,
    about,
  }).catch((error: unknown) => {
    console.error("report.xlsx failed while streaming", error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(reportFileName("report", "xlsx", madeAt, view)),
      "Cache-Control": "no-store",
    },
  });
});
