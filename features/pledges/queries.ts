import "server-only";
import { cache } from "react";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { citationSelect, statusChangeOrder, statusChangeSelect } from "@/server/selects";
import { effectiveStatus, type Scenario } from "@/lib/rules/effective-status";
import { defaultPledgeOrder, type PledgeListItem, type PledgeOrder } from "./index";
import {
  effectiveStatuses,
  stakeholderRoles,
  type ConditionStatus,
  type PledgeCategory,
  type PledgeStatus,
  type QuantityQualifier,
  type StakeholderRole,
  type DatePrecision,
} from "@/lib/rules/vocabulary";
import type { ViewTime } from "@/lib/view-time";
import { bytewise, laterOf } from "@/server/sql-dialect";
import {
  conditionsAtQuery,
  eventWithin,
  effectiveStatusSql,
  isPresent,
  pledgesAt,
  presentBound,
  viewBound,
  type Bound,
  type PledgeSelection,
} from "./selection-sql";

export const pledgePageSize = 25;

/** Pledgers first, beneficiaries last: the order the roles are declared in. */
function byRole<T extends { role: StakeholderRole }>(links: T[]): T[] {
  return [...links].sort((a, b) => stakeholderRoles.indexOf(a.role) - stakeholderRoles.indexOf(b.role));
}

export type { PledgeListItem } from "./index";

interface ViewAt {
  /** Conditions' statuses at the as-of date. */
  conditionStatus: Map<string, ConditionStatus>;
  scenario: Scenario;
}

/** Conditions' statuses as they stood at the bound, and the scenario's slugs turned into ids. */
async function conditionsAt(bound: Bound, assume: readonly string[]) {
  const rows = await db().$queryRaw<{ id: string; slug: string; status: ConditionStatus }[]>(
    conditionsAtQuery(bound),
  );
  const assumed = new Set(assume);
  return {
    conditionStatus: new Map(rows.map((row) => [row.id, row.status])),
    scenario: new Set(rows.filter((row) => assumed.has(row.slug)).map((row) => row.id)) as Scenario,
  };
}

/** A selected pledge with its status and figures at the bound (lib/rules/ledger.ts); figures absent: the stored ones. */
type SelectedPledge = {
  id: string;
  status: PledgeStatus;
  figures?: true;
  low?: Int | null;
  high?: Int | null;
  unit?: string | null;
  qualifier?: QuantityQualifier;
  delivered?: Int | null;
  due?: string | Date | null;
  lastChange?: string | Date | null;
};
const selectedColumns = Prisma.sql`pl."id", pl.status, 1 AS figures, pl.low, pl.high, pl.unit, pl.qualifier, pl.delivered, pl.due`;

/**
 * When the last event of pledge `alias` within the bound was recorded: a figure's or a status's.
 * Now, the pledge row's `lastChangeAt` (kept by triggers); at another time, looked up.
 */
function lastChangeSql(bound: Bound, alias: string) {
  if (isPresent(bound)) return Prisma.raw(`${alias}."lastChangeAt"`);
  const id = Prisma.raw(`${alias}."id"`);
  // Each the latest by an index on (pledge, when recorded), walked from its end.
  const ledger = Prisma.sql`(SELECT e."recordedAt" FROM "LedgerEvent" e WHERE e."pledgeId" = ${id}
    AND ${eventWithin(bound, Prisma.sql`e."occurredOn"`, Prisma.sql`e."recordedAt"`)} ORDER BY e."recordedAt" DESC LIMIT 1)`;
  const statuses = Prisma.sql`(SELECT sc."createdAt" FROM "StatusChange" sc WHERE sc."pledgeId" = ${id}
    AND ${eventWithin(bound, Prisma.sql`sc."occurredAt"`, Prisma.sql`sc."createdAt"`)} ORDER BY sc."createdAt" DESC LIMIT 1)`;
  return laterOf(ledger, statuses);
}

/**
 * ORDER BY for a list: the column asked for (empty values last whichever the direction), then the
 * default order, so that equal values keep one order from page to page.
 */
function orderSql(order: PledgeOrder, assume: readonly string[], bound: Bound) {
  const dir = Prisma.raw(order.dir === "asc" ? "ASC" : "DESC");
  const emptyLast = (value: Prisma.Sql) => Prisma.sql`${value} ${dir} NULLS LAST`;
  // In the order the statuses are declared (rules/vocabulary.ts), as the filter lists them.
  const effectiveRank = Prisma.sql`CASE ${effectiveStatusSql("pl", assume, { sortKey: isPresent(bound) })} ${Prisma.join(
    effectiveStatuses.map((status, rank) => Prisma.sql`WHEN ${status} THEN ${rank}`),
    " ",
  )} END`;
  const by = {
    title: Prisma.sql`${bytewise(Prisma.sql`lower(p."title")`)} ${dir}`,
    // The name after the role's rank, kept by triggers (links are not dated: the same at any view time).
    stakeholder: emptyLast(bytewise(Prisma.sql`substr(p."firstStakeholderKey", 2)`)),
    // Amounts compare within a unit: grouped by unit, each group by its upper end.
    quantity: Prisma.sql`${bytewise(Prisma.sql`pl.unit`)} ASC NULLS LAST, pl.high ${dir} NULLS LAST`,
    status: Prisma.sql`${effectiveRank} ${dir}`,
    announced: Prisma.sql`p."announcedOn" ${dir}`,
    due: emptyLast(Prisma.sql`pl.due`),
    lastChange: emptyLast(lastChangeSql(bound, "p")),
  }[order.key];
  return Prisma.sql`${by}, p."announcedOn" DESC, p."title" ASC, p."id" ASC`;
}

/** The selected pledges' ids, statuses and figures at the bound, one page of them, in `order`. */
async function selectPage(
  selection: PledgeSelection,
  bound: Bound,
  order: PledgeOrder,
  skip: number,
  take: number,
) {
  const present = isPresent(bound);
  const [rows, [count]] = await db().$transaction([
    db().$queryRaw<SelectedPledge[]>`
      WITH ${pledgesAt(bound, selection)}
      SELECT ${selectedColumns}${present ? Prisma.sql`, p."lastChangeAt" AS "lastChange"` : Prisma.empty}
      FROM pl JOIN "Pledge" p ON p."id" = pl."id"
      ORDER BY ${orderSql(order, selection.assume, bound)} LIMIT ${take} OFFSET ${skip}`,
    db().$queryRaw<
      { count: bigint | number }[]
    >`WITH ${pledgesAt(bound, selection)} SELECT COUNT(*) AS count FROM pl`,
  ]);
  // When each of the page's pledges last changed then: read for these rows alone, not for every one sorted.
  if (!present && rows.length > 0) {
    const changes = await db().$queryRaw<{ id: string; lastChange: string | Date | null }[]>`
      SELECT p."id", ${lastChangeSql(bound, "p")} AS "lastChange" FROM "Pledge" p
      WHERE p."id" IN (${Prisma.join(rows.map((row) => row.id))})`;
    const lastChanges = new Map(changes.map((change) => [change.id, change.lastChange]));
    for (const row of rows) row.lastChange = lastChanges.get(row.id) ?? null;
  }
  return { rows, total: Number(count?.count ?? 0) };
}

// Raw rows: drivers give BigInts as bigint or number and timestamps as text or Date.
type Int = bigint | number;
const bigintOrNull = (value: Int | null) => (value === null ? null : BigInt(value));
const dateOrNull = (value: string | Date | null) => (value === null ? null : new Date(value));

interface PledgeRowRaw {
  id: string;
  status: PledgeStatus;
  externalId: string | null;
  title: string;
  description: string | null;
  category: PledgeCategory;
  quantityLow: Int | null;
  quantityHigh: Int | null;
  quantityUnit: string | null;
  quantityQualifier: QuantityQualifier;
  deliveredQuantity: Int | null;
  announcedOn: string | Date;
  announcedPrecision: DatePrecision;
  dueOn: string | Date | null;
  version: Int;
}

/** Groups link rows by pledge id. */
function byPledge<T extends { pledgeId: string }>(rows: T[]) {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.pledgeId, [...(groups.get(row.pledgeId) ?? []), row]);
  return groups;
}

/**
 * The list items for selected pledges (ids with their status at the bound), in their order: four
 * plain queries per batch whatever its size. Plain SQL rather than nested Prisma reads, which cost
 * several times as much per row on exports of tens of thousands of pledges.
 */
async function hydrate(selected: SelectedPledge[], view: ViewAt): Promise<PledgeListItem[]> {
  if (selected.length === 0) return [];
  const ids = Prisma.join(selected.map((row) => row.id));
  const [pledges, stakeholders, conditions, sources] = await db().$transaction([
    db().$queryRaw<Omit<PledgeRowRaw, "status">[]>`
      SELECT "id", "externalId", "title", "description", "category", "quantityLow", "quantityHigh", "quantityUnit",
             "quantityQualifier", "deliveredQuantity", "announcedOn", "announcedPrecision", "dueOn", "version"
      FROM "Pledge" WHERE "id" IN (${ids})`,
    db().$queryRaw<{ pledgeId: string; role: StakeholderRole; slug: string; name: string }[]>`
      SELECT ps."pledgeId", ps."role", s."slug", s."name"
      FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId"
      WHERE ps."pledgeId" IN (${ids}) ORDER BY ${bytewise(Prisma.sql`lower(s."name")`)}, s."name"`,
    db().$queryRaw<{ pledgeId: string; id: string; slug: string; title: string; status: ConditionStatus }[]>`
      SELECT pc."pledgeId", c."id", c."slug", c."title", c."status"
      FROM "PledgeCondition" pc JOIN "Condition" c ON c."id" = pc."conditionId"
      WHERE pc."pledgeId" IN (${ids}) ORDER BY c."title"`,
    db().$queryRaw<{ pledgeId: string; id: string; title: string; url: string | null }[]>`
      SELECT DISTINCT ci."pledgeId", s."id", s."title", s."url"
      FROM "Citation" ci JOIN "Source" s ON s."id" = ci."sourceId"
      WHERE ci."pledgeId" IN (${ids}) ORDER BY s."title"`,
  ]);
  const rows = new Map(pledges.map((row) => [row.id, row]));
  const stakeholdersOf = byPledge(stakeholders);
  const conditionsOf = byPledge(conditions);
  const sourcesOf = byPledge(sources);
  return selected.flatMap((pick) => {
    const { id, status } = pick;
    const stored = rows.get(id);
    if (!stored) return [];
    // The figures as they stood at the bound, where the selection rebuilt them.
    const row = pick.figures
      ? {
          ...stored,
          quantityLow: pick.low ?? null,
          quantityHigh: pick.high ?? null,
          quantityUnit: pick.unit ?? null,
          quantityQualifier: pick.qualifier ?? stored.quantityQualifier,
          deliveredQuantity: pick.delivered ?? null,
          dueOn: pick.due ?? null,
        }
      : stored;
    const pledgeConditions = (conditionsOf.get(id) ?? []).map((c) => ({
      id: c.id,
      slug: c.slug,
      title: c.title,
      status: view.conditionStatus.get(c.id) ?? c.status,
    }));
    return [
      {
        id,
        externalId: row.externalId,
        title: row.title,
        description: row.description,
        category: row.category,
        status,
        effective: effectiveStatus(status, pledgeConditions, view.scenario),
        quantity: {
          quantityLow: bigintOrNull(row.quantityLow),
          quantityHigh: bigintOrNull(row.quantityHigh),
          quantityUnit: row.quantityUnit,
          quantityQualifier: row.quantityQualifier,
        },
        delivered: bigintOrNull(row.deliveredQuantity),
        lastChange: dateOrNull(pick.lastChange ?? null),
        announcedOn: new Date(row.announcedOn),
        announcedPrecision: row.announcedPrecision,
        dueOn: dateOrNull(row.dueOn),
        version: Number(row.version),
        sources: (sourcesOf.get(id) ?? []).map(({ id, title, url }) => ({ id, title, url })),
        stakeholders: byRole(
          (stakeholdersOf.get(id) ?? []).map(({ slug, name, role }) => ({ slug, name, role })),
        ),
        conditions: pledgeConditions,
      },
    ];
  });
}

/** One pledge as the list and the API show it (statuses as of today), or null when there is none. */
export async function getPledgeItem(id: string): Promise<PledgeListItem | null> {
  const [item] = await getPledgeItems([id]);
  return item ?? null;
}

/** The live pledges among `ids`, as the list shows them now (in no particular order). */
export async function getPledgeItems(ids: readonly string[]): Promise<PledgeListItem[]> {
  if (ids.length === 0) return [];
  // Together: a write's answer reads its pledge back through here, one round trip fewer.
  const [rows, conditions] = await Promise.all([
    db().pledge.findMany({
      where: { id: { in: [...ids] }, deletedAt: null },
      select: { id: true, status: true },
    }),
    conditionsAt(presentBound, []),
  ]);
  return hydrate(rows, conditions);
}

export interface PledgeQuery {
  selection: PledgeSelection;
  time?: ViewTime;
  page?: number;
  pageSize?: number;
  order?: PledgeOrder;
}

/**
 * One page of the pledges a selection picks, as they stood at the view time (announced by then,
 * with the figures and statuses then), with effective statuses under the selection's scenario.
 */
export async function listPledges({
  selection,
  time,
  page = 1,
  pageSize = pledgePageSize,
  order = defaultPledgeOrder,
}: PledgeQuery) {
  const bound = viewBound(time);
  const [view, selected] = await Promise.all([
    conditionsAt(bound, selection.assume),
    selectPage(selection, bound, order, (page - 1) * pageSize, pageSize),
  ]);
  return { rows: await hydrate(selected.rows, view), total: selected.total, page, pageSize };
}

/**
 * Every pledge a selection picks, in batches, for exports: keyset paging on the id keeps each batch
 * cheap and memory flat however many pledges there are. Yields in the order pledges were recorded.
 */
export async function* streamPledges(selection: PledgeSelection, time: ViewTime, batchSize = 1000) {
  const bound = viewBound(time);
  const view = await conditionsAt(bound, selection.assume);
  let after = "";
  for (;;) {
    const rows = await db().$queryRaw<SelectedPledge[]>`
      WITH ${pledgesAt(bound, selection)}
      SELECT ${selectedColumns} FROM pl WHERE pl."id" > ${after} ORDER BY pl."id" LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield await hydrate(rows, view);
    after = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}

/** The units the selected pledges state, as they stood at the view time: the list's totals, one per unit. */
export async function unitsSelected(selection: PledgeSelection, time: ViewTime = {}) {
  const rows = await db().$queryRaw<{ unit: string }[]>`
    WITH ${pledgesAt(viewBound(time), selection, { withDue: false })}
    SELECT DISTINCT pl.unit AS unit FROM pl WHERE pl.unit IS NOT NULL ORDER BY pl.unit`;
  return rows.map((row) => row.unit);
}

/** The choices offered by the list's filter form. */
export async function listFilterOptions() {
  const [stakeholders, conditions] = await db().$transaction([
    db().stakeholder.findMany({
      where: { pledges: { some: {} } },
      select: { slug: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().condition.findMany({ select: { slug: true, title: true }, orderBy: { title: "asc" } }),
  ]);
  return { stakeholders, conditions };
}

/** One pledge with everything its page shows, or null when there is no such pledge (cached per request). */
export const getPledge = cache(async function getPledge(pledgeId: string) {
  const pledge = await db().pledge.findFirst({
    where: { id: pledgeId, deletedAt: null },
    include: {
      stakeholders: {
        select: {
          role: true,
          stakeholder: { select: { slug: true, name: true, kind: true, countryCode: true, stance: true } },
        },
        orderBy: { stakeholder: { name: "asc" } },
      },
      conditions: {
        select: {
          condition: {
            select: {
              id: true,
              slug: true,
              title: true,
              description: true,
              status: true,
              statusDate: true,
              dependsOn: { select: { name: true, slug: true } },
            },
          },
        },
        orderBy: { condition: { title: "asc" } },
      },
      citations: { select: citationSelect, orderBy: { id: "asc" } },
      statusChanges: { select: statusChangeSelect, orderBy: statusChangeOrder },
      ledgerEvents: {
        select: {
          id: true,
          fact: true,
          quantityLow: true,
          quantityHigh: true,
          quantityQualifier: true,
          quantityUnit: true,
          deliveredQuantity: true,
          dueOn: true,
          occurredOn: true,
          recordedAt: true,
          recordedBy: true,
          note: true,
          citations: { select: citationSelect, orderBy: { id: "asc" } },
        },
        orderBy: [{ occurredOn: "desc" }, { recordedAt: "desc" }, { id: "desc" }],
      },
    },
  });
  if (!pledge) return null;
  const conditions = pledge.conditions.map(({ condition }) => condition);
  return {
    ...pledge,
    stakeholders: byRole(pledge.stakeholders),
    conditions,
    effective: effectiveStatus(pledge.status, conditions),
  };
});

export type PledgeDetail = NonNullable<Awaited<ReturnType<typeof getPledge>>>;

/** The most recently announced pledges' titles: the benchmark's baseline read. */
export async function listRecentPledgeTitles(take: number) {
  return db().pledge.findMany({
    where: { deletedAt: null },
    select: { id: true, title: true },
    orderBy: { announcedOn: "desc" },
    take,
  });
}
