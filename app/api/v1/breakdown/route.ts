import { NextResponse } from "next/server";
import { apiRoute, parseQuery } from "@/server/http";
import { viewJson } from "@/lib/rules/report-view";
import { breakdownParams } from "@/features/api/schemas";
import { breakdownJson, figureViewOf, loadKnownFigures, viewTimeJson } from "@/features/figures";

export const GET = apiRoute("read", async (request: Request) => {
  const { by, ...params } = parseQuery(breakdownParams, request);
  const view = figureViewOf(params);
  const figures = await loadKnownFigures(view);
  return NextResponse.json({
    data: breakdownJson(figures.summary, by),
    view: viewJson(view),
    by,
    unit: figures.metric,
    ...viewTimeJson(figures.time),
    assumed: figures.assumed,
  });
});
