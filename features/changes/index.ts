import "server-only";
// What changed between two days: the figures at both ends (from the figures module, as every view
// reads them), each pledge that moved with what its change did to them and the events behind it,
// each condition that moved with what it released, and the pledges deleted meanwhile.
import { loadKnownFigures } from "@/features/figures";
import { viewBound, type PledgeSelection } from "@/features/pledges/selection-sql";
import { scenarioOf, type ConditionState } from "@/lib/rules/effective-status";
import {
  changeKinds,
  conditionRelease,
  figureDelta,
  pledgeEffect,
  type ConditionRelease,
  type FigureEffect,
  type PledgeChangeKind,
  type PledgeState,
} from "@/lib/rules/changes";
import type { ConditionStatus } from "@/lib/rules/vocabulary";
import {
  readChangedPledges,
  readConditionEnds,
  readDeletedWithin,
  readEventsWithin,
  readRecentEventIds,
  readRecentEvents,
  type FeedSubject,
  type EventsWithin,
  type PledgeEndsRow,
} from "./queries";
import { changesFeed, type FeedAbout } from "./feed";
import { feedLength } from "./schemas";

/**
 * What the list of changes is of: the period's first and last days (both whole: it starts where the
 * day before `since` ends), a metric and a selection, as known now or at `knownAt`.
 */
export interface ChangesView {
  since: Date;
  until: Date;
  knownAt?: Date;
  metric: string;
  selection: PledgeSelection;
}

export interface PledgeChange {
  id: string;
  title: string;
  kinds: PledgeChangeKind[];
  before: PledgeState | null;
  after: PledgeState | null;
  effect: FigureEffect;
}

export interface ConditionChange {
  id: string;
  slug: string;
  title: string;
  from: ConditionStatus | null;
  to: ConditionStatus | null;
  release: ConditionRelease;
}

const amount = (value: bigint | number | null) => (value === null ? null : BigInt(value));

/** One end of a changed pledge, its blocking conditions named as they stood then; null where not picked. */
function stateOf(
  row: PledgeEndsRow,
  end: "from" | "to",
  conditions: ReadonlyMap<string, ConditionState>,
): PledgeState | null {
  const status = row[`${end}Status`];
  const category = row[`${end}Category`];
  if (status === null || category === null) return null;
  const blocked = row[`${end}Blocked`];
  return {
    category,
    status,
    unit: row[`${end}Unit`],
    qualifier: row[`${end}Qualifier`] ?? "exact",
    low: amount(row[`${end}Low`]),
    high: amount(row[`${end}High`]),
    delivered: amount(row[`${end}Delivered`]),
    blockedBy: (blocked ? blocked.split(",") : [])
      .sort()
      .map((id) => conditions.get(id) ?? { id, title: id, status: "unmet" as const }),
  };
}

/** The size of a change, for listing the largest first. */
/** The bounds of the period: the end of the day before its first, and the end of its last. */
function periodOf({ since, until, knownAt }: ChangesView) {
  const start = new Date(since.getTime() - 86_400_000);
  return {
    start,
    since: viewBound({ asOf: start, knownAt }),
    until: viewBound({ asOf: until, knownAt }),
  };
}

const sizeOf = ({ pledged, unconditional, delivered }: FigureEffect) =>
  [pledged.high, unconditional.high, delivered.high].reduce((sum, v) => sum + (v < 0n ? -v : v), 0n);

/**
 * Every change from the start of `since` to the end of `until`, as known now (or at `knownAt`). Refuses (as every
 * figure does) a scenario naming an unknown condition.
 */
export async function loadChanges(view: ChangesView) {
  const { start: dayBefore, since, until } = periodOf(view);
  const figureView = (asOf: Date) => ({
    metric: view.metric,
    time: { asOf, knownAt: view.knownAt },
    selection: view.selection,
  });
  const [start, end, rows, conditionRows, deleted] = await Promise.all([
    loadKnownFigures(figureView(dayBefore)),
    loadKnownFigures(figureView(view.until)),
    readChangedPledges(since, until, view.selection),
    readConditionEnds(since, until),
    readDeletedWithin(since, until, view.selection),
  ]);
  const { scenario } = scenarioOf(view.selection.assume, conditionRows);
  const statesAt = (end: "fromStatus" | "toStatus") =>
    new Map(
      conditionRows.flatMap((c) => {
        const status = c[end];
        return status ? [[c.id, { id: c.id, title: c.title, status }] as const] : [];
      }),
    );
  const conditionsAt = { from: statesAt("fromStatus"), to: statesAt("toStatus") };

  const pledges: PledgeChange[] = rows
    .map((row) => {
      const before = stateOf(row, "from", conditionsAt.from);
      const after = stateOf(row, "to", conditionsAt.to);
      return {
        id: row.id,
        title: row.title,
        kinds: changeKinds(before, after),
        before,
        after,
        effect: pledgeEffect(before, after, view.metric, scenario),
      };
    })
    .filter((change) => change.kinds.length > 0)
    .sort((a, b) => {
      const [x, y] = [sizeOf(a.effect), sizeOf(b.effect)];
      return x === y ? a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1) : x > y ? -1 : 1;
    });

  const conditions: ConditionChange[] = conditionRows
    .filter((c) => c.fromStatus !== c.toStatus)
    .map((c) => ({
      id: c.id,
      slug: c.slug,
      title: c.title,
      from: c.fromStatus,
      to: c.toStatus,
      release: conditionRelease(c.id, pledges, view.metric, scenario),
    }));

  const a = start.summary;
  const b = end.summary;
  return {
    view,
    figures: {
      pledges: { from: a.pledgeCount, to: b.pledgeCount },
      required: figureDelta(a.gap?.required, b.gap?.required),
      pledged: figureDelta(a.totals.pledged, b.totals.pledged),
      unconditional: figureDelta(a.totals.unconditional, b.totals.unconditional),
      delivered: figureDelta(a.totals.delivered, b.totals.delivered),
      shortfall: figureDelta(a.gap?.shortfall, b.gap?.shortfall),
      coverage: figureDelta(a.gap?.coverage, b.gap?.coverage),
    },
    pledges,
    conditions,
    deleted,
  };
}

export type Changes = Awaited<ReturnType<typeof loadChanges>>;

/**
 * The events dated within the period behind some of the changes (a page of them), with their
 * evidence, by pledge and by condition.
 */
export async function loadChangeEvents(
  changes: Changes,
  pledgeIds: readonly string[],
): Promise<ChangeEvents> {
  const { since, until } = periodOf(changes.view);
  const events = await readEventsWithin(
    since,
    until,
    pledgeIds,
    changes.conditions.map((c) => c.id),
  );
  const byPledge = new Map<string, PledgeEvents>(
    pledgeIds.map((id) => [id, { statusChanges: [], ledgerEvents: [], creation: null }]),
  );
  for (const change of events.statusChanges) {
    if (change.pledgeId) byPledge.get(change.pledgeId)?.statusChanges.push(change);
  }
  for (const event of events.ledgerEvents) byPledge.get(event.pledgeId)?.ledgerEvents.push(event);
  for (const creation of events.creations) {
    const entry = byPledge.get(creation.id);
    if (entry) entry.creation = creation;
  }
  const byCondition = new Map<string, EventsWithin["statusChanges"]>();
  for (const change of events.statusChanges) {
    if (!change.conditionId) continue;
    byCondition.set(change.conditionId, [...(byCondition.get(change.conditionId) ?? []), change]);
  }
  return { byPledge, byCondition };
}

export interface ChangeEvents {
  byPledge: Map<string, PledgeEvents>;
  byCondition: Map<string, EventsWithin["statusChanges"]>;
}

export interface PledgeEvents {
  statusChanges: EventsWithin["statusChanges"];
  ledgerEvents: EventsWithin["ledgerEvents"];
  creation: EventsWithin["creations"][number] | null;
}

export { changesJson } from "./json";
export { changeLines, kindCounts, type ChangeLines } from "./change-lines";

/** The feed of what the tracker learnt about a subject (the list's filters, or one pledge), as Atom. */
export async function loadChangesFeed(
  subject: FeedSubject,
  about: FeedAbout,
  origin: string,
): Promise<string> {
  const order = await readRecentEventIds(subject, feedLength);
  return changesFeed(about, await readRecentEvents(order), order, origin);
}
