// The figures, computed once for every screen, route and export: pledged, unconditional and
// delivered sums by effective status, category and stakeholder; the gap against the requirement; and
// what each condition would unlock. Input is the database's GROUP BY output (features/figures reads
// it), a few rows per combination of unit, category, status, qualifier and blocking conditions; never
// one row per pledge. The totals are the breakdown's, so tables and headline figures cannot disagree.

import {
  countsTowardTotals,
  effectiveStatus,
  isConditionSatisfied,
  noScenario,
  type ConditionState,
  type Scenario,
} from "./effective-status";
import { add, coverage, shortfall, statedQuantity, zero, type Quantity, type Ratio } from "./quantity";
import {
  effectiveStatuses,
  pledgeCategories,
  type EffectiveStatus,
  type PledgeCategory,
  type PledgeStatus,
  type QuantityQualifier,
} from "./vocabulary";

/** One row of the pledge aggregate: pledges alike in everything the rules look at, summed. */
export interface AggregateGroup {
  /** Null for pledges that state no quantity: they count, but add nothing to a sum. */
  unit: string | null;
  category: PledgeCategory;
  status: PledgeStatus;
  qualifier: QuantityQualifier;
  /** The pledges' conditions that were not met or waived (at the as-of date). */
  blockedBy: ConditionState[];
  count: number;
  low: bigint;
  high: bigint;
  delivered: bigint;
  /** How many of the group's pledges report more delivered than the most they pledged (ledger.ts). */
  deliveredAbove: number;
  /** Set when the aggregate is per stakeholder. */
  stakeholderId?: string;
}

export interface BreakdownRow<K> {
  key: K;
  /** Pledges of any unit, or none. */
  count: number;
  /** Sums in the chosen unit, withdrawn pledges left out as in the gap figures. */
  pledged: Quantity;
  unconditional: Quantity;
  delivered: Quantity;
  /** Of the pledges counted in `delivered`, those that report more than they pledged. */
  deliveredAbove: number;
}

export function effectiveStatusOf(group: AggregateGroup, scenario: Scenario = noScenario): EffectiveStatus {
  return effectiveStatus(group.status, group.blockedBy, scenario).status;
}

function emptyRow<K>(key: K, unit: string): BreakdownRow<K> {
  return {
    key,
    count: 0,
    pledged: zero(unit),
    unconditional: zero(unit),
    delivered: zero(unit),
    deliveredAbove: 0,
  };
}

/** Groups summed under the key `keyOf` gives them, in first-seen order. */
export function breakdown<K>(
  groups: readonly AggregateGroup[],
  keyOf: (group: AggregateGroup) => K,
  unit: string,
  scenario: Scenario = noScenario,
): BreakdownRow<K>[] {
  const rows = new Map<K, BreakdownRow<K>>();
  for (const group of groups) {
    const key = keyOf(group);
    const row = rows.get(key) ?? emptyRow(key, unit);
    row.count += group.count;
    if (group.unit === unit && countsTowardTotals(group.status)) {
      const amount = statedQuantity(group.low, group.high, unit, group.qualifier);
      row.pledged = add(row.pledged, amount);
      if (effectiveStatusOf(group, scenario) !== "conditional")
        row.unconditional = add(row.unconditional, amount);
      row.delivered = add(row.delivered, {
        low: group.delivered,
        high: group.delivered,
        unit,
        bound: "exact",
      });
      row.deliveredAbove += group.deliveredAbove;
    }
    rows.set(key, row);
  }
  return [...rows.values()];
}

export interface ConditionEffect {
  /** Pledges that are conditional now and would not be if this condition were met. */
  pledges: number;
  quantity: Quantity;
}

/** What meeting `conditionId` would release, on top of the conditions the scenario assumes met. */
export function conditionEffect(
  conditionId: string,
  groups: readonly AggregateGroup[],
  unit: string,
  scenario: Scenario = noScenario,
): ConditionEffect {
  const withCondition = new Set(scenario).add(conditionId);
  let pledges = 0;
  let quantity = zero(unit);
  for (const group of groups) {
    if (!countsTowardTotals(group.status)) continue;
    const releases =
      effectiveStatusOf(group, scenario) === "conditional" &&
      effectiveStatusOf(group, withCondition) !== "conditional";
    if (!releases) continue;
    pledges += group.count;
    if (group.unit === unit)
      quantity = add(quantity, statedQuantity(group.low, group.high, unit, group.qualifier));
  }
  return { pledges, quantity };
}

// ---- The gap: required against pledged, unconditional and delivered ----

export interface GapFigures {
  unit: string;
  required: Quantity;
  /** Every pledge not withdrawn. */
  pledged: Quantity;
  /** Pledges whose conditions are all met or waived (or assumed met by the scenario). */
  unconditional: Quantity;
  delivered: Quantity;
  shortfall: Quantity;
  coverage: Ratio | null;
  unconditionalShortfall: Quantity;
  unconditionalCoverage: Ratio | null;
  deliveredShortfall: Quantity;
  deliveredCoverage: Ratio | null;
}

/** The gap figures for the requirement's unit: the breakdown's totals set against what is required. */
export function computeGap(
  required: Quantity,
  groups: readonly AggregateGroup[],
  scenario: Scenario = noScenario,
): GapFigures {
  const unit = required.unit;
  const { pledged, unconditional, delivered } =
    breakdown(groups, () => "all", unit, scenario)[0] ?? emptyRow("all", unit);
  return {
    unit,
    required,
    pledged,
    unconditional,
    delivered,
    shortfall: shortfall(required, pledged),
    coverage: coverage(pledged, required),
    unconditionalShortfall: shortfall(required, unconditional),
    unconditionalCoverage: coverage(unconditional, required),
    deliveredShortfall: shortfall(required, delivered),
    deliveredCoverage: coverage(delivered, required),
  };
}

// ---- Everything a view shows, in one value ----

export interface SummaryInput {
  unit: string;
  requirement: { low: bigint; high: bigint; qualifier: QuantityQualifier } | null;
  groups: readonly AggregateGroup[];
  stakeholderGroups: readonly AggregateGroup[];
  stakeholders: readonly { id: string; slug: string; name: string }[];
  conditions: readonly (ConditionState & { slug: string; pledges: number; dependsOn: string | null })[];
  scenario: Scenario;
}

export function summarize(input: SummaryInput) {
  const { unit, groups, scenario } = input;
  const gap = input.requirement
    ? computeGap(
        statedQuantity(input.requirement.low, input.requirement.high, unit, input.requirement.qualifier),
        groups,
        scenario,
      )
    : null;

  // Pledged, unconditional and delivered in the unit, whether or not a requirement exists for it.
  const totals = breakdown(groups, () => "all", unit, scenario)[0] ?? emptyRow("all", unit);
  const byStatus = breakdown(groups, (g) => effectiveStatusOf(g, scenario), unit, scenario);
  const byCategory = breakdown(groups, (g) => g.category, unit, scenario);
  const names = new Map(input.stakeholders.map((s) => [s.id, s]));
  const byStakeholder = breakdown(input.stakeholderGroups, (g) => g.stakeholderId ?? "", unit, scenario)
    .map((row) => ({ ...row, stakeholder: names.get(row.key) ?? { id: row.key, slug: "", name: "Unknown" } }))
    .sort((a, b) =>
      b.pledged.high === a.pledged.high ? b.count - a.count : b.pledged.high > a.pledged.high ? 1 : -1,
    );

  return {
    unit,
    gap,
    totals,
    pledgeCount: groups.reduce((total, group) => total + group.count, 0),
    // In the vocabulary's order, every status present even when empty, so tables keep their shape.
    byEffectiveStatus: effectiveStatuses.map(
      (status) => byStatus.find((row) => row.key === status) ?? emptyRow(status, unit),
    ),
    byCategory: pledgeCategories.map(
      (category) => byCategory.find((row) => row.key === category) ?? emptyRow(category, unit),
    ),
    byStakeholder,
    conditions: input.conditions.map((condition) => ({
      ...condition,
      assumedMet: scenario.has(condition.id),
      // Only a condition that still blocks can be assumed met; one already met or waived changes nothing.
      canBeAssumed: !isConditionSatisfied(condition),
      effect: conditionEffect(condition.id, groups, unit, scenario),
    })),
  };
}

export type DashboardSummary = ReturnType<typeof summarize>;
