import { Readable } from "node:stream";
import { apiRoute, parseQuery } from "@/server/http";
import { listSourceRecords } from "@/features/api/queries";
import { streamPledges } from "@/features/pledges/queries";
import { attachment, dataPackageZip, reportAbout, reportFileName } from "@/features/reports";
import { publicOrigin } from "@/server/env";
import { loadKnownFigures, figureParams, figureViewOf } from "@/features/figures";
import { streamStatusHistory } from "@/features/reports/queries";
import { viewJson } from "@/lib/rules/report-view";

export const GET = apiRoute("read", async (request: Request, _context: unknown, principal) => {
  // The figures are computed before the download starts, so a bad scenario is still a 400.
  const view = figureViewOf(parseQuery(figureParams, request));
  const figures = await loadKnownFigures(view);
  const { time, selection } = figures;
  const madeAt = new Date();
  const origin = publicOrigin() ?? new URL(request.url).origin;
  const about = await reportAbout(view, { at: madeAt, by: principal?.name ?? null, origin });
  const fileName = reportFileName("data", "zip", madeAt, view);
  const zip = dataPackageZip({
    figures,
    pledges: streamPledges(selection, time),
    history: streamStatusHistory(time, selection),
    sources: await listSourceRecords(),
    madeAt,
    about,
    view: viewJson(view),
    name: fileName.replace(/\.zip$/, ""),
  });
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
