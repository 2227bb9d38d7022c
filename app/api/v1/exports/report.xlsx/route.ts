import { PassThrough, Readable } from "node:stream";
import { streamPledges } from "@/features/pledges/queries";
import { conditionsBadParams } from "@/features/reports/api-errors";
import { attachment, exportFileName } from "@/features/reports/exports/file-name";
import { writeReport } from "@/features/reports/exports/xlsx";
import { loadKnownFigures, figureParams, figureViewOf } from "@/features/figures";
import { listSourceRecords, streamStatusHistory } from "@/features/reports/queries";
import { guarded } from "@/server/access";
import { parseQuery } from "@/server/api";

export const GET = guarded("read", async (request: Request) => {
  const parsed = parseQuery(figureParams, request);
  if (!parsed.ok) return parsed.response;
  // The figures are computed before the download starts, so a bad scenario is still a 400.
  const figures = await loadKnownFigures(figureViewOf(parsed.data)).catch(conditionsBadParams);
  if (figures instanceof Response) return figures;
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
