import "server-only";
import { db } from "@/server/db";
import { citationSelect, statusChangeSelect, statusChangeOrder } from "@/server/selects";
import { defaultMetric, loadFigures, type Figures } from "@/features/figures";
import { listPledges, type PledgeListItem } from "@/features/pledges/queries";
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
  const pledges = await listPledges({
    selection: { ...everyPledge, stakeholder: [slug] },
    pageSize: listed,
  });
  // Its totals per unit its pledges state: the dashboard's row for it in that unit's breakdown.
  const units = [
    ...new Set([
      ...pledges.rows.flatMap((p) => (p.quantity.quantityUnit ? [p.quantity.quantityUnit] : [])),
      ...stakeholder.capacityReferences.map((c) => c.unit),
    ]),
  ].sort((a, b) => (a === defaultMetric ? -1 : b === defaultMetric ? 1 : a.localeCompare(b)));
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
      return { unit, row: row ?? null, capacities };
    }),
  );
  // The conditions its pledges wait for, each once.
  const conditions = new Map<string, PledgeListItem["conditions"][number]>();
  for (const pledge of pledges.rows)
    for (const condition of pledge.conditions) conditions.set(condition.slug, condition);
  return {
    stakeholder,
    pledges,
    totals,
    conditions: [...conditions.values()].sort((a, b) => a.title.localeCompare(b.title)),
  };
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
  const [pledges, { summary }] = await Promise.all([
    listPledges({ selection: { ...everyPledge, condition: [slug] }, pageSize: listed }),
    figuresIn(defaultMetric),
  ]);
  return {
    condition,
    pledges,
    metric: defaultMetric,
    // Its worth, and the other conditions' titles its joint sets name.
    figures: summary.conditions.find((c) => c.slug === slug) ?? null,
    conditions: summary.conditions,
  };
}

export type ConditionProfile = NonNullable<Awaited<ReturnType<typeof getConditionProfile>>>;
