import { PassThrough, Readable } from "node:stream";
import { apiRoute, parseQuery } from "@/server/http";
import { listSourceRecords } from "@/features/api/queries";
import { streamPledges } from "@/features/pledges/queries";
import { attachment, exportFileName } from "@/features/reports";
import { writeReport } from "@/features/reports";
import { loadKnownFigures, figureParams, figureViewOf } from "@/features/figures";
import { streamStatusHistory } from "@/features/reports/queries";

export const GET = apiRoute("read", async (request: Request) => {
  // The figures are computed before the download starts, so a bad scenario is still a 400.
  const figures = await loadKnownFigures(figureViewOf(parseQuery(figureParams, request)));
  const { time, selection } = figures;
  const madeAt = new Date();
  const body = new PassThrough();
  writeReport(body, {
    figures,
    pledges: streamPledges(selection, time),
    history: streamStatusHistory(time, selection),
    sources: await listSourceRecords(),
    madeAt,
  }).catch((error: unknown) => {
    console.error("report.xlsx failed while streaming", error);
    body.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(exportFileName("report", "xlsx", madeAt, time)),
      "Cache-Control": "no-store",
    },
  });
});
