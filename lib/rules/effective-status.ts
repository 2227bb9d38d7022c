import type { ConditionStatus, EffectiveStatus, PledgeStatus } from "./vocabulary";

export interface ConditionState {
  id: string;
  title: string;
  status: ConditionStatus;
}

/** Conditions assumed met in a what-if scenario, by id. */
export type Scenario = ReadonlySet<string>;

export const noScenario: Scenario = new Set();

export interface EffectiveStatusResult<C extends ConditionState = ConditionState> {
  status: EffectiveStatus;
  /** The conditions holding the pledge back; empty unless `status` is "conditional". */
  blockedBy: C[];
}

/** Condition statuses that hold a pledge back; queries filter on these so that SQL and rules agree. */
export const blockingConditionStatuses = [
  "unmet",
  "partially_met",
] as const satisfies readonly ConditionStatus[];

/** Lifecycle statuses past waiting for anything: delivered and withdrawn pledges are never conditional. */
export const settledPledgeStatuses = ["delivered", "withdrawn"] as const satisfies readonly PledgeStatus[];

/** Lifecycle statuses that count towards no total (pledged, unconditional, delivered, what a condition unlocks). */
export const statusesOutsideTotals = ["withdrawn"] as const satisfies readonly PledgeStatus[];

/** Withdrawn pledges count towards no total. selection-sql.ts's `countsTowardTotalsSql` says it in SQL. */
export function countsTowardTotals(status: PledgeStatus): boolean {
  return !(statusesOutsideTotals as readonly PledgeStatus[]).includes(status);
}

/**
 * A scenario named by condition slugs, against the conditions a view holds: their ids, and the slugs
 * that name none of them (said back to the reader, never silently dropped).
 */
export function scenarioOf(
  assumedSlugs: readonly string[],
  conditions: readonly { id: string; slug: string }[],
): { scenario: Scenario; unknown: string[] } {
  const bySlug = new Map(conditions.map((condition) => [condition.slug, condition.id]));
  return {
    scenario: new Set(assumedSlugs.flatMap((slug) => bySlug.get(slug) ?? [])),
    unknown: [...new Set(assumedSlugs.filter((slug) => !bySlug.has(slug)))],
  };
}

export function isConditionSatisfied(condition: ConditionState, scenario: Scenario = noScenario): boolean {
  return (
    !(blockingConditionStatuses as readonly ConditionStatus[]).includes(condition.status) ||
    scenario.has(condition.id)
  );
}

function isSettled(status: PledgeStatus): boolean {
  return (settledPledgeStatuses as readonly PledgeStatus[]).includes(status);
}

/**
 * A pledge with any condition not yet met or waived is "conditional" whatever its lifecycle status
 * says, unless it is already delivered (or withdrawn). The blocking conditions are named.
 */
export function effectiveStatus<C extends ConditionState>(
  lifecycle: PledgeStatus,
  conditions: readonly C[],
  scenario: Scenario = noScenario,
): EffectiveStatusResult<C> {
  if (isSettled(lifecycle)) return { status: lifecycle, blockedBy: [] };
  const blockedBy = conditions.filter((condition) => !isConditionSatisfied(condition, scenario));
  return blockedBy.length > 0 ? { status: "conditional", blockedBy } : { status: lifecycle, blockedBy: [] };
}
