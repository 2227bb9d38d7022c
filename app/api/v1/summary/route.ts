import { NextResponse } from "next/server";
import { apiRoute, parseQuery } from "@/server/http";
import { viewJson } from "@/lib/rules/report-view";
import {
  figureParams,
  figureViewOf,
  loadFigureSources,
  loadKnownFigures,
  summaryJson,
} from "@/features/figures";

export const GET = apiRoute("read", async (request: Request) => {
  const view = figureViewOf(parseQuery(figureParams, request));
  const figures = await loadKnownFigures(view);
  const sources = await loadFigureSources(view);
  const data = summaryJson(figures.summary, figures, sources, figures.references.capacities);
  return NextResponse.json({ data, view: viewJson(view) });
});
