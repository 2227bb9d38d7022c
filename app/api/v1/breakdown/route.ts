import { NextResponse } from "next/server";
import { breakdownJson, viewTimeJson, loadKnownFigures, figureViewOf } from "@/features/figures";
import { conditionsBadParams } from "@/features/reports/api-errors";
import { breakdownParams } from "@/features/reports/schemas";
import { guarded } from "@/server/access";
import { parseQuery } from "@/server/api";

export const GET = guarded("read", async (request: Request) => {
  const parsed = parseQuery(breakdownParams, request);
  if (!parsed.ok) return parsed.response;
  const { by, ...params } = parsed.data;
  const figures = await loadKnownFigures(figureViewOf(params)).catch(conditionsBadParams);
  if (figures instanceof Response) return figures;
  return NextResponse.json({
    data: breakdownJson(figures.summary, by),
    by,
    unit: figures.metric,
    ...viewTimeJson(figures.time),
    assumed: figures.assumed,
  });
});
