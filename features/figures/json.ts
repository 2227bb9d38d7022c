// The dashboard's figures as the API and the exports write them: ranges of plain numbers in the
// metric's major units. Pure, so that every output shows exactly what the dashboard computed.
import { statedQuantity, type Quantity, type Ratio } from "@/lib/rules/quantity";
import type { BreakdownRow, DashboardSummary, Outcome } from "@/lib/rules/figures";
import { toMajor } from "@/lib/rules/units";
import type { QuantityQualifier } from "@/lib/rules/vocabulary";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { isoDay } from "@/lib/format";
import type { ViewTime } from "@/lib/view-time";
import type { BreakdownParams, BreakdownRowJson, RangeJson, SummaryJson } from "@/features/api/schemas";

/** The view time in an API answer: `asOf` a day, `knownAt` an instant, each null for today. */
export function viewTimeJson({ asOf, knownAt }: ViewTime) {
  return { asOf: asOf ? isoDay(asOf) : null, knownAt: knownAt ? knownAt.toISOString() : null };
}

export function rangeOf(quantity: Quantity): RangeJson {
  return {
    low: toMajor(quantity.low, quantity.unit),
    high: toMajor(quantity.high, quantity.unit),
    bound: quantity.bound,
  };
}

function ratioOf(ratio: Ratio): RangeJson {
  return { low: ratio.low, high: ratio.high, bound: ratio.bound };
}

export interface FigureSources {
  required: string[];
  pledged: string[];
  unconditional: string[];
  delivered: string[];
}

export interface CapacityFigure {
  title: string;
  low: bigint;
  high: bigint;
  qualifier: QuantityQualifier;
  stakeholder: { name: string } | null;
  citations: { source: { id: string } }[];
}

/**
 * The headline figures. Pledged, unconditional and delivered exist in any metric; the requirement,
 * shortfall and coverage only where a requirement is recorded (null otherwise).
 */
export function summaryJson(
  summary: DashboardSummary,
  view: { time: ViewTime; assumed: string[] },
  sources: FigureSources,
  capacities: readonly CapacityFigure[] = [],
): SummaryJson {
  const { gap, totals } = summary;
  const ratio = (value: Ratio | null | undefined) => (value ? ratioOf(value) : null);
  return {
    unit: summary.unit,
    ...viewTimeJson(view.time),
    assumed: view.assumed,
    pledges: summary.pledgeCount,
    required: gap ? rangeOf(gap.required) : null,
    pledged: rangeOf(totals.pledged),
    unconditional: rangeOf(totals.unconditional),
    delivered: rangeOf(totals.delivered),
    shortfall: gap ? rangeOf(gap.shortfall) : null,
    coverage: ratio(gap?.coverage),
    unconditionalShortfall: gap ? rangeOf(gap.unconditionalShortfall) : null,
    unconditionalCoverage: ratio(gap?.unconditionalCoverage),
    deliveredShortfall: gap ? rangeOf(gap.deliveredShortfall) : null,
    deliveredCoverage: ratio(gap?.deliveredCoverage),
    deliveredAbovePledge: totals.deliveredAbove,
    capacities: capacities.map((capacity) => ({
      title: capacity.title,
      stakeholder: capacity.stakeholder?.name ?? null,
      value: rangeOf(statedQuantity(capacity.low, capacity.high, summary.unit, capacity.qualifier)),
      sourceIds: [...new Set(capacity.citations.map((citation) => citation.source.id))],
    })),
    sources,
  };
}

function outcomeJson(outcome: Outcome) {
  return {
    unlocks: { pledges: outcome.unlocks.pledges, quantity: rangeOf(outcome.unlocks.quantity) },
    unconditional: rangeOf(outcome.unconditional),
    shortfall: outcome.shortfall ? rangeOf(outcome.shortfall) : null,
    coverage: outcome.coverage ? ratioOf(outcome.coverage) : null,
  };
}

function rowJson(row: BreakdownRow<string>, key: string, label: string): BreakdownRowJson {
  return {
    key,
    label,
    pledges: row.count,
    pledged: rangeOf(row.pledged),
    unconditional: rangeOf(row.unconditional),
    delivered: rangeOf(row.delivered),
  };
}

/** A breakdown's rows by status, category, stakeholder or lead, each with its key and label. */
export function breakdownRows(
  summary: DashboardSummary,
  by: Exclude<BreakdownParams["by"], "condition">,
  locale: Locale = "en",
): { key: string; label: string; row: BreakdownRow<string> }[] {
  const t = translator(locale);
  switch (by) {
    case "status":
      return summary.byEffectiveStatus.map((row) => ({
        key: row.key,
        label: t(`vocabulary.pledgeStatus.${row.key}`),
        row,
      }));
    case "category":
      return summary.byCategory.map((row) => ({
        key: row.key,
        label: t(`vocabulary.category.${row.key}`),
        row,
      }));
    case "stakeholder":
    case "lead":
      return (by === "lead" ? summary.byLead : summary.byStakeholder).map((row) => ({
        // The pledges no single stakeholder leads: "" by lead.
        key: row.stakeholder.slug || row.key,
        label: row.key === "" ? t("report.noSingleLead") : row.stakeholder.name,
        row,
      }));
  }
}

/** One breakdown of the dashboard, by the key asked for. */
export function breakdownJson(summary: DashboardSummary, by: BreakdownParams["by"]): BreakdownRowJson[] {
  switch (by) {
    case "status":
    case "category":
    case "stakeholder":
    case "lead":
      return breakdownRows(summary, by).map(({ key, label, row }) => rowJson(row, key, label));
    case "condition": {
      const slugs = new Map(summary.conditions.map((condition) => [condition.id, condition.slug]));
      return summary.conditions.map(({ worth, ...condition }) => ({
        key: condition.slug,
        label: condition.title,
        pledges: condition.pledges,
        status: condition.status,
        unlocks: { pledges: condition.effect.pledges, quantity: rangeOf(condition.effect.quantity) },
        alone: outcomeJson(worth.alone),
        allButThis: outcomeJson(worth.allButThis),
        holdsBack: { pledges: worth.holdsBack.pledges, quantity: rangeOf(worth.holdsBack.quantity) },
        joint: worth.joint.map((set) => ({
          conditions: set.conditionIds.map((id) => slugs.get(id) ?? id),
          ...outcomeJson(set.outcome),
        })),
      }));
    }
  }
}
