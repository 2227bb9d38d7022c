import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { LedgerFact } from "@/lib/rules/ledger";
import { readingDb } from "@/server/db";
import { citationSelect } from "@/server/selects";
import { bytewise, isOneOf } from "@/server/sql-dialect";
import {
  conditionsAtQuery,
  pledgeRowFilter,
  pledgesAt,
  presentBound,
  selectsEveryPledge,
  viewBound,
  type Bound,
  type PledgeSelection,
} from "@/features/pledges/selection-sql";
import type {
  ConditionStatus,
  PledgeCategory,
  PledgeStatus,
  QuantityQualifier,
} from "@/lib/rules/vocabulary";

// What the list of changes reads: each pledge that differs between the two ends of the period, as
// it stood at each (rebuilt from the ledger, as every as-of view is: features/pledges/selection-sql.ts),
// the conditions at both ends, and the events dated within the period with their evidence.

/** A pledge at both ends as read (integers or bigints as each database returns them): each column
 * of "from" (the start) and "to" (the end), all null at an end where the selection did not pick it. */
export interface PledgeEndsRow {
  id: string;
  title: string;
  fromCategory: PledgeCategory | null;
  fromStatus: PledgeStatus | null;
  fromUnit: string | null;
  fromQualifier: QuantityQualifier | null;
  fromLow: bigint | number | null;
  fromHigh: bigint | number | null;
  fromDelivered: bigint | number | null;
  fromBlocked: string | null;
  toCategory: PledgeCategory | null;
  toStatus: PledgeStatus | null;
  toUnit: string | null;
  toQualifier: QuantityQualifier | null;
  toLow: bigint | number | null;
  toHigh: bigint | number | null;
  toDelivered: bigint | number | null;
  toBlocked: string | null;
}

const columns = ["category", "status", "unit", "qualifier", "low", "high", "delivered", "blocked"] as const;

/** The pledges a selection picks at `bound`, one row each, with what the figures read of them. */
const statesAt = (bound: Bound, selection: PledgeSelection) => Prisma.sql`(
  WITH ${pledgesAt(bound, selection, { withDue: false })}
  SELECT pl."id", pl.category, pl.status, pl.unit, pl.qualifier, pl.low, pl.high, pl.delivered, blk.blocked
  FROM pl LEFT JOIN blk ON blk."pledgeId" = pl."id")`;

const capital = (name: string) => name[0]!.toUpperCase() + name.slice(1);

/**
 * Every pledge the selection picks at either bound whose state differs between them (or that is
 * picked at one only), with both states; a side is all null where the pledge was not picked. The
 * blocking lists may differ in order alone: the caller compares them as sets.
 */
export async function readChangedPledges(since: Bound, until: Bound, selection: PledgeSelection) {
  // Both ends stacked and grouped by pledge (a join of the two would have no index to use).
  const at = (end: 0 | 1, column: string) => `MAX(CASE WHEN ends.side = ${end} THEN ends.${column} END)`;
  const sides = Prisma.raw(
    columns
      .flatMap((column) => [
        `${at(0, column)} AS "from${capital(column)}"`,
        `${at(1, column)} AS "to${capital(column)}"`,
      ])
      .join(", "),
  );
  const differs = Prisma.raw(
    columns.map((column) => `${at(0, column)} IS DISTINCT FROM ${at(1, column)}`).join(" OR "),
  );
  return readingDb().$queryRaw<PledgeEndsRow[]>`
    SELECT ends."id", MAX(p."title") AS "title", ${sides}
    FROM (
      SELECT 0 AS side, a.* FROM ${statesAt(since, selection)} a
      UNION ALL
      SELECT 1 AS side, b.* FROM ${statesAt(until, selection)} b
    ) ends
    JOIN "Pledge" p ON p."id" = ends."id"
    GROUP BY ends."id"
    HAVING COUNT(*) = 1 OR ${differs}`;
}

/** Every condition with its status at both bounds. */
export async function readConditionEnds(since: Bound, until: Bound) {
  return readingDb().$queryRaw<
    {
      id: string;
      slug: string;
      title: string;
      fromStatus: ConditionStatus | null;
      toStatus: ConditionStatus | null;
    }[]
  >`
    SELECT c."id", c."slug", c."title", a.status AS "fromStatus", b.status AS "toStatus"
    FROM "Condition" c
    LEFT JOIN (${conditionsAtQuery(since)}) a ON a."id" = c."id"
    LEFT JOIN (${conditionsAtQuery(until)}) b ON b."id" = c."id"
    ORDER BY ${bytewise(Prisma.sql`c."title"`)}, c."id"`;
}

/**
 * Dated within the period (from the end of the day before it to the end of its last day), as
 * instants, and recorded by the moment it is known at, if any.
 */
function within(since: Bound, until: Bound) {
  const instant = (bound: string | null) => new Date(`${bound}Z`);
  return {
    gte: since.occurred!,
    lt: until.occurred!,
    dated: { gte: instant(since.occurred), lt: instant(until.occurred) },
    recorded: until.known === null ? undefined : { lt: instant(until.known) },
  };
}

/** `AND column < known` where the period is seen as known at a moment. */
const knownBy = (column: Prisma.Sql, until: Bound) =>
  until.known === null ? Prisma.empty : Prisma.sql`AND ${column} < ${until.known}`;

const recorded = { recordedBy: true, note: true } as const;

/**
 * The events dated within the period of the given pledges and conditions, with their evidence:
 * status changes (not a record's first entry, which its creation is) and figures' events (not
 * those written with the pledge, which its announcement is), oldest first; and the evidence the
 * pledges were created with, for those announced within it.
 */
export async function readEventsWithin(
  since: Bound,
  until: Bound,
  pledgeIds: readonly string[],
  conditionIds: readonly string[],
) {
  const period = within(since, until);
  const occurredAt = period.dated;
  const [statusChanges, ledgerEvents, creations] = await Promise.all([
    readingDb().statusChange.findMany({
      where: {
        occurredAt,
        createdAt: period.recorded,
        OR: [
          { pledgeId: { in: [...pledgeIds] }, fromPledgeStatus: { not: null } },
          { conditionId: { in: [...conditionIds] }, fromConditionStatus: { not: null } },
        ],
      },
      select: {
        id: true,
        pledgeId: true,
        conditionId: true,
        fromPledgeStatus: true,
        toPledgeStatus: true,
        fromConditionStatus: true,
        toConditionStatus: true,
        occurredAt: true,
        createdAt: true,
        ...recorded,
        citations: { select: citationSelect, orderBy: { id: "asc" } },
      },
      orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    readLedgerEventsWithin(since, until, pledgeIds),
    readingDb().pledge.findMany({
      where: { id: { in: [...pledgeIds] }, announcedOn: occurredAt, createdAt: period.recorded },
      select: {
        id: true,
        announcedOn: true,
        createdAt: true,
        citations: { select: citationSelect, orderBy: { id: "asc" } },
      },
    }),
  ]);
  return { statusChanges, ledgerEvents, creations };
}

export type EventsWithin = Awaited<ReturnType<typeof readEventsWithin>>;

/**
 * A figures' event as read, with the value it replaced (the fact's previous event, in the ledger's
 * order, as known by the view) and the pledge's unit in force on its day (a delivery is counted in it).
 */
export interface LedgerEventRow {
  id: string;
  pledgeId: string;
  pledgeTitle: string;
  fact: LedgerFact;
  occurredOn: Date | string;
  recordedAt: Date | string;
  recordedBy: string | null;
  note: string;
  low: bigint | number | null;
  high: bigint | number | null;
  unit: string | null;
  qualifier: QuantityQualifier | null;
  delivered: bigint | number | null;
  dueOn: Date | string | null;
  previousLow: bigint | number | null;
  previousHigh: bigint | number | null;
  previousUnit: string | null;
  previousQualifier: QuantityQualifier | null;
  previousDelivered: bigint | number | null;
  previousDueOn: Date | string | null;
  unitInForce: string | null;
}

/**
 * The figures' events of the pledges `ofPledges` picks (SQL on `e`) that `picked` keeps (SQL on
 * `events`), as known by `until`, oldest first; never those written with a pledge (its announcement).
 */
function readLedgerEventRows(ofPledges: Prisma.Sql, until: Bound, picked: Prisma.Sql) {
  return readingDb().$queryRaw<LedgerEventRow[]>`
    SELECT events.* FROM (
      SELECT e."id", e."pledgeId", p."title" AS "pledgeTitle", e."fact", e."occurredOn", e."recordedAt",
             e."recordedBy", e."note",
             e."quantityLow" AS low, e."quantityHigh" AS high, e."quantityUnit" AS unit,
             e."quantityQualifier" AS qualifier, e."deliveredQuantity" AS delivered, e."dueOn" AS "dueOn",
             LAG(e."quantityLow") OVER w AS "previousLow", LAG(e."quantityHigh") OVER w AS "previousHigh",
             LAG(e."quantityUnit") OVER w AS "previousUnit", LAG(e."quantityQualifier") OVER w AS "previousQualifier",
             LAG(e."deliveredQuantity") OVER w AS "previousDelivered",
             LAG(e."dueOn") OVER w AS "previousDueOn",
             COALESCE((
               SELECT s."quantityUnit" FROM "LedgerEvent" s
               WHERE s."pledgeId" = e."pledgeId" AND s."fact" = 'stated' AND s."quantityUnit" IS NOT NULL
                 AND (s."occurredOn" < e."occurredOn" OR (s."occurredOn" = e."occurredOn" AND s."recordedAt" <= e."recordedAt"))
                 ${knownBy(Prisma.sql`s."recordedAt"`, until)}
               ORDER BY s."occurredOn" DESC, s."recordedAt" DESC, s."id" DESC LIMIT 1
             ), p."quantityUnit") AS "unitInForce",
             e."recordedAt" = p."createdAt" AS "withPledge"
      FROM "LedgerEvent" e JOIN "Pledge" p ON p."id" = e."pledgeId"
      WHERE ${ofPledges} ${knownBy(Prisma.sql`e."recordedAt"`, until)}
      WINDOW w AS (PARTITION BY e."pledgeId", e."fact" ORDER BY e."occurredOn", e."recordedAt", e."id")
    ) events
    WHERE ${picked} AND NOT events."withPledge"
    ORDER BY events."occurredOn", events."recordedAt", events."id"`;
}

/** The figures' events of `pledgeIds` dated within the period, each with its evidence. */
async function readLedgerEventsWithin(since: Bound, until: Bound, pledgeIds: readonly string[]) {
  if (pledgeIds.length === 0) return [];
  const period = within(since, until);
  const rows = await readLedgerEventRows(
    isOneOf(Prisma.sql`e."pledgeId"`, pledgeIds),
    until,
    Prisma.sql`events."occurredOn" >= ${period.gte} AND events."occurredOn" < ${period.lt}`,
  );
  const citations = await readingDb().citation.findMany({
    where: { ledgerEventId: { in: rows.map((row) => row.id) }, createdAt: period.recorded },
    select: { ...citationSelect, ledgerEventId: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    citations: citations.filter((citation) => citation.ledgerEventId === row.id),
  }));
}

/**
 * An instant as the inclusive lower bound of what was recorded after it (stored timestamps compare
 * as text to the millisecond: see `viewBound`).
 */
export const afterInstant = (instant: Date) => viewBound({ knownAt: instant }).known!;

/**
 * The pledges deleted from `from` (inclusive) until `before` (exclusive; null: until now), by when
 * it was recorded (a deletion has no other date), and only those known by `knownBy` (if given).
 */
export async function readDeleted(
  range: { from: string; before: string | null; knownBy: string | null },
  selection: PledgeSelection,
) {
  const before = range.before === null ? Prisma.empty : Prisma.sql`AND p."deletedAt" < ${range.before}`;
  const known = range.knownBy === null ? Prisma.empty : Prisma.sql`AND p."deletedAt" < ${range.knownBy}`;
  return readingDb().$queryRaw<{ id: string; title: string; deletedAt: Date | string }[]>`
    SELECT p."id", p."title", p."deletedAt" FROM "Pledge" p
    WHERE p."deletedAt" >= ${range.from} ${before} ${known} AND ${pledgeRowFilter(selection)}
    ORDER BY p."deletedAt", p."id"`;
}

/** Which pledges a feed follows: those a selection picks today, or one pledge. */
export type FeedSubject = { selection: PledgeSelection } | { pledgeId: string };

/** The pledges a feed follows, as SQL (null: every pledge). */
function followedPledges(subject: FeedSubject): Prisma.Sql | null {
  if ("pledgeId" in subject) return Prisma.sql`SELECT ${subject.pledgeId}`;
  if (selectsEveryPledge(subject.selection)) return null;
  return Prisma.sql`WITH ${pledgesAt(presentBound, subject.selection, { withDue: false })} SELECT pl."id" FROM pl`;
}

export type RecentEventKind = "status" | "figure" | "announced" | "deleted";

/**
 * The latest `limit` events recorded about what a feed follows, newest first (by when they were
 * recorded: a feed tells what the tracker learnt): status changes of its pledges and of their
 * conditions (every condition for the whole tracker), figures' events, pledges created and deleted.
 * Each branch reads its own latest rows through its index before they are merged. With `after`,
 * only what was recorded after that instant (an inbox's unread events); with "corrections" too,
 * only those that correct what was known then: dated by the end of its day, or deleting a pledge
 * recorded by then.
 */
export async function readRecentEventIds(
  subject: FeedSubject,
  limit: number,
  after?: Date,
  only: "all" | "corrections" = "all",
) {
  const followed = followedPledges(subject);
  const since = after ? afterInstant(after) : null;
  const recordedSince = (column: string) =>
    since === null ? Prisma.empty : Prisma.sql`AND ${Prisma.raw(column)} >= ${since}`;
  // A correction is dated by the end of the day known at; a deletion, of a pledge recorded by then.
  const correcting = since !== null && only === "corrections";
  const datedBefore = (column: string, bound = viewBound({ asOf: after }).occurred) =>
    correcting ? Prisma.sql`AND ${Prisma.raw(column)} < ${bound}` : Prisma.empty;
  // Never a deleted pledge's events (a selection picks live pledges only): it leaves every view,
  // and its deletion is an event of its own.
  const live = Prisma.sql`SELECT "id" FROM "Pledge" WHERE "deletedAt" IS NULL`;
  const ofPledge = (column: string) => Prisma.sql`${Prisma.raw(column)} IN (${followed ?? live})`;
  const ofCondition =
    followed === null
      ? Prisma.sql`sc."conditionId" IS NOT NULL`
      : Prisma.sql`sc."conditionId" IN (SELECT pc."conditionId" FROM "PledgeCondition" pc WHERE pc."pledgeId" IN (${followed}))`;
  // `recorded`: the column the branch is ordered by, named in its own table.
  const latest = (query: Prisma.Sql, recorded: string, id: string) =>
    Prisma.sql`SELECT * FROM (${query} ORDER BY ${Prisma.raw(recorded)} DESC, ${Prisma.raw(id)} DESC LIMIT ${limit}) branch`;
  return readingDb().$queryRaw<{ kind: RecentEventKind; id: string; recordedAt: Date | string }[]>`
    SELECT * FROM (
      ${latest(
        Prisma.sql`SELECT 'status' AS kind, sc."id", sc."createdAt" AS "recordedAt" FROM "StatusChange" sc
        WHERE ((sc."fromPledgeStatus" IS NOT NULL AND ${ofPledge(`sc."pledgeId"`)})
           OR (sc."fromConditionStatus" IS NOT NULL AND ${ofCondition})) ${recordedSince(`sc."createdAt"`)} ${datedBefore(`sc."occurredAt"`)}`,
        `sc."createdAt"`,
        `sc."id"`,
      )}
      UNION ALL
      ${latest(
        Prisma.sql`SELECT 'figure' AS kind, e."id", e."recordedAt" AS "recordedAt" FROM "LedgerEvent" e
        JOIN "Pledge" p ON p."id" = e."pledgeId"
        WHERE e."recordedAt" <> p."createdAt" AND ${ofPledge(`e."pledgeId"`)} ${recordedSince(`e."recordedAt"`)} ${datedBefore(`e."occurredOn"`)}`,
        `e."recordedAt"`,
        `e."id"`,
      )}
      UNION ALL
      ${latest(
        Prisma.sql`SELECT 'announced' AS kind, p."id", p."createdAt" AS "recordedAt" FROM "Pledge" p
        WHERE ${ofPledge(`p."id"`)} ${recordedSince(`p."createdAt"`)} ${datedBefore(`p."announcedOn"`)}`,
        `p."createdAt"`,
        `p."id"`,
      )}
      UNION ALL
      ${latest(
        Prisma.sql`SELECT 'deleted' AS kind, p."id", p."deletedAt" AS "recordedAt" FROM "Pledge" p
        WHERE p."deletedAt" IS NOT NULL AND ${"pledgeId" in subject ? Prisma.sql`p."id" = ${subject.pledgeId}` : pledgeRowFilter(subject.selection)}
          ${recordedSince(`p."deletedAt"`)} ${datedBefore(`p."createdAt"`, since)}`,
        `p."deletedAt"`,
        `p."id"`,
      )}
    ) events
    ORDER BY events."recordedAt" DESC, events."id" DESC
    LIMIT ${limit}`;
}

const feedCitations = { select: citationSelect, orderBy: { id: "asc" } } as const;

/** Figures' events by id, each with the value it replaced and its evidence. */
async function readRecentFigures(ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await readLedgerEventRows(
    Prisma.sql`e."pledgeId" IN (SELECT x."pledgeId" FROM "LedgerEvent" x WHERE ${isOneOf(Prisma.sql`x."id"`, ids)})`,
    presentBound,
    isOneOf(Prisma.sql`events."id"`, ids),
  );
  const citations = await readingDb().citation.findMany({
    where: { ledgerEventId: { in: rows.map((row) => row.id) } },
    select: { ...citationSelect, ledgerEventId: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => ({
    ...row,
    citations: citations.filter((citation) => citation.ledgerEventId === row.id),
  }));
}

/** The events `readRecentEventIds` named, with what each says and its evidence. */
export async function readRecentEvents(ids: Awaited<ReturnType<typeof readRecentEventIds>>) {
  const of = (kind: RecentEventKind) => ids.filter((event) => event.kind === kind).map((event) => event.id);
  const pledge = { select: { id: true, title: true } } as const;
  const [statusChanges, figures, pledges] = await Promise.all([
    readingDb().statusChange.findMany({
      where: { id: { in: of("status") } },
      select: {
        id: true,
        fromPledgeStatus: true,
        toPledgeStatus: true,
        fromConditionStatus: true,
        toConditionStatus: true,
        occurredAt: true,
        createdAt: true,
        ...recorded,
        pledge,
        condition: { select: { id: true, slug: true, title: true } },
        citations: feedCitations,
      },
    }),
    readRecentFigures(of("figure")),
    readingDb().pledge.findMany({
      where: { id: { in: [...of("announced"), ...of("deleted")] } },
      select: {
        id: true,
        title: true,
        announcedOn: true,
        createdAt: true,
        deletedAt: true,
        citations: feedCitations,
      },
    }),
  ]);
  return { statusChanges, figures, pledges };
}

export type RecentEvents = Awaited<ReturnType<typeof readRecentEvents>>;
