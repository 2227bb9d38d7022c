import "server-only";
import { cache } from "react";
import { summarize } from "@/lib/rules/summary";
import { getDashboardAggregates, getMetricReferences, listTimeline } from "./queries";

/**
 * Everything the dashboard shows for one metric, scenario and date. Cached per request, so each
 * widget can ask for it under its own Suspense boundary while the queries run once.
 * Arguments are primitives because React's cache compares them by identity.
 */
export const loadDashboard = cache(async function loadDashboard(
  metric: string,
  assumed: string,
  asOfDay: string,
) {
  const asOf = asOfDay ? new Date(`${asOfDay}T00:00:00.000Z`) : undefined;
  const assumedSlugs = assumed ? assumed.split(",") : [];
  const [aggregates, references, timeline] = await Promise.all([
    getDashboardAggregates(asOf),
    getMetricReferences(metric, asOf),
    listTimeline(asOf),
  ]);
  const bySlug = new Map(aggregates.conditions.map((condition) => [condition.slug, condition.id]));
  const unknownConditions = assumedSlugs.filter((slug) => !bySlug.has(slug));
  const scenario = new Set(assumedSlugs.flatMap((slug) => bySlug.get(slug) ?? []));
  const requirement = references.requirements[0] ?? null;
  const summary = summarize({ unit: metric, requirement, scenario, ...aggregates });
  return { summary, references, timeline, unknownConditions, asOf };
});

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
