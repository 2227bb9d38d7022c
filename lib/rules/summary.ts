// The dashboard's figures in one place, so that the page and (later) the exports compute them once.

import { breakdown, conditionEffect, effectiveStatusOf, emptyRow, type AggregateGroup } from "./breakdowns";
import { isConditionSatisfied, type ConditionState, type Scenario } from "./effective-status";
import { computeGap } from "./gap";
import { statedQuantity } from "./quantity";
import { effectiveStatuses, pledgeCategories, type QuantityQualifier } from "./vocabulary";

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
