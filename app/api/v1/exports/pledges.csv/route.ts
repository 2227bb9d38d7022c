import { apiRoute, parseQuery } from "@/server/http";
import { checkScenario, figureParams, figureViewOf } from "@/features/figures";
import { streamPledges } from "@/features/pledges/queries";
import { pledgesCsv } from "@/features/reports";
import { attachment, exportFileName } from "@/features/reports";
import { textStream } from "@/server/streams";

export const GET = apiRoute("read", async (request: Request) => {
  const { time, selection } = figureViewOf(parseQuery(figureParams, request));
  await checkScenario(selection.assume, time);
  return new Response(textStream(pledgesCsv(streamPledges(selection, time))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(exportFileName("pledges", "csv", new Date(), time)),
      "Cache-Control": "no-store",
    },
  });
});
