import { streamPledges } from "@/features/pledges/queries";
import { conditionsBadParams } from "@/features/reports/api-errors";
import { pledgesCsv } from "@/features/reports/exports/csv";
import { attachment, exportFileName } from "@/features/reports/exports/file-name";
import { checkScenario, figureParams, figureViewOf } from "@/features/figures";
import { parseQuery } from "@/server/api";
import { guarded } from "@/server/access";
import { textStream } from "@/server/streams";

export const GET = guarded("read", async (request: Request) => {
  const parsed = parseQuery(figureParams, request);
  if (!parsed.ok) return parsed.response;
  const { time, selection } = figureViewOf(parsed.data);
  const checked = await checkScenario(selection.assume, time).catch(conditionsBadParams);
  if (checked instanceof Response) return checked;
  return new Response(textStream(pledgesCsv(streamPledges(selection, time))), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(exportFileName("pledges", "csv", new Date(), time)),
      "Cache-Control": "no-store",
    },
  });
});
