import "server-only";
import { cache } from "react";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { citationSelect, statusChangeOrder, statusChangeSelect } from "@/server/selects";
import { effectiveStatus, type EffectiveStatusResult, type Scenario } from "@/lib/rules/effective-status";
import {
  stakeholderRoles,
  type ConditionStatus,
  type PledgeStatus,
  type StakeholderRole,
} from "@/lib/rules/vocabulary";
import { asOfBound, conditionsAtQuery, pledgesAt, type PledgeSelection } from "./selection-sql";

export const pledgePageSize = 25;

/** Pledgers first, beneficiaries last: the order the roles are declared in. */
function byRole<T extends { role: StakeholderRole }>(links: T[]): T[] {
  return [...links].sort((a, b) => stakeholderRoles.indexOf(a.role) - stakeholderRoles.indexOf(b.role));
}

const listInclude = {
  stakeholders: {
    select: { role: true, stakeholder: { select: { slug: true, name: true } } },
    orderBy: { stakeholder: { name: "asc" } },
  },
  conditions: {
    select: { condition: { select: { id: true, slug: true, title: true, status: true } } },
    orderBy: { condition: { title: "asc" } },
  },
  citations: { select: { source: { select: { id: true, title: true, url: true } } }, orderBy: { id: "asc" } },
} satisfies Prisma.PledgeInclude;

type PledgeWithLinks = Prisma.PledgeGetPayload<{ include: typeof listInclude }>;

export interface PledgeListItem {
  id: string;
  externalId: string | null;
  title: string;
  description: string | null;
  category: PledgeWithLinks["category"];
  status: PledgeStatus;
  effective: EffectiveStatusResult<PledgeListItem["conditions"][number]>;
  quantity: Pick<PledgeWithLinks, "quantityLow" | "quantityHigh" | "quantityUnit" | "quantityQualifier">;
  delivered: bigint | null;
  announcedOn: Date;
  dueOn: Date | null;
  version: number;
  sources: { id: string; title: string; url: string | null }[];
  stakeholders: { slug: string; name: string; role: PledgeWithLinks["stakeholders"][number]["role"] }[];
  conditions: { id: string; slug: string; title: string; status: ConditionStatus }[];
}

interface ViewAt {
  /** The pledge's status at the as-of date (its current status without one). */
  statusOf: Map<string, PledgeStatus>;
  /** Conditions' statuses at the as-of date. */
  conditionStatus: Map<string, ConditionStatus>;
  scenario: Scenario;
}

function toListItem(pledge: PledgeWithLinks, view: ViewAt): PledgeListItem {
  const conditions = pledge.conditions.map(({ condition }) => ({
    ...condition,
    status: view.conditionStatus.get(condition.id) ?? condition.status,
  }));
  const status = view.statusOf.get(pledge.id) ?? pledge.status;
  return {
    id: pledge.id,
    externalId: pledge.externalId,
    title: pledge.title,
    description: pledge.description,
    category: pledge.category,
    status,
    effective: effectiveStatus(status, conditions, view.scenario),
    quantity: {
      quantityLow: pledge.quantityLow,
      quantityHigh: pledge.quantityHigh,
      quantityUnit: pledge.quantityUnit,
      quantityQualifier: pledge.quantityQualifier,
    },
    delivered: pledge.deliveredQuantity,
    announcedOn: pledge.announcedOn,
    dueOn: pledge.dueOn,
    version: pledge.version,
    // One entry per source, however many quotes the pledge takes from it.
    sources: [...new Map(pledge.citations.map(({ source }) => [source.id, source])).values()],
    stakeholders: byRole(pledge.stakeholders).map(({ role, stakeholder }) => ({ ...stakeholder, role })),
    conditions,
  };
}

/** Conditions' statuses as they stood at the bound, and the scenario's slugs turned into ids. */
async function conditionsAt(bound: string | null, assume: readonly string[]) {
  const rows = await db().$queryRaw<{ id: string; slug: string; status: ConditionStatus }[]>(
    conditionsAtQuery(bound),
  );
  const assumed = new Set(assume);
  return {
    conditionStatus: new Map(rows.map((row) => [row.id, row.status])),
    scenario: new Set(rows.filter((row) => assumed.has(row.slug)).map((row) => row.id)) as Scenario,
  };
}

/** The selected pledges' ids and statuses at the bound, one page of them, newest announcement first. */
async function selectPage(selection: PledgeSelection, bound: string | null, skip: number, take: number) {
  const [rows, [count]] = await db().$transaction([
    db().$queryRaw<{ id: string; status: PledgeStatus }[]>`
      WITH ${pledgesAt(bound, selection)}
      SELECT pl."id", pl.status FROM pl JOIN "Pledge" p ON p."id" = pl."id"
      ORDER BY p."announcedOn" DESC, p."title" ASC, p."id" ASC LIMIT ${take} OFFSET ${skip}`,
    db().$queryRaw<
      { count: bigint | number }[]
    >`WITH ${pledgesAt(bound, selection)} SELECT COUNT(*) AS count FROM pl`,
  ]);
  return { rows, total: Number(count?.count ?? 0) };
}

async function hydrate(rows: { id: string; status: PledgeStatus }[], view: Omit<ViewAt, "statusOf">) {
  const pledges = await db().pledge.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    include: listInclude,
  });
  const byId = new Map(pledges.map((pledge) => [pledge.id, pledge]));
  const statusOf = new Map(rows.map((row) => [row.id, row.status]));
  return rows.flatMap((row) => {
    const pledge = byId.get(row.id);
    return pledge ? [toListItem(pledge, { ...view, statusOf })] : [];
  });
}

export interface PledgeQuery {
  selection: PledgeSelection;
  asOf?: Date;
  page?: number;
  pageSize?: number;
}

/**
 * One page of the pledges a selection picks, as they stood at `asOf` (announced by then, with the
 * statuses then), with effective statuses under the selection's scenario.
 */
export async function listPledges({ selection, asOf, page = 1, pageSize = pledgePageSize }: PledgeQuery) {
  const bound = asOfBound(asOf);
  const [view, selected] = await Promise.all([
    conditionsAt(bound, selection.assume),
    selectPage(selection, bound, (page - 1) * pageSize, pageSize),
  ]);
  return { rows: await hydrate(selected.rows, view), total: selected.total, page, pageSize };
}

/**
 * Every pledge a selection picks, in batches, for exports: keyset paging on the id keeps each batch
 * cheap and memory flat however many pledges there are. Yields in the order pledges were recorded.
 */
export async function* streamPledges(selection: PledgeSelection, asOf: Date | undefined, batchSize = 500) {
  const bound = asOfBound(asOf);
  const view = await conditionsAt(bound, selection.assume);
  let after = "";
  for (;;) {
    const rows = await db().$queryRaw<{ id: string; status: PledgeStatus }[]>`
      WITH ${pledgesAt(bound, selection)}
      SELECT pl."id", pl.status FROM pl WHERE pl."id" > ${after} ORDER BY pl."id" LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield await hydrate(rows, view);
    after = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
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
  const pledge = await db().pledge.findUnique({
    where: { id: pledgeId },
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
              dependsOn: { select: { name: true } },
            },
          },
        },
        orderBy: { condition: { title: "asc" } },
      },
      citations: { select: citationSelect, orderBy: { id: "asc" } },
      statusChanges: { select: statusChangeSelect, orderBy: statusChangeOrder },
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
  return db().pledge.findMany({ select: { id: true, title: true }, orderBy: { announcedOn: "desc" }, take });
}
