import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import {
  everyPledge,
  pledgesAt,
  viewBound,
  type Bound,
  type PledgeSelection,
} from "@/features/pledges/selection-sql";
import { citationSelect, statusChangeOrder, statusChangeSelect } from "@/server/selects";
import { endOfDay } from "@/lib/format";
import type { ViewTime } from "@/lib/view-time";
import type { AggregateGroup } from "@/lib/rules/breakdowns";
import type { ConditionState } from "@/lib/rules/effective-status";
import type {
  ConditionStatus,
  PledgeCategory,
  PledgeStatus,
  QuantityQualifier,
} from "@/lib/rules/vocabulary";

interface AggregateRow {
  stakeholderId?: string;
  unit: string | null;
  category: PledgeCategory;
  status: PledgeStatus;
  qualifier: QuantityQualifier;
  blocked: string | null;
  count: bigint | number;
  low: bigint | number;
  high: bigint | number;
  delivered: bigint | number;
  deliveredAbove: bigint | number;
}

function toGroups(rows: AggregateRow[], conditions: Map<string, ConditionState>): AggregateGroup[] {
  return rows.map((row) => ({
    ...(row.stakeholderId ? { stakeholderId: row.stakeholderId } : {}),
    unit: row.unit,
    category: row.category,
    status: row.status,
    qualifier: row.qualifier,
    blockedBy: (row.blocked ? row.blocked.split(",") : [])
      .sort()
      .map((id) => conditions.get(id) ?? { id, title: id, status: "unmet" as const }),
    count: Number(row.count),
    low: BigInt(row.low),
    high: BigInt(row.high),
    delivered: BigInt(row.delivered),
    deliveredAbove: Number(row.deliveredAbove),
  }));
}

/** The aggregates read figures and statuses, never due dates. */
const totalsOnly = { withDue: false };

// PostgreSQL sums BIGINTs as NUMERIC (which its driver returns as text): cast back to integers.
// "deliveredAbove" counts deliveries above the pledged ceiling, as deliveredAbovePledge in
// lib/rules/ledger.ts says (a comparison with null is not true, as there).
const sums = Prisma.sql`COUNT(*) AS count, CAST(COALESCE(SUM(pl.low), 0) AS BIGINT) AS low,
  CAST(COALESCE(SUM(pl.high), 0) AS BIGINT) AS high, CAST(COALESCE(SUM(pl.delivered), 0) AS BIGINT) AS delivered,
  CAST(COALESCE(SUM(CASE WHEN pl.delivered > pl.high THEN 1 ELSE 0 END), 0) AS BIGINT) AS "deliveredAbove"`;

/** Conditions with their status at the bound and how many pledges (existing then) they are tied to. */
async function listConditionsAt(bound: Bound, selection: PledgeSelection) {
  const rows = await db().$queryRaw<
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
    tied AS (
      SELECT pc."conditionId", COUNT(*) AS pledges
      FROM "PledgeCondition" pc JOIN pl ON pl."id" = pc."pledgeId"
      GROUP BY pc."conditionId"
    )
    SELECT c."id", c."slug", c."title", cond.status AS status, s."name" AS "dependsOn", tied.pledges AS pledges
    FROM "Condition" c
    JOIN cond ON cond."id" = c."id"
    LEFT JOIN tied ON tied."conditionId" = c."id"
    LEFT JOIN "Stakeholder" s ON s."id" = c."dependsOnId"
    ORDER BY c."title"`;
  return rows.map((row) => ({ ...row, pledges: Number(row.pledges ?? 0) }));
}

/** The main aggregate: pledges grouped by everything the rules look at. Exported for the benchmark. */
export function pledgeGroupsQuery(bound: Bound, selection: PledgeSelection = everyPledge) {
  return Prisma.sql`
    WITH ${pledgesAt(bound, selection, totalsOnly)}
    SELECT pl.unit, pl.category, pl.status, pl.qualifier, blk.blocked, ${sums}
    FROM pl LEFT JOIN blk ON blk."pledgeId" = pl."id"
    GROUP BY pl.unit, pl.category, pl.status, pl.qualifier, blk.blocked`;
}

/** Every aggregate the dashboard needs, in a handful of queries whatever the number of pledges. */
export const getDashboardAggregates = cache(async function getDashboardAggregates(
  time: ViewTime,
  selection: PledgeSelection = everyPledge,
) {
  const bound = viewBound(time);
  const conditions = await listConditionsAt(bound, selection);
  const conditionStates = new Map(
    conditions.map((c) => [c.id, { id: c.id, title: c.title, status: c.status }]),
  );

  const [pledgeRows, stakeholderRows, stakeholders] = await Promise.all([
    db().$queryRaw<AggregateRow[]>(pledgeGroupsQuery(bound, selection)),
    // A pledge counts once for each stakeholder that carries it (pledger, lead or contributor).
    db().$queryRaw<AggregateRow[]>`
      WITH ${pledgesAt(bound, selection, totalsOnly)},
      carriers AS (
        SELECT DISTINCT ps."pledgeId", ps."stakeholderId" FROM "PledgeStakeholder" ps
        WHERE ps."role" IN ('pledger', 'lead', 'contributor')
      )
      SELECT carriers."stakeholderId" AS "stakeholderId", pl.unit, pl.category, pl.status, pl.qualifier, blk.blocked, ${sums}
      FROM pl JOIN carriers ON carriers."pledgeId" = pl."id" LEFT JOIN blk ON blk."pledgeId" = pl."id"
      GROUP BY carriers."stakeholderId", pl.unit, pl.category, pl.status, pl.qualifier, blk.blocked`,
    db().stakeholder.findMany({
      where: { pledges: { some: {} } },
      select: { id: true, slug: true, name: true },
    }),
  ]);

  return {
    groups: toGroups(pledgeRows, conditionStates),
    stakeholderGroups: toGroups(stakeholderRows, conditionStates),
    stakeholders,
    conditions,
  };
});

/** Records the tracker held at `knownAt`: created by then (and, for pledges, not yet deleted). */
function heldAt(knownAt: Date | undefined) {
  return knownAt ? { createdAt: { lte: knownAt } } : {};
}

/** What is needed, what it is compared with, and the quotes behind the figures, for one metric. */
export const getMetricReferences = cache(async function getMetricReferences(unit: string, time: ViewTime) {
  const before = time.asOf ? endOfDay(time.asOf) : undefined;
  const { knownAt } = time;
  const [requirements, capacities, pledgeEvidence, metrics] = await db().$transaction([
    db().requirement.findMany({
      where: { unit, ...heldAt(knownAt) },
      orderBy: { createdAt: "asc" },
      include: { citations: { select: citationSelect } },
    }),
    db().capacityReference.findMany({
      where: { unit, ...heldAt(knownAt) },
      orderBy: { low: "asc" },
      include: { stakeholder: { select: { name: true } }, citations: { select: citationSelect } },
    }),
    db().pledge.findMany({
      where: {
        quantityUnit: unit,
        ...(knownAt ? { OR: [{ deletedAt: null }, { deletedAt: { gt: knownAt } }] } : { deletedAt: null }),
        ...heldAt(knownAt),
        status: { not: "withdrawn" },
        ...(before ? { announcedOn: { lt: before } } : {}),
      },
      orderBy: [{ quantityHigh: "desc" }, { title: "asc" }],
      take: 10,
      select: {
        id: true,
        title: true,
        citations: { select: citationSelect, take: 1, orderBy: { id: "asc" } },
      },
    }),
    db().requirement.findMany({
      where: heldAt(knownAt),
      distinct: ["unit"],
      select: { unit: true },
      orderBy: { unit: "asc" },
    }),
  ]);
  return { requirements, capacities, pledgeEvidence, metrics: metrics.map((m) => m.unit) };
});

/** The latest status changes up to the view time, pledges and conditions together. */
export const listTimeline = cache(async function listTimeline(time: ViewTime, take = 10) {
  const before = time.asOf ? endOfDay(time.asOf) : undefined;
  return db().statusChange.findMany({
    where: {
      ...(before ? { occurredAt: { lt: before } } : {}),
      ...(time.knownAt ? { createdAt: { lte: time.knownAt } } : {}),
    },
    orderBy: statusChangeOrder,
    take,
    select: {
      ...statusChangeSelect,
      pledge: { select: { id: true, title: true } },
      condition: { select: { id: true, title: true } },
    },
  });
});

/**
 * The data version: a counter that triggers bump on every write to the tables the dashboard reads,
 * from this process or any other. One indexed row, so asking costs next to nothing.
 */
export async function getDataStamp(): Promise<string> {
  const row = await db().dataVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return String(row?.version ?? 0);
}
