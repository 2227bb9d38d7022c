import type { Locale } from "@/i18n/locales";
import "server-only";
// What changed between two days: the figures at both ends (from the figures module, as every view
// reads them), each pledge that moved with what its change did to them and the events behind it,
// each condition that moved with what it released, and the pledges deleted meanwhile.
import { loadKnownFigures } from "@/features/figures";
import { everyPledge, viewBound, type PledgeSelection } from "@/features/pledges/selection-sql";
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
import type { ViewTime } from "@/lib/view-time";
import {
  readChangedPledges,
  readConditionEnds,
  afterInstant,
  readDeleted,
  readEventsWithin,
  readRecentEventIds,
  readRecentEvents,
  type FeedSubject,
  type EventsWithin,
  type PledgeEndsRow,
} from "./queries";
import { changesFeed, entriesOf, type Entry, type FeedAbout } from "./feed";
export { atomFeed, type FeedAbout } from "./feed";
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

/** The bounds of the period: the end of the day before its first, and the end of its last. */
function periodOf({ since, until, knownAt }: ChangesView) {
  const start = new Date(since.getTime() - 86_400_000);
  return {
    start,
    since: viewBound({ asOf: start, knownAt }),
    until: viewBound({ asOf: until, knownAt }),
  };
}

/** The size of a change, for listing the largest first. */
const sizeOf = ({ pledged, unconditional, delivered }: FigureEffect) =>
  [pledged.high, unconditional.high, delivered.high].reduce((sum, v) => sum + (v < 0n ? -v : v), 0n);

/**
 * What differs between two view times (a period's ends, or what was known then and now): the
 * figures at both, each pledge that moved with its effect, each condition that moved with what it
 * released. Refuses (as every figure does) a scenario naming an unknown condition.
 */
async function changesBetween(
  ends: { start: ViewTime; end: ViewTime },
  metric: string,
  selection: PledgeSelection,
) {
  const since = viewBound(ends.start);
  const until = viewBound(ends.end);
  const figureView = (time: ViewTime) => ({ metric, time, selection });
  const [start, end, rows, conditionRows] = await Promise.all([
    loadKnownFigures(figureView(ends.start)),
    loadKnownFigures(figureView(ends.end)),
    readChangedPledges(since, until, selection),
    readConditionEnds(since, until),
  ]);
  const { scenario } = scenarioOf(selection.assume, conditionRows);
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
        effect: pledgeEffect(before, after, metric, scenario),
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
      release: conditionRelease(c.id, pledges, metric, scenario),
    }));

  const a = start.summary;
  const b = end.summary;
  return {
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
  };
}

/**
 * Every change from the start of `since` to the end of `until`, as known now (or at `knownAt`), and
 * the pledges deleted meanwhile.
 */
export async function loadChanges(view: ChangesView) {
  const { start, since, until } = periodOf(view);
  const [between, deleted] = await Promise.all([
    changesBetween(
      { start: { asOf: start, knownAt: view.knownAt }, end: { asOf: view.until, knownAt: view.knownAt } },
      view.metric,
      view.selection,
    ),
    readDeleted({ from: since.occurred!, before: until.occurred!, knownBy: until.known }, view.selection),
  ]);
  return { view, ...between, deleted };
}

/**
 * What the tracker learnt after `knownSince` about what a selection picks: the present as known
 * now (or at `knownUntil`) against the present as it was known then (an inbox's "since you last
 * looked", a release's changes since the one before), and the pledges deleted meanwhile.
 */
export async function loadLearntSince(
  knownSince: Date,
  metric: string,
  selection: PledgeSelection,
  knownUntil?: Date,
) {
  const [between, deleted] = await Promise.all([
    changesBetween({ start: { knownAt: knownSince }, end: { knownAt: knownUntil } }, metric, selection),
    readDeleted(
      { from: afterInstant(knownSince), before: knownUntil ? afterInstant(knownUntil) : null, knownBy: null },
      selection,
    ),
  ]);
  return { view: { metric }, ...between, deleted };
}

export type LearntChanges = Awaited<ReturnType<typeof loadLearntSince>>;

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

export { changeBodyJson, changesJson, citationsJson } from "./json";
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

export type { Entry as RecordedEntry, FeedSubject };

/**
 * The latest `limit` events recorded after `after` about what a feed would follow, newest first, as
 * entries linking within the site (an inbox's unread items), with their keys.
 */
export async function loadRecordedSince(
  subject: FeedSubject,
  after: Date,
  limit: number,
  locale: Locale = "en",
) {
  const order = await readRecentEventIds(subject, limit, after);
  return { keys: order.map(eventKey), entries: entriesOf(await readRecentEvents(order), order, "", locale) };
}

/**
 * The latest `limit` corrections to what was known at `knownAt` (a release's), newest first, as
 * entries linking within the site: events recorded after it that are dated by the end of its day,
 * and deletions of pledges it held.
 */
export async function loadCorrections(knownAt: Date, limit: number, locale: Locale = "en") {
  const order = await readRecentEventIds({ selection: everyPledge }, limit, knownAt, "corrections");
  return entriesOf(await readRecentEvents(order), order, "", locale);
}

/** The keys of the latest `limit` events recorded after `after` about what a feed would follow. */
export async function recordedSinceKeys(subject: FeedSubject, after: Date, limit: number) {
  return (await readRecentEventIds(subject, limit, after)).map(eventKey);
}

const eventKey = (event: { kind: string; id: string }) => `${event.kind}:${event.id}`;
