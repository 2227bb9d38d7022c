import { NextResponse } from "next/server";
import { summaryJson, loadKnownFigures, figureParams, figureViewOf } from "@/features/figures";
import { parseQuery } from "@/server/api";
import { guarded } from "@/server/access";
import { conditionsBadParams } from "@/features/reports/api-errors";

export const GET = guarded("read", async (request: Request) => {
  const parsed = parseQuery(figureParams, request);
  if (!parsed.ok) return parsed.response;
  const figures = await loadKnownFigures(figureViewOf(parsed.data)).catch(conditionsBadParams);
  if (figures instanceof Response) return figures;
  const data = summaryJson(figures.summary, figures, figures.sources, figures.references.capacities);
  return NextResponse.json({ data });
});
