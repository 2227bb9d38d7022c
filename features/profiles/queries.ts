import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { citationSelect, statusChangeSelect, statusChangeOrder } from "@/server/selects";
import { defaultMetric, loadFigures, type Figures } from "@/features/figures";
import { listPledges } from "@/features/pledges/queries";
import { blockingConditionStatuses } from "@/lib/rules/effective-status";
import { everyPledge } from "@/features/pledges/selection-sql";
import { coverage, statedQuantity } from "@/lib/rules/quantity";

// The pages of one stakeholder and one condition: their records and evidence, the pledges they
// carry or hold back, and their figures, taken from the figures every other screen shows (one code
// path: the dashboard's breakdown row by stakeholder, its condition's worth).

/** Pledges listed on a profile; the count says how many there are in all. */
const listed = 100;

/** The figures of every pledge today, in `unit`: what the dashboard shows for that unit. */
const figuresIn = (unit: string): Promise<Figures> =>
  loadFigures({ metric: unit, time: {}, selection: everyPledge });

/** Units in the order a profile shows them: the dashboard's default first, then by name. */
const unitOrder = (a: string, b: string) =>
  a === defaultMetric ? -1 : b === defaultMetric ? 1 : a.localeCompare(b);

/** The units some pledges state, with how many state each. */
async function unitsStated(where: Prisma.PledgeWhereInput) {
  const counts = await db().pledge.groupBy({ by: ["quantityUnit"], where, _count: { _all: true } });
  return new Map(counts.flatMap((u) => (u.quantityUnit ? [[u.quantityUnit, u._count._all]] : [])));
}

export async function getStakeholderProfile(slug: string) {
  const stakeholder = await db().stakeholder.findUnique({
    where: { slug },
    include: {
      citations: { select: citationSelect, orderBy: { id: "asc" } },
      capacityReferences: { orderBy: { low: "asc" } },
      coalitions: { select: { coalition: { select: { slug: true, name: true } } } },
      members: { select: { member: { select: { slug: true, name: true } } } },
    },
  });
  if (!stakeholder) return null;
  // Of all its pledges (the list below shows the first ones only): the units they state, with how
  // many state each, and the conditions they wait for.
  const naming = { deletedAt: null, stakeholders: { some: { stakeholder: { slug } } } };
  const [pledges, inUnit, conditions] = await Promise.all([
    listPledges({ selection: { ...everyPledge, stakeholder: [slug] }, pageSize: listed }),
    unitsStated(naming),
    db().condition.findMany({
      where: { status: { in: [...blockingConditionStatuses] }, pledges: { some: { pledge: naming } } },
      select: { id: true, slug: true, title: true, status: true },
      orderBy: { title: "asc" },
    }),
  ]);
  // Its totals per unit its pledges state: the dashboard's row for it in that unit's breakdown.
  const units = [...new Set([...inUnit.keys(), ...stakeholder.capacityReferences.map((c) => c.unit)])].sort(
    unitOrder,
  );
  const totals = await Promise.all(
    units.map(async (unit) => {
      const { summary } = await figuresIn(unit);
      const row = summary.byStakeholder.find((r) => r.key === stakeholder.id);
      const capacities = stakeholder.capacityReferences
        .filter((capacity) => capacity.unit === unit)
        .map((capacity) => {
          const size = statedQuantity(capacity.low, capacity.high, unit, capacity.qualifier);
          return { title: capacity.title, size, share: row ? coverage(row.pledged, size) : null };
        });
      return { unit, pledges: inUnit.get(unit) ?? 0, row: row ?? null, capacities };
    }),
  );
  return { stakeholder, pledges, totals, conditions };
}

export type StakeholderProfile = NonNullable<Awaited<ReturnType<typeof getStakeholderProfile>>>;

export async function getConditionProfile(slug: string) {
  const condition = await db().condition.findUnique({
    where: { slug },
    include: {
      dependsOn: { select: { slug: true, name: true } },
      citations: { select: citationSelect, orderBy: { id: "asc" } },
      statusChanges: { select: statusChangeSelect, orderBy: statusChangeOrder },
    },
  });
  if (!condition) return null;
  const tied = { deletedAt: null, conditions: { some: { condition: { slug } } } };
  const [pledges, inUnit] = await Promise.all([
    listPledges({ selection: { ...everyPledge, condition: [slug] }, pageSize: listed }),
    unitsStated(tied),
  ]);
  // Its worth in each unit its pledges state (the dashboard's sensitivity for that unit), with the
  // other conditions, whose titles its joint sets name.
  const units = inUnit.size > 0 ? [...inUnit.keys()].sort(unitOrder) : [defaultMetric];
  const worth = await Promise.all(
    units.map(async (unit) => {
      const { summary } = await figuresIn(unit);
      return {
        unit,
        figures: summary.conditions.find((c) => c.slug === slug) ?? null,
        conditions: summary.conditions,
      };
    }),
  );
  return { condition, pledges, worth };
}

export type ConditionProfile = NonNullable<Awaited<ReturnType<typeof getConditionProfile>>>;

/** Records of each kind a source page lists, at most (the count says how many there are in all). */
const citedListed = 200;

/** One source and everything that cites it: the pledges, records and events it is evidence for. */
export async function getSourceProfile(slug: string) {
  const source = await db().source.findUnique({ where: { slug } });
  if (!source) return null;
  const quote = { select: { quote: true }, where: { sourceId: source.id }, take: 1 } as const;
  const [pledges, conditions, stakeholders, requirements, capacities, statusChanges, ledgerEvents, counts] =
    await Promise.all([
      db().pledge.findMany({
        where: { deletedAt: null, citations: { some: { sourceId: source.id } } },
        select: { id: true, title: true, citations: quote },
        orderBy: { title: "asc" },
        take: citedListed,
      }),
      db().condition.findMany({
        where: { citations: { some: { sourceId: source.id } } },
        select: { slug: true, title: true, citations: quote },
        orderBy: { title: "asc" },
        take: citedListed,
      }),
      db().stakeholder.findMany({
        where: { citations: { some: { sourceId: source.id } } },
        select: { slug: true, name: true, citations: quote },
        orderBy: { name: "asc" },
        take: citedListed,
      }),
      db().requirement.findMany({
        where: { citations: { some: { sourceId: source.id } } },
        select: { id: true, title: true, citations: quote },
        orderBy: { title: "asc" },
        take: citedListed,
      }),
      db().capacityReference.findMany({
        where: { citations: { some: { sourceId: source.id } } },
        select: {
          id: true,
          title: true,
          stakeholder: { select: { slug: true, name: true } },
          citations: quote,
        },
        orderBy: { title: "asc" },
        take: citedListed,
      }),
      db().statusChange.findMany({
        where: { citations: { some: { sourceId: source.id } } },
        select: {
          id: true,
          occurredAt: true,
          toPledgeStatus: true,
          toConditionStatus: true,
          pledge: { select: { id: true, title: true, deletedAt: true } },
          condition: { select: { slug: true, title: true } },
        },
        orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
        take: citedListed,
      }),
      db().ledgerEvent.findMany({
        where: { citations: { some: { sourceId: source.id } } },
        select: {
          id: true,
          fact: true,
          occurredOn: true,
          pledge: { select: { id: true, title: true, deletedAt: true } },
        },
        orderBy: [{ occurredOn: "desc" }, { recordedAt: "desc" }],
        take: citedListed,
      }),
      db().citation.count({ where: { sourceId: source.id } }),
    ]);
  return {
    source,
    citations: counts,
    pledges,
    conditions,
    stakeholders,
    requirements,
    capacities,
    statusChanges: statusChanges.filter((change) => !change.pledge?.deletedAt),
    ledgerEvents: ledgerEvents.filter((event) => !event.pledge.deletedAt),
  };
}

export type SourceProfile = NonNullable<Awaited<ReturnType<typeof getSourceProfile>>>;
