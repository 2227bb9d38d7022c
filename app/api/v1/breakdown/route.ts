import { NextResponse } from "next/server";
import { apiRoute, parseQuery } from "@/server/http";
import { breakdownParams } from "@/features/api/schemas";
import { breakdownJson, figureViewOf, loadKnownFigures, viewTimeJson } from "@/features/figures";

export const GET = apiRoute("read", async (request: Request) => {
  const { by, ...params } = parseQuery(breakdownParams, request);
  const figures = await loadKnownFigures(figureViewOf(params));
  return NextResponse.json({
    data: breakdownJson(figures.summary, by),
    by,
    unit: figures.metric,
    ...viewTimeJson(figures.time),
    assumed: figures.assumed,
  });
});
