import { apiRoute, parseQuery } from "@/server/http";
import { noParams } from "@/features/api/schemas";
import { datasetJson } from "@/features/reports";
import { attachment, reportFileName } from "@/features/reports";
import { streamDatasetRows } from "@/features/reports/queries";
import { textStream } from "@/server/streams";

export const GET = apiRoute("read", async (request: Request) => {
  parseQuery(noParams, request);
  const exportedAt = new Date();
  return new Response(textStream(datasetJson(streamDatasetRows(), exportedAt)), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(reportFileName("dataset", "json", exportedAt)),
      "Cache-Control": "no-store",
    },
  });
});
