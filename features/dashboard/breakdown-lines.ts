// The breakdown tables' rows as the page shows them: labels and amounts already in words, so that
// the client components drawing them receive a few strings per row rather than the figures' objects.
import { formatQuantity, type Quantity } from "@/lib/rules/quantity";
import type { BreakdownRow, DashboardSummary } from "@/lib/rules/figures";
import { categoryLabels, type ConditionStatus } from "@/lib/rules/vocabulary";

export interface BreakdownLine {
  key: string;
  label: string;
  count: number;
  pledged: string;
  unconditional: string;
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
  quantity.high > 0n ? formatQuantity(quantity, { ceilingWords: "up to" }) : "—";

function line<K extends string>(row: BreakdownRow<K>, label: string): BreakdownLine {
  return {
    key: row.key,
    label,
    count: row.count,
    pledged: amount(row.pledged),
    unconditional: amount(row.unconditional),
  };
}

export function breakdownLines(summary: DashboardSummary) {
  return {
    // By status the label is drawn as a badge from the key.
    byStatus: summary.byEffectiveStatus.map((row) => line(row, row.key)),
    byCategory: summary.byCategory.map((row) => line(row, categoryLabels[row.key])),
    byStakeholder: summary.byStakeholder.map((row) => line(row, row.stakeholder.name)),
  };
}

export function conditionLines(conditions: DashboardSummary["conditions"]): ConditionLine[] {
  return conditions.map((condition) => {
    const { pledges, quantity } = condition.effect;
    const unlocks = condition.assumedMet
      ? "Already counted in this scenario"
      : pledges === 0
        ? "Nothing on its own (other conditions still block its pledges)"
        : `${pledges} ${pledges === 1 ? "pledge" : "pledges"}${
            quantity.high > 0n ? `, ${formatQuantity(quantity, { ceilingWords: "up to" })}` : ""
          }`;
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
