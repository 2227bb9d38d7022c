import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { readingDb } from "@/server/db";
import {
  blockersOf,
  conditionsAtQuery,
  countsTowardTotalsSql,
  eventWithinWhere,
  everyPledge,
  pledgesAt,
  heldAtWhere,
  isPresent,
  selectsEveryPledge,
  viewBound,
  type Bound,
  type PledgeSelection,
} from "@/features/pledges/selection-sql";
import { citationSelect } from "@/server/selects";
import { databaseKind, requireDatabaseUrl } from "@/server/env";
import { compactJournal } from "./mutations";
import { journalKeyColumns, journalSums } from "./journal-sql";
import type { ViewTime } from "@/lib/view-time";
import type { AggregateGroup, TotalsGroup } from "@/lib/rules/figures";
import type { ConditionState } from "@/lib/rules/effective-status";
import type {
  ConditionStatus,
  PledgeCategory,
  PledgeStatus,
  QuantityQualifier,
} from "@/lib/rules/vocabulary";

// What the figures are computed from, read from the database: sums per group of alike pledges, the
// conditions, the requirement and comparisons, the sources behind the sums. Never a row per pledge.
// Read through readingDb(): on SQLite, off the server's thread (server/reads/).

/** A group's sums as read: integers or bigints, as each database and query casts them, converted where used. */
export interface TotalsRow {
  /** Null in a lead row of no single lead. */
  stakeholderId?: string | null;
  unit: string | null;
  status: PledgeStatus;
  qualifier: QuantityQualifier;
  blocked: string | null;
  count: bigint | number;
  low: bigint | number;
  high: bigint | number;
  delivered: bigint | number;
  deliveredAbove: bigint | number;
}

type AggregateRow = TotalsRow & { category: PledgeCategory };

/** Makes groups of rows: thousands of them share a few dozen sets of blocking conditions, each made once. */
function groupMaker(conditions: Map<string, ConditionState>) {
  // No row is spread: this runs on the server's thread, for every renewal of the figures and every
  // point of a gap history (in a profile under writes, a tenth of that thread's time).
  const blockers = new Map<string, ConditionState[]>();
  const blockedBy = (blocked: string | null) => {
    let list = blockers.get(blocked ?? "");
    if (!list) {
      list = (blocked ? blocked.split(",") : [])
        .sort()
        .map((id) => conditions.get(id) ?? { id, title: id, status: "unmet" as const });
      blockers.set(blocked ?? "", list);
    }
    return list;
  };
  return (row: TotalsRow): TotalsGroup => {
    const group: TotalsGroup = {
      unit: row.unit,
      status: row.status,
      qualifier: row.qualifier,
      blockedBy: blockedBy(row.blocked),
      count: Number(row.count),
      low: BigInt(row.low),
      high: BigInt(row.high),
      delivered: BigInt(row.delivered),
      deliveredAbove: Number(row.deliveredAbove),
    };
    if (row.stakeholderId) group.stakeholderId = row.stakeholderId;
    return group;
  };
}

function toTotalsGroups(rows: TotalsRow[], conditions: Map<string, ConditionState>): TotalsGroup[] {
  return rows.map(groupMaker(conditions));
}

function toGroups(rows: AggregateRow[], conditions: Map<string, ConditionState>): AggregateGroup[] {
  const make = groupMaker(conditions);
  return rows.map((row) => Object.assign(make(row), { category: row.category }));
}

/** The aggregates read figures and statuses, never due dates. */
const totalsOnly = { withDue: false };

// PostgreSQL sums BIGINTs as NUMERIC (which its driver returns as text): cast back to integers.
// "deliveredAbove" counts deliveries above the pledged ceiling, as deliveredAbovePledge in
// lib/rules/ledger.ts says (a comparison with null is not true, as there).
const sums = Prisma.sql`COUNT(*) AS count, CAST(COALESCE(SUM(pl.low), 0) AS BIGINT) AS low,
  CAST(COALESCE(SUM(pl.high), 0) AS BIGINT) AS high, CAST(COALESCE(SUM(pl.delivered), 0) AS BIGINT) AS delivered,
  CAST(COALESCE(SUM(CASE WHEN pl.delivered > pl.high THEN 1 ELSE 0 END), 0) AS BIGINT) AS "deliveredAbove"`;

/**
 * How many pledges each condition is tied to, of those a view selects (`pl`). For the present and
 * every pledge, every link less those of deleted pledges (few): counted from an index and one pass
 * over the pledges, where joining each link to its pledge took 6 ms at 10,000 pledges (0.7 ms).
 * CROSS JOIN keeps SQLite from looking each link's pledge up (it has no statistics to know better);
 * PostgreSQL's planner orders the join itself.
 */
function tiedPledges(bound: Bound, selection: PledgeSelection) {
  if (!isPresent(bound) || !selectsEveryPledge(selection))
    return Prisma.sql`SELECT pc."conditionId", COUNT(*) AS pledges
      FROM "PledgeCondition" pc JOIN pl ON pl."id" = pc."pledgeId"
      GROUP BY pc."conditionId"`;
  return Prisma.sql`SELECT t."conditionId", CAST(SUM(t.n) AS BIGINT) AS pledges FROM (
      SELECT pc."conditionId", COUNT(*) AS n FROM "PledgeCondition" pc GROUP BY pc."conditionId"
      UNION ALL
      SELECT pc."conditionId", -COUNT(*) AS n FROM "Pledge" p CROSS JOIN "PledgeCondition" pc
      WHERE pc."pledgeId" = p."id" AND p."deletedAt" IS NOT NULL
      GROUP BY pc."conditionId"
    ) t GROUP BY t."conditionId"`;
}

/** Conditions with their status at the bound and how many pledges (existing then) they are tied to. */
async function readConditionsAt(bound: Bound, selection: PledgeSelection) {
  const rows = await readingDb().$queryRaw<
    {
      id: string;
      slug: string;
      title: string;
      status: ConditionStatus;
      dependsOn: string | null;
      pledges: bigint | number | null;
    }[]
  >`
    WITH ${pledgesAt(bound, selection, totalsOnly)},
    tied AS (${tiedPledges(bound, selection)})
    SELECT c."id", c."slug", c."title", cond.status AS status, s."name" AS "dependsOn", tied.pledges AS pledges
    FROM "Condition" c
    JOIN cond ON cond."id" = c."id"
    LEFT JOIN tied ON tied."conditionId" = c."id"
    LEFT JOIN "Stakeholder" s ON s."id" = c."dependsOnId"
    ORDER BY c."title"`;
  return rows.map((row) => ({ ...row, pledges: Number(row.pledges ?? 0) }));
}

/**
 * The conditions with their status at the bound, and nothing the totals do without: unlike
 * readConditionsAt, no count of tied pledges, which costs a pass over every pledge as it stood.
 */
async function readConditionStatesAt(bound: Bound) {
  return readingDb().$queryRaw<{ id: string; slug: string; title: string; status: ConditionStatus }[]>`
    WITH cond AS (${conditionsAtQuery(bound)})
    SELECT c."id", c."slug", c."title", cond.status AS status
    FROM "Condition" c JOIN cond ON cond."id" = c."id"
    ORDER BY c."title"`;
}

/** The main aggregate: pledges grouped by everything the rules look at. Exported for the benchmark. */
export function pledgeGroupsQuery(bound: Bound, selection: PledgeSelection = everyPledge) {
  return Prisma.sql`
    WITH ${pledgesAt(bound, selection, totalsOnly)}
    SELECT pl.unit, pl.category, pl.status, pl.qualifier, blk.blocked, ${sums}
    FROM pl LEFT JOIN blk ON blk."pledgeId" = pl."id"
    GROUP BY pl.unit, pl.category, pl.status, pl.qualifier, blk.blocked`;
}

/** The conditions' states by id, as the groups name the conditions that block them. */
function conditionStates(conditions: readonly ConditionState[]) {
  return new Map(conditions.map((c) => [c.id, { id: c.id, title: c.title, status: c.status }]));
}

/** The requirement a metric's gap is measured against: the first recorded in the unit that the view holds. */
const requirementOf = (metric: string, time: ViewTime) => ({
  where: { unit: metric, ...heldAtWhere(time) },
  orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
});

/**
 * The groups the figures sum, of the pledges a view selects as they stood at its time: by
 * everything the rules look at (`pledgeRows`), for each stakeholder carrying them, and for their
 * lead. The present and every pledge from the totals' journal; any other view by GROUP BY.
 */
async function readGroupRows(bound: Bound, selection: PledgeSelection) {
  if (isPresent(bound) && selectsEveryPledge(selection)) {
    const { pledge, carrier, lead } = await readJournalGroups();
    return { pledgeRows: pledge, stakeholderRows: carrier, leadRows: lead };
  }
  return readGroupRowsByQuery(bound, selection);
}

/** The groups by GROUP BY over the pledges, whatever the view (and what the journal is checked against). */
export async function readGroupRowsByQuery(bound: Bound, selection: PledgeSelection) {
  const [pledgeRows, stakeholderRows, leadRows] = await Promise.all([
    readingDb().$queryRaw<AggregateRow[]>(pledgeGroupsQuery(bound, selection)),
    // A pledge counts once for each stakeholder that carries it (pledger, lead or contributor). Not
    // by category, which no stakeholder row shows: half as many rows to read and convert.
    readingDb().$queryRaw<TotalsRow[]>`
      WITH ${pledgesAt(bound, selection, totalsOnly)},
      carriers AS (
        SELECT DISTINCT ps."pledgeId", ps."stakeholderId" FROM "PledgeStakeholder" ps
        WHERE ps."role" IN ('pledger', 'lead', 'contributor')
      )
      SELECT carriers."stakeholderId" AS "stakeholderId", pl.unit, pl.status, pl.qualifier, blk.blocked, ${sums}
      FROM pl JOIN carriers ON carriers."pledgeId" = pl."id" LEFT JOIN blk ON blk."pledgeId" = pl."id"
      GROUP BY carriers."stakeholderId", pl.unit, pl.status, pl.qualifier, blk.blocked`,
    // Counted once each (see leadAttribution in lib/rules/figures.ts): for the one stakeholder named
    // lead; with no lead, for its one carrier; otherwise for no one ("no single lead").
    readingDb().$queryRaw<TotalsRow[]>`
      WITH ${pledgesAt(bound, selection, totalsOnly)},
      carried AS (
        SELECT ps."pledgeId",
          COUNT(DISTINCT CASE WHEN ps."role" = 'lead' THEN ps."stakeholderId" END) AS leads,
          MAX(CASE WHEN ps."role" = 'lead' THEN ps."stakeholderId" END) AS lead,
          COUNT(DISTINCT ps."stakeholderId") AS carriers,
          MAX(ps."stakeholderId") AS carrier
        FROM "PledgeStakeholder" ps
        WHERE ps."role" IN ('pledger', 'lead', 'contributor')
        GROUP BY ps."pledgeId"
      ),
      led AS (
        SELECT "pledgeId",
          CASE WHEN leads = 1 THEN lead WHEN leads = 0 AND carriers = 1 THEN carrier END AS "stakeholderId"
        FROM carried
      )
      SELECT led."stakeholderId" AS "stakeholderId", pl.unit, pl.status, pl.qualifier, blk.blocked, ${sums}
      FROM pl LEFT JOIN led ON led."pledgeId" = pl."id" LEFT JOIN blk ON blk."pledgeId" = pl."id"
      GROUP BY led."stakeholderId", pl.unit, pl.status, pl.qualifier, blk.blocked`,
  ]);
  return { pledgeRows, stakeholderRows, leadRows };
}

/** Every aggregate the figures need, in a handful of queries whatever the number of pledges. */
export async function readAggregates(time: ViewTime, selection: PledgeSelection = everyPledge) {
  const bound = viewBound(time);
  // All at once: the conditions are needed only to make the groups, once every answer is in.
  const [conditions, { pledgeRows, stakeholderRows, leadRows }, stakeholders] = await Promise.all([
    readConditionsAt(bound, selection),
    readGroupRows(bound, selection),
    readingDb().stakeholder.findMany({
      where: { pledges: { some: {} } },
      select: { id: true, slug: true, name: true },
    }),
  ]);

  const states = conditionStates(conditions);
  return {
    groups: toGroups(pledgeRows, states),
    stakeholderGroups: toTotalsGroups(stakeholderRows, states),
    leadGroups: toTotalsGroups(leadRows, states),
    stakeholders,
    conditions,
  };
}

export type Aggregates = Awaited<ReturnType<typeof readAggregates>>;

/**
 * What a point of the gap history needs, and no more: the pledge groups its totals sum, the
 * conditions (for the scenario) and the requirement. A third of readAggregates' and readReferences'
 * work, which a history repeats for every week since the first announcement.
 */
export async function readTotalsInputs(metric: string, time: ViewTime, selection: PledgeSelection) {
  const bound = viewBound(time);
  const [conditions, requirement, rows] = await Promise.all([
    readConditionStatesAt(bound),
    readingDb().requirement.findFirst({
      ...requirementOf(metric, time),
      select: { low: true, high: true, qualifier: true },
    }),
    readingDb().$queryRaw<AggregateRow[]>(pledgeGroupsQuery(bound, selection)),
  ]);
  return { groups: toGroups(rows, conditionStates(conditions)), conditions, requirement };
}

/**
 * What a metric's figures are set against, and the quotes behind them: the requirement (the first
 * recorded in the unit is the one the gap is measured against), the capacity comparisons, the
 * largest selected pledges counted in the totals (as they stood at the view time), and the metrics
 * that have a requirement.
 */
export async function readReferences(metric: string, time: ViewTime, selection: PledgeSelection) {
  const [requirement, capacities, largest, metrics] = await Promise.all([
    readingDb().requirement.findFirst({
      ...requirementOf(metric, time),
      include: { citations: { select: citationSelect } },
    }),
    readingDb().capacityReference.findMany({
      where: { unit: metric, ...heldAtWhere(time) },
      orderBy: { low: "asc" },
      include: { stakeholder: { select: { name: true } }, citations: { select: citationSelect } },
    }),
    readingDb().$queryRaw<{ id: string; title: string }[]>`
      WITH ${pledgesAt(viewBound(time), selection, totalsOnly)}
      SELECT p."id", p."title" FROM pl JOIN "Pledge" p ON p."id" = pl."id"
      WHERE pl.unit = ${metric} AND ${countsTowardTotalsSql("pl")} AND COALESCE(pl.high, pl.low) IS NOT NULL
      ORDER BY COALESCE(pl.high, pl.low) DESC, p."title" ASC, p."id" ASC
      LIMIT 10`,
    readingDb().requirement.findMany({
      where: heldAtWhere(time),
      distinct: ["unit"],
      select: { unit: true },
      orderBy: { unit: "asc" },
    }),
  ]);
  const citations = await readingDb().citation.findMany({
    where: { pledgeId: { in: largest.map((pledge) => pledge.id) } },
    orderBy: { id: "asc" },
    select: { ...citationSelect, pledgeId: true },
  });
  const pledgeEvidence = largest.map((pledge) => ({
    ...pledge,
    // The pledge's first citation.
    citations: citations.filter((citation) => citation.pledgeId === pledge.id).slice(0, 1),
  }));
  return { requirement, capacities, pledgeEvidence, metrics: metrics.map((m) => m.unit) };
}

export type References = Awaited<ReturnType<typeof readReferences>>;

/**
 * Each source cited by a selected pledge counted in the metric's totals, with what that pledge adds,
 * its blocking conditions looked up for it alone. For the present, from the citations to their
 * pledges (looked up by id): SQLite, without statistics, went the other way, through the 9,000
 * pledges of the unit at bench scale and the blocking conditions of all (3.7 ms; now under 0.1).
 * CROSS JOIN keeps that order on SQLite; PostgreSQL's planner chooses its own. A view of another
 * time has rebuilt every pledge already (`pl`, materialised): from those to their citations.
 */
export async function readSourceRows(time: ViewTime, selection: PledgeSelection, metric: string) {
  const bound = viewBound(time);
  return readingDb().$queryRaw<
    { sourceId: string; status: PledgeStatus; blocked: string | null; delivered: bigint | number | null }[]
  >`
    WITH ${pledgesAt(bound, selection, totalsOnly)}
    SELECT DISTINCT ci."sourceId" AS "sourceId", pl.status AS status, ${blockersOf("pl")} AS blocked,
      pl.delivered AS delivered
    FROM ${isPresent(bound) ? Prisma.sql`"Citation" ci CROSS JOIN pl` : Prisma.sql`pl CROSS JOIN "Citation" ci`}
    WHERE pl."id" = ci."pledgeId" AND pl.unit = ${metric} AND ${countsTowardTotalsSql("pl")}`;
}

/** The conditions a view holds (those recorded by its `knownAt`), by id and slug. */
export async function readConditionSlugs(time: ViewTime) {
  return readingDb().condition.findMany({ where: heldAtWhere(time), select: { id: true, slug: true } });
}

/** Where a gap history starts: the first announcement a view holds. */
export async function readFirstAnnounced(time: ViewTime): Promise<Date | null> {
  // The first row in the index on announcedOn, never Prisma's MIN(), which it asks over a subquery
  // that SQLite answers by passing over every pledge (2 ms at 10,000).
  const first = await readingDb().pledge.findFirst({
    where: { deletedAt: null, ...heldAtWhere({ knownAt: time.knownAt }) },
    orderBy: { announcedOn: "asc" },
    select: { announcedOn: true },
  });
  return first?.announcedOn ?? null;
}

/**
 * Where a gap history starts, and the days on which a condition changed status (by the view time),
 * for the chart's markers.
 */
export async function readHistoryMarks(time: ViewTime) {
  const [firstAnnounced, conditions] = await Promise.all([
    readFirstAnnounced(time),
    // From the conditions, a few dozen: asked of the status changes, ordered by when they occurred,
    // SQLite walks all of them (100,000 at bench scale, 60 ms) in that order to find the few.
    readingDb().condition.findMany({
      select: {
        title: true,
        statusChanges: {
          // Changes only: a condition's first entry (from no status) is its creation.
          where: { fromConditionStatus: { not: null }, ...eventWithinWhere(time) },
          select: { occurredAt: true, createdAt: true, toConditionStatus: true },
        },
      },
    }),
  ]);
  const changes = conditions.flatMap(({ title, statusChanges }) =>
    statusChanges.flatMap(({ occurredAt, createdAt, toConditionStatus }) =>
      toConditionStatus ? [{ at: occurredAt, recordedAt: createdAt, title, status: toConditionStatus }] : [],
    ),
  );
  // As they occurred; changes of one moment as they were recorded.
  changes.sort((a, b) => a.at.getTime() - b.at.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime());
  return {
    firstAnnounced,
    conditionChanges: changes.map(({ at, title, status }) => ({ at, title, status })),
  };
}

/**
 * Whether anything the figures read is dated at or after `limit`: a pledge announced (even one
 * deleted since, which a view of an earlier moment holds), a status change or a ledger event. With
 * nothing, the figures as of just before it are the stored current ones (the ledger's latest,
 * lib/rules/ledger.ts). Three indexed lookups.
 */
export async function readDatedFrom(limit: Date): Promise<boolean> {
  const client = readingDb();
  const found = await Promise.all([
    client.pledge.findFirst({ where: { announcedOn: { gte: limit } }, select: { id: true } }),
    client.statusChange.findFirst({ where: { occurredAt: { gte: limit } }, select: { id: true } }),
    client.ledgerEvent.findFirst({ where: { occurredOn: { gte: limit } }, select: { id: true } }),
  ]);
  return found.some((row) => row !== null);
}

/** When the tracker last recorded a change to anything the figures read. */
export async function readLastChange(): Promise<Date | null> {
  const client = readingDb();
  // Each table's newest row (ORDER BY … DESC LIMIT 1: the end of an index on the pledges, status
  // changes and ledger events; the other tables hold a few dozen rows), never Prisma's MAX(), which
  // it asks over a subquery that SQLite cannot answer from an index's end (it scanned 100,000 status
  // changes). Without the pledges' index, every renewal of the figures passed over all of them.
  const latest = await Promise.all([
    client.pledge
      .findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } })
      .then((row) => row?.updatedAt),
    client.ledgerEvent
      .findFirst({ orderBy: { recordedAt: "desc" }, select: { recordedAt: true } })
      .then((row) => row?.recordedAt),
    client.statusChange
      .findFirst({ orderBy: { createdAt: "desc" }, select: { createdAt: true } })
      .then((row) => row?.createdAt),
    client.condition
      .findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } })
      .then((row) => row?.updatedAt),
    client.requirement
      .findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } })
      .then((row) => row?.updatedAt),
    client.capacityReference
      .findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } })
      .then((row) => row?.updatedAt),
  ]);
  const times = latest.flatMap((date) => (date ? [date.getTime()] : []));
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/** The titles of sources, by id, in the order given. */
export async function readSourceTitles(ids: readonly string[]): Promise<string[]> {
  const rows = await readingDb().source.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, title: true },
  });
  const titles = new Map(rows.map((row) => [row.id, row.title]));
  return ids.flatMap((id) => titles.get(id) ?? []);
}

/**
 * The units requirements are recorded in, and those live pledges state with how many pledges each:
 * summed from the totals' journal, whose groups are every live pledge's (a pass over them all
 * otherwise).
 */
export async function readUnitsInUse() {
  const [requirements, journal] = await Promise.all([
    readingDb().requirement.findMany({
      distinct: ["unit"],
      select: { unit: true },
      orderBy: { unit: "asc" },
    }),
    readJournalGroups(),
  ]);
  const pledges = new Map<string, number>();
  for (const group of journal.pledge)
    if (group.unit !== null) pledges.set(group.unit, (pledges.get(group.unit) ?? 0) + Number(group.count));
  return {
    requirementUnits: requirements.map((r) => r.unit),
    pledgeUnits: [...pledges].map(([unit, count]) => ({ unit, pledges: count })),
  };
}

// ---- The present-day totals, read from the journal the database keeps of them (FigureDelta in
// prisma/schema.prisma; triggers in migrations 20261204222500_totals_journal). The GROUP BY queries
// above pass over every live pledge, link and condition, and at 10,000 pledges give some 11,000
// groups: every renewal of the figures read and converted them all (130-150 ms). The journal is read
// once whole, then only the rows added since, applied to the groups this process holds.

/** A journal group: its key as the GROUP BY queries' rows give it ("" for no stakeholder). */
type JournalRow = AggregateRow & { stakeholderId: string };

type JournalKind = "pledge" | "carrier" | "lead";
type JournalGroups = Record<JournalKind, JournalRow[]>;

/** What this process holds of the journal: each group's sums, and where its reading got to. */
interface HeldJournal {
  url: string;
  /** DataVersion row 3: moved each time the journal is summed up, when it is read whole again. */
  epoch: number;
  /** The last row read: its id on SQLite, the data version it committed as on PostgreSQL. */
  cursor: number;
  /** Rows read into the groups since the journal was last summed up. */
  entries: number;
  groups: Map<string, { kind: JournalKind; row: JournalRow }>;
  lists: JournalGroups | null;
}

/**
 * The journal this process holds, and its one catching up at a time (two would apply the same rows
 * twice; a caller joins one not yet started, which reads everything committed before it was asked
 * for). On the process, not the module: Next.js bundles this module once for the pages and again
 * for the API's routes, and a lock of each bundle's own let both apply the same rows to the one
 * journal held (sums went negative under the soak's writes).
 */
const keptJournal = globalThis as unknown as {
  totalsJournal?: HeldJournal;
  totalsJournalTail?: Promise<unknown>;
  totalsJournalWaiting?: Promise<HeldJournal> | null;
};

/** Journal rows beyond its groups after which a read asks for it to be summed up. */
const compactBeyond = 4_000;

/** What rows are read after: SQLite's writers take turns, so ids follow commits; PostgreSQL's do not. */
const cursorColumn = (alias: string) =>
  Prisma.raw(databaseKind() === "postgresql" ? `${alias}."version"` : `${alias}."id"`);

const journalColumns = (alias: string) =>
  Prisma.raw(`${alias}."kind", ${alias}."stakeholderId", NULLIF(${alias}."unit", '') AS unit, ${alias}."category",
    ${alias}."status", ${alias}."qualifier", NULLIF(${alias}."blockedBy", '') AS blocked`);

type ReadRow = JournalRow & { kind: JournalKind | null; at: bigint | number | null; epoch: bigint | number };

/** A group every pledge has left, each added and taken away: journalGroupNotEmpty's test, negated. */
function isEmptyGroup(row: JournalRow) {
  return (
    Number(row.count) === 0 &&
    BigInt(row.low) === 0n &&
    BigInt(row.high) === 0n &&
    BigInt(row.delivered) === 0n &&
    Number(row.deliveredAbove) === 0
  );
}

/**
 * Adds a row (or a group's sums) to the groups held. Each group's row is replaced, never changed:
 * the lists handed out before stay as they were read, with the data version they were read at.
 */
function applyRow(held: HeldJournal, kind: JournalKind, row: JournalRow) {
  // As JSON: a unit is free text, and may hold any separator.
  const key = JSON.stringify([
    kind,
    row.stakeholderId,
    row.unit,
    row.category,
    row.status,
    row.qualifier,
    row.blocked,
  ]);
  const sums = held.groups.get(key)?.row;
  const next: JournalRow = {
    stakeholderId: row.stakeholderId,
    unit: row.unit,
    category: row.category,
    status: row.status,
    qualifier: row.qualifier,
    blocked: row.blocked,
    count: Number(sums?.count ?? 0) + Number(row.count),
    low: BigInt(sums?.low ?? 0) + BigInt(row.low),
    high: BigInt(sums?.high ?? 0) + BigInt(row.high),
    delivered: BigInt(sums?.delivered ?? 0) + BigInt(row.delivered),
    deliveredAbove: Number(sums?.deliveredAbove ?? 0) + Number(row.deliveredAbove),
  };
  if (isEmptyGroup(next)) held.groups.delete(key);
  else held.groups.set(key, { kind, row: next });
  held.lists = null;
}

/** The journal whole, summed per group, with its epoch, in one statement (one snapshot). */
async function readWholeJournal(url: string): Promise<HeldJournal> {
  const rows = await readingDb().$queryRaw<(ReadRow & { entries: bigint | number | null })[]>`
    SELECT g.*, e."version" AS epoch
    FROM "DataVersion" e LEFT JOIN (
      SELECT ${journalColumns("d")}, ${journalSums}, COUNT(*) AS entries, MAX(${cursorColumn("d")}) AS at
      FROM "FigureDelta" d GROUP BY ${journalKeyColumns}
    ) g ON 1 = 1
    WHERE e."id" = 3`;
  const held: HeldJournal = {
    url,
    epoch: Number(rows[0]?.epoch ?? -1),
    cursor: 0,
    entries: 0,
    groups: new Map(),
    lists: null,
  };
  for (const row of rows) {
    held.cursor = Math.max(held.cursor, Number(row.at ?? 0));
    held.entries += Number(row.entries ?? 0);
    if (row.kind) applyRow(held, row.kind, row);
  }
  return held;
}

/**
 * Brings the held journal up to what is committed: the rows after its cursor; read whole instead
 * when there is none yet, the journal was summed up since (a new epoch) or it went back (restored).
 */
async function catchUp(): Promise<HeldJournal> {
  const url = requireDatabaseUrl();
  const held = keptJournal.totalsJournal;
  if (!held || held.url !== url) return (keptJournal.totalsJournal = await readWholeJournal(url));
  const rows = await readingDb().$queryRaw<(ReadRow & { last: bigint | number | null })[]>`
    SELECT ${journalColumns("d")}, d."count", d."low", d."high", d."delivered", d."deliveredAbove",
      ${cursorColumn("d")} AS at, e."version" AS epoch, (SELECT MAX(${cursorColumn("m")}) FROM "FigureDelta" m) AS last
    FROM "DataVersion" e LEFT JOIN "FigureDelta" d ON ${cursorColumn("d")} > ${held.cursor}
    WHERE e."id" = 3`;
  const [first] = rows;
  if (!first || Number(first.epoch) !== held.epoch || Number(first.last ?? 0) < held.cursor)
    return (keptJournal.totalsJournal = await readWholeJournal(url));
  for (const row of rows) {
    if (!row.kind) continue;
    held.cursor = Math.max(held.cursor, Number(row.at));
    held.entries += 1;
    applyRow(held, row.kind, row);
  }
  return held;
}

/**
 * The groups of every live pledge as they stand, as committed when asked: by category (`pledge`),
 * for each stakeholder carrying them, and for their lead (stakeholderId "": no single lead). The
 * same rows the three GROUP BY queries give the present and every pledge, in the same shape.
 */
export async function readJournalGroups(): Promise<JournalGroups> {
  let waiting = keptJournal.totalsJournalWaiting;
  if (!waiting) {
    waiting = (keptJournal.totalsJournalTail ?? Promise.resolve()).then(() => {
      keptJournal.totalsJournalWaiting = null;
      return catchUp();
    });
    keptJournal.totalsJournalWaiting = waiting;
    keptJournal.totalsJournalTail = waiting.catch(() => undefined);
  }
  const held = await waiting;
  if (held.entries > compactBeyond + held.groups.size) {
    held.entries = 0;
    void compactJournal();
  }
  if (!held.lists) {
    held.lists = { pledge: [], carrier: [], lead: [] };
    for (const { kind, row } of held.groups.values()) held.lists[kind].push(row);
  }
  return held.lists;
}
