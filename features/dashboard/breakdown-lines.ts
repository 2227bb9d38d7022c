// The breakdown tables' rows as the page shows them: labels and amounts already in words, so that
// the client components drawing them receive a few strings per row rather than the figures' objects.
import { formatQuantity, formatQuantityScaled, formatRatio, type Quantity } from "@/lib/rules/quantity";
import type { BreakdownRow, ConditionEffect, DashboardSummary, Outcome } from "@/lib/rules/figures";
import { toMajor } from "@/lib/rules/units";
import { categoryLabels, type ConditionStatus } from "@/lib/rules/vocabulary";

export interface BreakdownLine {
  key: string;
  label: string;
  count: number;
  /** At a glance ("up to €12.3 bn"), and exactly (shown on hover). */
  pledged: string;
  pledgedExact: string;
  unconditional: string;
  unconditionalExact: string;
  /** The row's own page, where it has one (a stakeholder's). */
  href?: string;
  /** For a chart, the upper ends: unconditional, and what conditions still hold back. */
  chart: { unconditional: number; conditional: number };
}

export interface ConditionLine {
  slug: string;
  title: string;
  status: ConditionStatus;
  dependsOn: string | null;
  pledges: number;
  assumedMet: boolean;
  /** What meeting it would release, in words. */
  unlocks: string;
}

/** An amount, or a dash for none: a pledge without a stated quantity counts but adds nothing. */
const amount = (quantity: Quantity) =>
  quantity.high > 0n ? formatQuantityScaled(quantity, { ceilingWords: "up to" }) : "—";
const exact = (quantity: Quantity) =>
  quantity.high > 0n ? formatQuantity(quantity, { ceilingWords: "up to" }) : "none";

function line<K extends string>(row: BreakdownRow<K>, label: string): BreakdownLine {
  return {
    key: row.key,
    label,
    count: row.count,
    pledged: amount(row.pledged),
    pledgedExact: exact(row.pledged),
    unconditional: amount(row.unconditional),
    unconditionalExact: exact(row.unconditional),
    chart: {
      unconditional: toMajor(row.unconditional.high, row.unconditional.unit),
      conditional: toMajor(row.pledged.high - row.unconditional.high, row.pledged.unit),
    },
  };
}

export function breakdownLines(summary: DashboardSummary) {
  return {
    // By status the label is drawn as a badge from the key.
    byStatus: summary.byEffectiveStatus.map((row) => line(row, row.key)),
    byCategory: summary.byCategory.map((row) => line(row, categoryLabels[row.key])),
    byStakeholder: summary.byStakeholder.map(stakeholderLine),
    byLead: summary.byLead.map(stakeholderLine),
  };
}

function stakeholderLine(row: DashboardSummary["byStakeholder"][number]): BreakdownLine {
  return {
    ...line(row, row.stakeholder.name),
    ...(row.stakeholder.slug ? { href: `/stakeholders/${row.stakeholder.slug}` } : {}),
  };
}

/** What meeting conditions releases, in words: "5 pledges, up to 30,000 personnel". */
const released = ({ pledges, quantity }: ConditionEffect) =>
  pledges === 0
    ? "Nothing"
    : `${pledges} ${pledges === 1 ? "pledge" : "pledges"}${quantity.high > 0n ? `, ${formatQuantity(quantity, { ceilingWords: "up to" })}` : ""}`;

export function conditionLines(conditions: DashboardSummary["conditions"]): ConditionLine[] {
  return conditions.map((condition) => {
    const unlocks = condition.assumedMet
      ? "Already counted in this scenario"
      : condition.effect.pledges === 0
        ? "Nothing on its own (other conditions still block its pledges)"
        : released(condition.effect);
    return {
      slug: condition.slug,
      title: condition.title,
      status: condition.status,
      dependsOn: condition.dependsOn,
      pledges: condition.pledges,
      assumedMet: condition.assumedMet,
      unlocks,
    };
  });
}

/** A condition's worth as the sensitivity chart and its table show it. */
export interface WorthLine {
  slug: string;
  title: string;
  assumedMet: boolean;
  /** Released by meeting it alone, in words, and the unconditional total and coverage then. */
  alone: string;
  aloneResult: string;
  /** Held back by it alone once every other condition is met, and the total and coverage without it. */
  holdsBack: string;
  allButThisResult: string;
  /** "met with Ceasefire line agreed: 6 pledges, up to 30,000 personnel released in all": each set it holds pledges back with. */
  joint: string[];
  /** The bars' lengths: the upper ends, in major units. */
  chart: { alone: number; holdsBack: number };
}

const result = (outcome: Outcome) =>
  `${formatQuantity(outcome.unconditional, { ceilingWords: "up to" })} unconditional${
    outcome.coverage ? ` (${formatRatio(outcome.coverage)} of the requirement)` : ""
  }`;

/** Each condition that holds pledges back (or is assumed met), by what meeting it alone releases, largest first. */
export function worthLines(conditions: DashboardSummary["conditions"]): WorthLine[] {
  const titles = new Map(conditions.map((c) => [c.id, c.title]));
  return conditions
    .filter((c) => c.canBeAssumed || c.assumedMet)
    .map(({ slug, title, assumedMet, worth, id }) => ({
      slug,
      title,
      assumedMet,
      alone: released(worth.alone.unlocks),
      aloneResult: result(worth.alone),
      holdsBack: released(worth.holdsBack),
      allButThisResult: result(worth.allButThis),
      joint: worth.joint.map(
        (set) =>
          `met with ${set.conditionIds
            .filter((other) => other !== id)
            .map((other) => titles.get(other) ?? other)
            .join(" and ")}: ${released(set.outcome.unlocks)} released in all`,
      ),
      chart: {
        alone: toMajor(worth.alone.unlocks.quantity.high, worth.alone.unlocks.quantity.unit),
        holdsBack: toMajor(worth.holdsBack.quantity.high, worth.holdsBack.quantity.unit),
      },
    }))
    .sort((a, b) => b.chart.alone + b.chart.holdsBack - (a.chart.alone + a.chart.holdsBack));
}
