import "server-only";
import { LRUCache } from "lru-cache";
import { cache } from "react";
import { summarize } from "@/lib/rules/summary";
import { viewTimeOfKey, type ViewTime } from "@/lib/view-time";
import { getDashboardAggregates, getDataStamp, getMetricReferences, listTimeline } from "./queries";

async function readDashboardData(metric: string, time: ViewTime) {
  const [aggregates, references, timeline] = await Promise.all([
    getDashboardAggregates(time),
    getMetricReferences(metric, time),
    listTimeline(time),
  ]);
  return { aggregates, references, timeline };
}

/**
 * The figures for one metric and scenario from the database's answers: shared by the dashboard and
 * the API and exports, so that they cannot disagree. Unknown condition slugs are reported back.
 */
export function figuresFrom(
  metric: string,
  assumedSlugs: readonly string[],
  aggregates: Awaited<ReturnType<typeof getDashboardAggregates>>,
  references: Awaited<ReturnType<typeof getMetricReferences>>,
) {
  const bySlug = new Map(aggregates.conditions.map((condition) => [condition.slug, condition.id]));
  const unknownConditions = assumedSlugs.filter((slug) => !bySlug.has(slug));
  const scenario = new Set(assumedSlugs.flatMap((slug) => bySlug.get(slug) ?? []));
  const requirement = references.requirements[0] ?? null;
  const summary = summarize({ unit: metric, requirement, scenario, ...aggregates });
  return { summary, scenario, unknownConditions };
}

async function buildDashboard(
  metric: string,
  assumed: string,
  time: ViewTime,
  data: Promise<DashboardInput>,
) {
  const { aggregates, references, timeline } = await data;
  const { summary, unknownConditions } = figuresFrom(
    metric,
    assumed ? assumed.split(",") : [],
    aggregates,
    references,
  );
  return { summary, references, timeline, unknownConditions, time };
}

type DashboardInput = Awaited<ReturnType<typeof readDashboardData>>;
type Dashboard = Awaited<ReturnType<typeof buildDashboard>>;

// Results are reused while the data version is unchanged (any write, from any process, moves it):
// the database's answers per metric and date, and the figures per scenario on top of them. Under
// load most requests then cost one one-row query. Promises are cached, so concurrent misses share.
const inputs = new LRUCache<string, Promise<DashboardInput>>({ max: 32 });
const views = new LRUCache<string, Promise<Dashboard>>({ max: 128 });

function remember<T extends object>(
  store: LRUCache<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
) {
  let entry = store.get(key);
  if (!entry) {
    entry = make();
    entry.catch(() => store.delete(key));
    store.set(key, entry);
  }
  return entry;
}

/**
 * Everything the dashboard shows for one metric, scenario and view time (a `viewTimeKey`). Also
 * cached per request, so each widget can ask for it under its own Suspense boundary. Arguments are
 * primitives because React's cache compares them by identity.
 */
export const loadDashboard = cache(async function loadDashboard(
  metric: string,
  assumed: string,
  timeKey: string,
) {
  const time = viewTimeOfKey(timeKey);
  const stamp = await getDataStamp();
  const inputKey = `${stamp}#${metric}#${timeKey}`;
  return remember(views, `${inputKey}#${assumed}`, () =>
    buildDashboard(
      metric,
      assumed,
      time,
      remember(inputs, inputKey, () => readDashboardData(metric, time)),
    ),
  );
});
