import { NextResponse } from "next/server";
import { apiRoute, parseQuery } from "@/server/http";
import { figureParams, figureViewOf, loadKnownFigures, summaryJson } from "@/features/figures";

export const GET = apiRoute("read", async (request: Request) => {
  const figures = await loadKnownFigures(figureViewOf(parseQuery(figureParams, request)));
  const data = summaryJson(figures.summary, figures, figures.sources, figures.references.capacities);
  return NextResponse.json({ data });
});
