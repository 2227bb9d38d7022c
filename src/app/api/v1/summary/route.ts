import { NextResponse } from "next/server";
import { summaryJson } from "@/features/reports/figures";
import { loadFigures } from "@/features/reports/queries";
import { figureParams } from "@/features/reports/schemas";
import { badParams, handled, parseQuery } from "@/server/api";
import { conditionsBadParams } from "@/features/reports/api-errors";

export const GET = handled(async (request: Request) => {
  const parsed = parseQuery(figureParams, request);
  if (!parsed.ok) return parsed.response;
  const figures = await loadFigures(parsed.data).catch(conditionsBadParams);
  if (figures instanceof Response) return figures;
  const data = summaryJson(figures.summary, figures, figures.sources, figures.references.capacities);
  if (!data) {
    const metrics = figures.references.metrics.join(", ") || "none";
    return badParams([
      {
        param: "metric",
        message: `no requirement is recorded in ${figures.metric}; metrics with one: ${metrics}`,
      },
    ]);
  }
  return NextResponse.json({ data });
});
