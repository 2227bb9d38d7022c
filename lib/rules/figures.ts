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

/** A group as the totals read it: the per-stakeholder aggregates are not split by category. */
export type TotalsGroup = Omit<AggregateGroup, "category">;

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

export function effectiveStatusOf(group: TotalsGroup, scenario: Scenario = noScenario): EffectiveStatus {
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
export function breakdown<K, G extends TotalsGroup>(
  groups: readonly G[],
  keyOf: (group: G) => K,
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

/** Every group summed: pledged, unconditional and delivered in `unit` under the scenario. */
export function totalsOf(
  groups: readonly AggregateGroup[],
  unit: string,
  scenario: Scenario = noScenario,
): BreakdownRow<"all"> {
  return breakdown(groups, () => "all" as const, unit, scenario)[0] ?? emptyRow("all", unit);
}

export interface ConditionEffect {
  /** Pledges that are conditional now and would not be if the conditions were met. */
  pledges: number;
  quantity: Quantity;
}

/**
 * Counted groups alike in all a scenario changes (the conditions that may hold them back), summed:
 * their pledges of any unit, and their amounts in the unit. What conditions release is worked out
 * over these, a few dozen, for each condition and each set of conditions, rather than over the
 * thousands of groups (sums of ranges do not depend on their order).
 */
interface ScenarioClass {
  /** The conditions blocking these pledges with none assumed met; none for settled pledges. */
  blockedBy: ConditionState[];
  pledges: number;
  quantity: Quantity;
}

function scenarioClasses(groups: readonly TotalsGroup[], unit: string): ScenarioClass[] {
  const classes = new Map<string, ScenarioClass>();
  for (const group of groups) {
    if (!countsTowardTotals(group.status)) continue;
    const { blockedBy } = effectiveStatus(group.status, group.blockedBy);
    const key = blockedBy
      .map((condition) => condition.id)
      .sort()
      .join(",");
    let sum = classes.get(key);
    if (!sum) classes.set(key, (sum = { blockedBy, pledges: 0, quantity: zero(unit) }));
    sum.pledges += group.count;
    if (group.unit === unit)
      sum.quantity = add(sum.quantity, statedQuantity(group.low, group.high, unit, group.qualifier));
  }
  return [...classes.values()];
}

const heldBack = ({ blockedBy }: ScenarioClass, scenario: Scenario) =>
  blockedBy.some((condition) => !isConditionSatisfied(condition, scenario));

/** What meeting the conditions `after` adds to `before` releases: pledges conditional under one and not the other. */
function released(classes: readonly ScenarioClass[], unit: string, before: Scenario, after: Scenario) {
  let pledges = 0;
  let quantity = zero(unit);
  for (const sum of classes) {
    if (!heldBack(sum, before) || heldBack(sum, after)) continue;
    pledges += sum.pledges;
    quantity = add(quantity, sum.quantity);
  }
  return { pledges, quantity };
}

/** What meeting `conditionId` would release, on top of the conditions the scenario assumes met. */
export function conditionEffect(
  conditionId: string,
  groups: readonly AggregateGroup[],
  unit: string,
  scenario: Scenario = noScenario,
): ConditionEffect {
  return effectOf(conditionId, scenarioClasses(groups, unit), unit, scenario);
}

function effectOf(conditionId: string, classes: readonly ScenarioClass[], unit: string, scenario: Scenario) {
  return released(classes, unit, scenario, new Set(scenario).add(conditionId));
}

// ---- What each condition is worth ----

/** The figures were some conditions met, on top of what a view assumes. */
export interface Outcome {
  /** What they release. */
  unlocks: ConditionEffect;
  /** The unconditional total then, and its shortfall and coverage (null without a requirement). */
  unconditional: Quantity;
  shortfall: Quantity | null;
  coverage: Ratio | null;
}

export interface ConditionWorth {
  /** This condition met, and no other besides those the view assumes. */
  alone: Outcome;
  /** Every other condition still blocking met, and this one not. */
  allButThis: Outcome;
  /** What it alone then holds back: released by meeting it once every other condition is met. */
  holdsBack: ConditionEffect;
  /**
   * The sets of conditions (this one among them, sorted by id) that hold pledges back together: each
   * such pledge is released only when the whole set is met. Smallest sets first.
   */
  joint: { conditionIds: string[]; outcome: Outcome }[];
}

/** The unconditional total under `scenario`: as totalsOf sums it. */
function unconditionalUnder(classes: readonly ScenarioClass[], unit: string, scenario: Scenario): Quantity {
  let quantity = zero(unit);
  for (const sum of classes) if (!heldBack(sum, scenario)) quantity = add(quantity, sum.quantity);
  return quantity;
}

function outcome(
  classes: readonly ScenarioClass[],
  unit: string,
  required: Quantity | null,
  base: Scenario,
  met: Scenario,
): Outcome {
  const unconditional = unconditionalUnder(classes, unit, met);
  return {
    unlocks: released(classes, unit, base, met),
    unconditional,
    shortfall: required ? shortfall(required, unconditional) : null,
    coverage: required ? coverage(unconditional, required) : null,
  };
}

/**
 * What a condition is worth in `unit`, measured from the view's scenario without it (so that one the
 * scenario assumes met is worth what assuming it added): met alone, missing when all the others
 * still blocking are met, and met together with the others it holds pledges back with. Bounds are
 * kept: a ceiling released stays a ceiling, and the shortfall it leaves a floor.
 */
export function conditionWorth(
  conditionId: string,
  groups: readonly AggregateGroup[],
  unit: string,
  required: Quantity | null,
  conditions: readonly ConditionState[],
  scenario: Scenario = noScenario,
): ConditionWorth {
  return worthOf(conditionId, scenarioClasses(groups, unit), unit, required, conditions, scenario);
}

function worthOf(
  conditionId: string,
  classes: readonly ScenarioClass[],
  unit: string,
  required: Quantity | null,
  conditions: readonly ConditionState[],
  scenario: Scenario,
): ConditionWorth {
  const base = new Set(scenario);
  base.delete(conditionId);
  const others = conditions
    .filter((condition) => condition.id !== conditionId && !isConditionSatisfied(condition, base))
    .map((condition) => condition.id);
  const sets = new Map<string, string[]>();
  for (const sum of classes) {
    const ids = sum.blockedBy
      .filter((condition) => !isConditionSatisfied(condition, base))
      .map((condition) => condition.id)
      .sort();
    if (ids.length > 1 && ids.includes(conditionId)) sets.set(ids.join(","), ids);
  }
  const joint = [...sets.values()].sort(
    (a, b) => a.length - b.length || a.join(",").localeCompare(b.join(",")),
  );
  const allButThis = new Set([...base, ...others]);
  return {
    alone: outcome(classes, unit, required, base, new Set(base).add(conditionId)),
    allButThis: outcome(classes, unit, required, base, allButThis),
    holdsBack: released(classes, unit, allButThis, new Set(allButThis).add(conditionId)),
    joint: joint.map((ids) => ({
      conditionIds: ids,
      outcome: outcome(classes, unit, required, base, new Set([...base, ...ids])),
    })),
  };
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
  const { pledged, unconditional, delivered } = totalsOf(groups, unit, scenario);
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

/**
 * Lead attribution, which the by-lead breakdown counts with (in SQL, features/figures/queries.ts):
 * each pledge once, for the one stakeholder named its lead; with no lead named, for its one
 * pledger or contributor; a pledge led by several, or carried by several with none leading, for no
 * one, under this row. So the rows add up to the totals, as the by-stakeholder rows do not.
 */
// Said to readers as report.leadAttribution in the catalogs (messages/*.json).

const noSingleLead = { id: "", slug: "", name: "No single lead" };

export interface SummaryInput {
  unit: string;
  requirement: { low: bigint; high: bigint; qualifier: QuantityQualifier } | null;
  groups: readonly AggregateGroup[];
  stakeholderGroups: readonly TotalsGroup[];
  /** The groups again, each pledge once, for the stakeholder lead attribution (above) names (or none). */
  leadGroups: readonly TotalsGroup[];
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
  const totals = totalsOf(groups, unit, scenario);
  const byStatus = breakdown(groups, (g) => effectiveStatusOf(g, scenario), unit, scenario);
  const byCategory = breakdown(groups, (g) => g.category, unit, scenario);
  const names = new Map(input.stakeholders.map((s) => [s.id, s]));
  const classes = scenarioClasses(groups, unit);
  const byStakeholderOf = (stakeholderGroups: readonly TotalsGroup[]) =>
    breakdown(stakeholderGroups, (g) => g.stakeholderId ?? "", unit, scenario)
      .map((row) => ({
        ...row,
        stakeholder:
          row.key === "" ? noSingleLead : (names.get(row.key) ?? { id: row.key, slug: "", name: "Unknown" }),
      }))
      .sort(
        (a, b) =>
          // The pledges no one leads last, whatever their size; ties by name, whatever order the
          // groups came in (the journal's and a GROUP BY's differ).
          Number(a.key === "") - Number(b.key === "") ||
          (b.pledged.high === a.pledged.high ? 0 : b.pledged.high > a.pledged.high ? 1 : -1) ||
          b.count - a.count ||
          a.stakeholder.name.localeCompare(b.stakeholder.name) ||
          (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      );

  return {
    unit,
    gap,
    totals,
    pledgeCount: groups.reduce((total, group) => total + group.count, 0),
    /** Of them, those whose amounts the unit's totals sum (stated in the unit, not withdrawn). */
    pledgesInUnit: groups.reduce(
      (total, group) => total + (group.unit === unit && countsTowardTotals(group.status) ? group.count : 0),
      0,
    ),
    /** The units the view's pledges state amounts in, for a unit chooser. */
    units: [...new Set(groups.flatMap((group) => (group.unit ? [group.unit] : [])))].sort(),
    // In the vocabulary's order, every status present even when empty, so tables keep their shape.
    byEffectiveStatus: effectiveStatuses.map(
      (status) => byStatus.find((row) => row.key === status) ?? emptyRow(status, unit),
    ),
    byCategory: pledgeCategories.map(
      (category) => byCategory.find((row) => row.key === category) ?? emptyRow(category, unit),
    ),
    /** Each pledge for every stakeholder carrying it: the rows add up to more than the totals. */
    byStakeholder: byStakeholderOf(input.stakeholderGroups),
    /** Each pledge once (leadAttribution): the rows add up to the totals. */
    byLead: byStakeholderOf(input.leadGroups),
    conditions: input.conditions.map((condition) => ({
      ...condition,
      assumedMet: scenario.has(condition.id),
      // Only a condition that still blocks can be assumed met; one already met or waived changes nothing.
      canBeAssumed: !isConditionSatisfied(condition),
      effect: effectOf(condition.id, classes, unit, scenario),
      worth: worthOf(condition.id, classes, unit, gap?.required ?? null, input.conditions, scenario),
    })),
  };
}

export type DashboardSummary = ReturnType<typeof summarize>;
