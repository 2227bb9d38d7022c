import "server-only";
import { cache } from "react";
import { summarize } from "@/lib/rules/summary";
import { getDashboardAggregates, getDataStamp, getMetricReferences, listTimeline } from "./queries";

async function readDashboardData(metric: string, asOf: Date | undefined) {
  const [aggregates, references, timeline] = await Promise.all([
    getDashboardAggregates(asOf),
    getMetricReferences(metric, asOf),
    listTimeline(asOf),
  ]);
  return { aggregates, references, timeline };
}

// The database's answers, reused while the data stamp is unchanged: under load, most requests then
// cost one stamp query instead of the full aggregates. Shared promises also merge concurrent misses.
const maxCachedViews = 64;
const recent = new Map<string, Promise<Awaited<ReturnType<typeof readDashboardData>>>>();

async function readDashboardDataCached(metric: string, asOfDay: string, asOf: Date | undefined) {
  const key = `${await getDataStamp()}#${metric}#${asOfDay}`;
  let entry = recent.get(key);
  if (!entry) {
    entry = readDashboardData(metric, asOf);
    entry.catch(() => recent.delete(key));
    recent.set(key, entry);
    if (recent.size > maxCachedViews) recent.delete(recent.keys().next().value!);
  }
  return entry;
}

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
  const { aggregates, references, timeline } = await readDashboardDataCached(metric, asOfDay, asOf);
  const bySlug = new Map(aggregates.conditions.map((condition) => [condition.slug, condition.id]));
  const unknownConditions = assumedSlugs.filter((slug) => !bySlug.has(slug));
  const scenario = new Set(assumedSlugs.flatMap((slug) => bySlug.get(slug) ?? []));
  const requirement = references.requirements[0] ?? null;
  const summary = summarize({ unit: metric, requirement, scenario, ...aggregates });
  return { summary, references, timeline, unknownConditions, asOf };
});

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
