import "server-only";
// The figures' entry point and the one way to them: the dashboard, the briefing, the API and every
// export call `loadFigures` with their view, so that no two of them can disagree. The rules that
// compute them are in lib/rules/figures.ts; the database reads in ./queries.ts.
import { LRUCache } from "lru-cache";
import { rememberNewest, type AtVersion } from "@/lib/remember";
import { freshEnough, keptFresh, readDataVersion, readPastVersion } from "@/server/data-version";
import { viewTimeKey, type ViewTime } from "@/lib/view-time";
import { effectiveStatus, scenarioOf } from "@/lib/rules/effective-status";
import { summarize, totalsOf } from "@/lib/rules/figures";
import { endOfDay } from "@/lib/format";
import { statedQuantity, type Quantity } from "@/lib/rules/quantity";
import type { ConditionStatus } from "@/lib/rules/vocabulary";
import {
  readAggregates,
  readConditionSlugs,
  readDatedFrom,
  readFirstAnnounced,
  readHistoryMarks,
  readLastChange,
  readSourceTitles,
  readUnitsInUse,
  readReferences,
  readSourceRows,
  readTotalsInputs,
} from "./queries";
import { unitsSelected } from "@/features/pledges/queries";
import { defaultMetric, UnknownConditionError, type FigureView } from "./schemas";
import { summaryJson, type FigureSources } from "./json";
import { viewJson } from "@/lib/rules/report-view";

async function readInputs({ metric, time, selection }: FigureView) {
  const [aggregates, references] = await Promise.all([
    readAggregates(time, selection),
    readReferences(metric, time, selection),
  ]);
  return { aggregates, references };
}

type Inputs = Awaited<ReturnType<typeof readInputs>>;

/**
 * The sources behind each headline figure: those cited by the pledges summed into it. Unconditional
 * follows the same rule as the figure (rules/effective-status.ts) under the scenario.
 */
function sourcesOf(
  { conditions: held, references, scenario }: Computed,
  sourceRows: Awaited<ReturnType<typeof readSourceRows>>,
): FigureSources {
  const conditions = new Map(held.map((c) => [c.id, c]));
  const pledged = new Set<string>();
  const unconditional = new Set<string>();
  const delivered = new Set<string>();
  for (const row of sourceRows) {
    pledged.add(row.sourceId);
    const blockedBy = (row.blocked ? row.blocked.split(",") : []).flatMap((id) => conditions.get(id) ?? []);
    if (effectiveStatus(row.status, blockedBy, scenario).status !== "conditional")
      unconditional.add(row.sourceId);
    if (row.delivered !== null && BigInt(row.delivered) > 0n) delivered.add(row.sourceId);
  }
  const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();
  return {
    required: sorted(references.requirement?.citations.map((citation) => citation.source.id) ?? []),
    pledged: sorted(pledged),
    unconditional: sorted(unconditional),
    delivered: sorted(delivered),
  };
}

/** The figures of a view from the database's answers: pure, the scenario applied here. */
function computeFigures(metric: string, assume: readonly string[], { aggregates, references }: Inputs) {
  const { scenario, unknown } = scenarioOf(assume, aggregates.conditions);
  const summary = summarize({ unit: metric, requirement: references.requirement, scenario, ...aggregates });
  return { summary, references, conditions: aggregates.conditions, scenario, unknownConditions: unknown };
}

type Computed = ReturnType<typeof computeFigures>;

/** A view's figures, and the view they are of, as its request named it. */
export type Figures = Omit<Computed, "scenario" | "conditions"> & {
  metric: string;
  time: ViewTime;
  selection: FigureView["selection"];
  /** The conditions the scenario assumes met, as the request named them. */
  assumed: string[];
};

// The database's answers are kept per metric, view time and selection, for the newest data version
// read (any write, from any process, moves it), as promises, so concurrent misses share one read.
// The figures, their sources and citation are kept per view and scenario, and renewed when the
// version moves: one renewal per view, readers given the figures held meanwhile within the bound
// that server/data-version.ts sets; a browser that wrote waits for its own write. Under load most
// requests then cost one one-row query.
const inputs = new LRUCache<string, AtVersion<Inputs>>({ max: 64 });
const computed = freshEnough<Computed>(128);
const sources = freshEnough<FigureSources>(64);

/** The key of what the database is asked: the scenario matters to it only through an effective-status filter. */
function inputsKey({ metric, time, selection }: FigureView): string {
  const { assume, ...filters } = selection;
  const sorted = Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? [...value].sort() : value]),
  );
  const asked = selection.effective.length > 0 ? [...assume].sort() : [];
  return JSON.stringify([metric, viewTimeKey(time), sorted, asked]);
}

/** The key of a view's figures: its inputs' key and its scenario. */
function figuresKey(view: FigureView): string {
  return `${inputsKey(view)}#${[...new Set(view.selection.assume)].sort().join(",")}`;
}

/**
 * The database's answers for `view` at `version` or later (those held of a newer version serve an
 * older caller), read once however many ask at once.
 */
function inputsAt(version: number, view: FigureView): Promise<Inputs> {
  return rememberNewest(inputs, inputsKey(view), version, () => readInputs(view));
}

/** A view's figures; with `atLeast`, of that data version or newer (for what is built on them). */
async function loadComputed(view: FigureView, atLeast?: number): Promise<Computed> {
  return keptFresh(
    computed,
    figuresKey(view),
    async (version) => computeFigures(view.metric, view.selection.assume, await inputsAt(version, view)),
    atLeast,
  );
}

/** The figures of a view. Unknown conditions in its scenario are in `unknownConditions`. */
export async function loadFigures(view: FigureView): Promise<Figures> {
  const { summary, references, unknownConditions } = await loadComputed(view);
  return {
    summary,
    references,
    unknownConditions,
    metric: view.metric,
    time: view.time,
    selection: view.selection,
    assumed: view.selection.assume,
  };
}

/**
 * The sources behind a view's headline figures (the API's summary): read only where they are shown,
 * and kept like the figures.
 */
export async function loadFigureSources(view: FigureView, atLeast?: number): Promise<FigureSources> {
  return keptFresh(
    sources,
    figuresKey(view),
    async (version) => {
      // Built on the figures of the same data, never on older ones still held.
      const [figures, rows] = await Promise.all([
        loadComputed(view, version),
        readSourceRows(view.time, view.selection, view.metric),
      ]);
      return sourcesOf(figures, rows);
    },
    atLeast,
  );
}

/** The figures of a view whose scenario must name only known conditions (the API, the exports). */
export async function loadKnownFigures(view: FigureView): Promise<Figures> {
  const loaded = await loadFigures(view);
  if (loaded.unknownConditions.length > 0) throw new UnknownConditionError(loaded.unknownConditions);
  return loaded;
}

/**
 * Refuses a scenario naming a condition the view does not hold, without computing any figure (the
 * exports that list pledges check this before their download starts).
 */
export async function checkScenario(assume: readonly string[], time: ViewTime): Promise<void> {
  if (assume.length === 0) return;
  const { unknown } = scenarioOf(assume, await readConditionSlugs(time));
  if (unknown.length > 0) throw new UnknownConditionError(unknown);
}

// ---- The unit a dashboard opens on ----

/**
 * The unit to show when the address names none: personnel where anything is recorded in it; else
 * a unit with a requirement (the one most pledges state); else the unit most pledges state.
 */
export function openingMetric(units: Awaited<ReturnType<typeof readUnitsInUse>>): string {
  const count = (unit: string) => units.pledgeUnits.find((p) => p.unit === unit)?.pledges ?? 0;
  const byUse = (list: string[]) => [...list].sort((a, b) => count(b) - count(a) || a.localeCompare(b));
  if (units.requirementUnits.includes(defaultMetric) || count(defaultMetric) > 0) return defaultMetric;
  return byUse(units.requirementUnits)[0] ?? byUse(units.pledgeUnits.map((p) => p.unit))[0] ?? defaultMetric;
}

const openingMetrics = freshEnough<{ metric: string }>(1);

export async function loadOpeningMetric(): Promise<string> {
  const { metric } = await keptFresh(openingMetrics, "", async () => ({
    metric: openingMetric(await readUnitsInUse()),
  }));
  return metric;
}

// ---- Citing a view ----

/** What a citation of a view's figures names: the sources behind them, and when the data last changed. */
export interface FigureCitation {
  sources: string[];
  lastChange: Date | null;
}

const citations = freshEnough<FigureCitation>(32);

export async function loadFigureCitation(view: FigureView): Promise<FigureCitation> {
  return keptFresh(citations, figuresKey(view), async (version) => {
    const [sources, lastChange] = await Promise.all([loadFigureSources(view, version), readLastChange()]);
    // The requirement's sources first, then those behind the pledged figure.
    return {
      sources: await readSourceTitles([...new Set([...sources.required, ...sources.pledged])]),
      lastChange,
    };
  });
}

// ---- A list's totals ----

/** A list's totals in one unit: the dashboard's figures for the same selection and time. */
export interface UnitTotals {
  unit: string;
  pledged: Quantity;
  unconditional: Quantity;
  delivered: Quantity;
}

/** The totals of the pledges a list selects, one line per unit they state, as the summary API gives them. */
export async function loadListTotals(
  selection: FigureView["selection"],
  time: ViewTime,
): Promise<UnitTotals[]> {
  const units = await unitsSelected(selection, time);
  return Promise.all(
    units.map(async (unit) => {
      const { totals } = (await loadFigures({ metric: unit, time, selection })).summary;
      return {
        unit,
        pledged: totals.pledged,
        unconditional: totals.unconditional,
        delivered: totals.delivered,
      };
    }),
  );
}

// ---- The gap over time ----

/** The most points a history has: a longer span takes wider steps. */
const historyPoints = 60;
const day = 86_400_000;

/** One point of a gap history: the figures as they stood at the end of `day`. */
export interface HistoryPoint {
  day: Date;
  required: Quantity | null;
  pledged: Quantity;
  unconditional: Quantity;
  delivered: Quantity;
}

export interface GapHistory {
  unit: string;
  points: HistoryPoint[];
  /** Each condition's changes of status, for the chart's markers. */
  conditionChanges: { at: Date; title: string; status: ConditionStatus }[];
}

/** The start (UTC midnight) of `date`'s day. */
const dayOf = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** The days a history is drawn at: weekly (wider for long spans) from `first`, and the last day itself. */
export function historyDays(first: Date, last: Date): Date[] {
  const start = dayOf(first);
  const end = dayOf(last);
  if (end < start) return [];
  const weeks = Math.ceil((end - start) / (7 * day));
  const step = 7 * day * Math.max(1, Math.ceil(weeks / (historyPoints - 1)));
  const days: Date[] = [];
  for (let t = start; t < end; t += step) days.push(new Date(t));
  days.push(new Date(end));
  return days;
}

// A history costs a view's totals for each step since the first announcement (a second or two at
// 10,000 pledges), and a write of today moves only its last point. So the two are kept apart: the
// last point as the figures are (at most a second behind the data), with whether there is a history
// at all and the conditions' markers (two cheap reads); the points before it renewed once they are
// 10 seconds behind and never more than 25 (so that a kept dashboard, rendered again every 5 seconds,
// server/rendered-pages.ts, shows them at most half a minute behind, as the README says). The
// renewal has 15 seconds before anyone waits for it: under writes and 25 readers it took 4.6, and
// a page waiting for it holds up every reader of that page. The writer's own write is in both at once.
const pastPoints = freshEnough<{ points: HistoryPoint[] }>(16, { maxStaleMs: 25_000, renewAfterMs: 10_000 });
// The points as last counted, with the past's version then: a renewal after writes dated today only
// (the past's version unmoved; server/data-version.ts) gives them again without counting.
const pastCounted = new LRUCache<string, { past: number; points: HistoryPoint[] }>({ max: 16 });
const lastPoints = freshEnough<Omit<GapHistory, "unit" | "points"> & { point: HistoryPoint | null }>(16);
// Each day's reads, kept apart from the scenario: ticking a condition recounts a history in memory.
const historyInputs = new LRUCache<string, AtVersion<Awaited<ReturnType<typeof readTotalsInputs>>>>({
  max: 512,
});

/** A view's figures as they stood at the end of `asOf`, from the data at `version`. */
async function historyPoint(view: FigureView, asOf: Date, version: number): Promise<HistoryPoint> {
  const dayView = { ...view, time: { asOf, knownAt: view.time.knownAt } };
  const { groups, conditions, requirement } = await rememberNewest(
    historyInputs,
    inputsKey(dayView),
    version,
    () => readTotalsInputs(view.metric, dayView.time, dayView.selection),
  );
  const { scenario } = scenarioOf(view.selection.assume, conditions);
  const totals = totalsOf(groups, view.metric, scenario);
  return {
    day: asOf,
    required: requirement
      ? statedQuantity(requirement.low, requirement.high, view.metric, requirement.qualifier)
      : null,
    pledged: totals.pledged,
    unconditional: totals.unconditional,
    delivered: totals.delivered,
  };
}

/**
 * The point of a history on the view's own day: the view's figures, which the page shows beside it,
 * rather than the day counted again (the costliest read of a renewal, at 10,000 pledges). A view
 * as of a date is of that very day. Today's view is of the stored current state, which is the same
 * as today's end unless something is dated later (an announcement, a change or an event,
 * `datedLater`): then the day is counted as the other points are.
 */
async function lastPoint(
  view: FigureView,
  day: Date,
  datedLater: boolean,
  version: number,
): Promise<HistoryPoint> {
  if (datedLater) return historyPoint(view, day, version);
  const { summary } = await loadComputed(view, version);
  return {
    day,
    required: summary.gap?.required ?? null,
    pledged: summary.totals.pledged,
    unconditional: summary.totals.unconditional,
    delivered: summary.totals.delivered,
  };
}

/**
 * A view's gap over time: its figures as they stood at each step from the first announcement to the
 * view's day, each computed as the view's own (the same reads and rules, as of that day).
 */
export async function loadGapHistory(view: FigureView, today = new Date()): Promise<GapHistory> {
  const last = view.time.asOf ?? today;
  const key = `${figuresKey(view)}#${isoDayKey(today)}`;
  const [past, { point, conditionChanges }] = await Promise.all([
    keptFresh(pastPoints, key, async (version) => {
      // Read before counting: a write to the past made meanwhile moves it again, and is counted next time.
      const past = await readPastVersion();
      const counted = pastCounted.get(key);
      // Only days before today: a view of a later day has today among its earlier points.
      if (counted?.past === past && dayOf(last) <= dayOf(today)) return { points: counted.points };
      // Counted from data at least as new as the past's version read (the version this renewal was
      // given may be older, and the days' answers kept for it would then lack a write it counts).
      const at = Math.max(version, await readDataVersion());
      const firstAnnounced = await readFirstAnnounced(view.time);
      const days = firstAnnounced ? historyDays(firstAnnounced, last) : [];
      const points: HistoryPoint[] = [];
      // One day after the other: a history costs a view's reads per point, and runs beside other requests.
      for (const asOf of days.slice(0, -1)) points.push(await historyPoint(view, asOf, at));
      pastCounted.set(key, { past, points });
      return { points };
    }),
    keptFresh(lastPoints, key, async (version) => {
      const day = new Date(dayOf(last));
      // Together: one wait for the reader threads fewer, in a renewal readers may be waiting for
      // (whether anything is dated later is read even for a view with no history: three lookups).
      const [marks, datedLater] = await Promise.all([
        readHistoryMarks(view.time),
        !view.time.asOf && readDatedFrom(endOfDay(day)),
      ]);
      return {
        // Nothing announced by the view's day: no history, not even its last point.
        point:
          marks.firstAnnounced && historyDays(marks.firstAnnounced, last).length > 0
            ? await lastPoint(view, day, datedLater, version)
            : null,
        conditionChanges: marks.conditionChanges.filter(
          (change) => change.at.getTime() < endOfDay(last).getTime(),
        ),
      };
    }),
  ]);
  return { unit: view.metric, points: point ? [...past.points, point] : [], conditionChanges };
}

const isoDayKey = (date: Date) => date.toISOString().slice(0, 10);

export { breakdownJson, breakdownRows, rangeOf, viewTimeJson } from "./json";
export { headlineOf, type Headline } from "./headline";
export { defaultMetric, figureParams, figureViewOf, type FigureParams, type FigureView } from "./schemas";

/** The summary as the API answers it (`/api/v1/summary`, a release's summary.json): figures, sources, the view. */
export async function loadSummaryAnswer(view: FigureView) {
  const figures = await loadKnownFigures(view);
  const sources = await loadFigureSources(view);
  return {
    data: summaryJson(figures.summary, figures, sources, figures.references.capacities),
    view: viewJson(view),
  };
}
