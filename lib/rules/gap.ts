// The headline figures: required vs pledged, unconditional and delivered, per scenario.
// Input is pledges already summed in the database by group (see breakdowns.ts), and the totals are
// the breakdown's, so the dashboard's tables and headline figures cannot disagree.

import { breakdown, emptyRow, type AggregateGroup } from "./breakdowns";
import { noScenario, type Scenario } from "./effective-status";
import { coverage, shortfall, type Quantity, type Ratio } from "./quantity";

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
