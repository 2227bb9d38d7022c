// Breakdowns of the dashboard: pledges by effective status, by category, by stakeholder, and what
// each condition would unlock. Input is the database's GROUP BY output, a few rows per combination
// of unit, category, status, qualifier and blocking conditions; never one row per pledge.

import {
  countsTowardTotals,
  effectiveStatus,
  noScenario,
  type ConditionState,
  type Scenario,
} from "./effective-status";
import { add, statedQuantity, zero, type Quantity } from "./quantity";
import type { EffectiveStatus, PledgeCategory, PledgeStatus, QuantityQualifier } from "./vocabulary";

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

export function emptyRow<K>(key: K, unit: string): BreakdownRow<K> {
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
