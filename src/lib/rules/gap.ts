// The headline figures: required vs pledged, unconditional and delivered, per scenario.
// Input is pledges already summed in the database by group (see the dashboard queries), so the
// loops here run over a handful of groups, not over every pledge.

import { effectiveStatus, type ConditionState, type Scenario, noScenario } from "./effective-status";
import { add, coverage, shortfall, sum, zero, type Quantity, type Ratio } from "./quantity";
import type { PledgeStatus } from "./vocabulary";

/** Pledges that share a unit, lifecycle status, qualifier and set of conditions, summed. */
export interface PledgeGroup {
  status: PledgeStatus;
  conditions: readonly ConditionState[];
  /** Sum of the stated quantities, carrying the qualifier's bound. */
  pledged: Quantity;
  /** Sum of delivered quantities (always exact: a delivery is counted, not promised). */
  delivered: bigint;
}

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

export function computeGap(
  required: Quantity,
  groups: readonly PledgeGroup[],
  scenario: Scenario = noScenario,
): GapFigures {
  const unit = required.unit;
  const live = groups.filter((group) => group.status !== "withdrawn");
  const pledged = sum(
    live.map((group) => group.pledged),
    unit,
  );
  const unconditional = sum(
    live
      .filter((group) => effectiveStatus(group.status, group.conditions, scenario).status !== "conditional")
      .map((group) => group.pledged),
    unit,
  );
  const delivered = live.reduce(
    (total, group) => add(total, { low: group.delivered, high: group.delivered, unit, bound: "exact" }),
    zero(unit),
  );
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
