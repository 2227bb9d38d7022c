import { apiRoute, parseQuery } from "@/server/http";
import { checkScenario, figureParams, figureViewOf } from "@/features/figures";
import { streamPledges } from "@/features/pledges/queries";
import { pledgesCsv } from "@/features/reports";
import { attachment, reportFileName } from "@/features/reports";
import { textStream } from "@/server/streams";

export const GET = apiRoute("read", async (request: Request) => {
  const view = figureViewOf(parseQuery(figureParams, request));
  const { time, selection } = view;
  await checkScenario(selection.assume, time);
  return new Response(textStream(pledgesCsv(streamPledges(selection, time))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(reportFileName("pledges", "csv", new Date(), view)),
      "Cache-Control": "no-store",
    },
  });
});
