import { datasetJson } from "@/features/reports/exports/dataset";
import { attachment, exportFileName } from "@/features/reports/exports/file-name";
import { streamDatasetRows } from "@/features/reports/queries";
import { noParams } from "@/features/reports/schemas";
import { parseQuery } from "@/server/api";
import { guarded } from "@/server/access";
import { textStream } from "@/server/streams";

export const GET = guarded("read", async (request: Request) => {
  const parsed = parseQuery(noParams, request);
  if (!parsed.ok) return parsed.response;
  const exportedAt = new Date();
  return new Response(textStream(datasetJson(streamDatasetRows(), exportedAt)), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(exportFileName("dataset", "json", exportedAt)),
      "Cache-Control": "no-store",
    },
  });
});
