import type { ConditionStatus, EffectiveStatus, PledgeStatus } from "./vocabulary";

export interface ConditionState {
  id: string;
  title: string;
  status: ConditionStatus;
}

/** Conditions assumed met in a what-if scenario, by id. */
export type Scenario = ReadonlySet<string>;

export const noScenario: Scenario = new Set();

export interface EffectiveStatusResult {
  status: EffectiveStatus;
  /** The conditions holding the pledge back; empty unless `status` is "conditional". */
  blockedBy: ConditionState[];
}

export function isConditionSatisfied(condition: ConditionState, scenario: Scenario = noScenario): boolean {
  return condition.status === "met" || condition.status === "waived" || scenario.has(condition.id);
}

/** Delivered and withdrawn pledges are past waiting for anything. */
function isSettled(status: PledgeStatus): boolean {
  return status === "delivered" || status === "withdrawn";
}

/**
 * A pledge with any condition not yet met or waived is "conditional" whatever its lifecycle status
 * says, unless it is already delivered (or withdrawn). The blocking conditions are named.
 */
export function effectiveStatus(
  lifecycle: PledgeStatus,
  conditions: readonly ConditionState[],
  scenario: Scenario = noScenario,
): EffectiveStatusResult {
  if (isSettled(lifecycle)) return { status: lifecycle, blockedBy: [] };
  const blockedBy = conditions.filter((condition) => !isConditionSatisfied(condition, scenario));
  return blockedBy.length > 0 ? { status: "conditional", blockedBy } : { status: lifecycle, blockedBy: [] };
}
