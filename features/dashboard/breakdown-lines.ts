// The breakdown tables' rows as the page shows them: labels and amounts already in words, so that
// the client components drawing them receive a few strings per row rather than the figures' objects.
import type { Locale } from "@/i18n/locales";
import { joinWords } from "@/lib/format";
import { translator } from "@/i18n/translate";
import { formatQuantity, formatQuantityScaled, formatRatio, type Quantity } from "@/lib/rules/quantity";
import type { BreakdownRow, ConditionEffect, DashboardSummary, Outcome } from "@/lib/rules/figures";
import { toMajor } from "@/lib/rules/units";
import type { ConditionStatus } from "@/lib/rules/vocabulary";

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

/** The words of a view's breakdowns in one language: amounts, and what meeting conditions releases. */
function wordsFor(locale: Locale) {
  const t = translator(locale);
  const upTo = (quantity: Quantity) => formatQuantity(quantity, { ceilingWords: "up to", locale });
  return {
    t,
    upTo,
    /** An amount, or a dash for none: a pledge without a stated quantity counts but adds nothing. */
    amount: (quantity: Quantity) =>
      quantity.high > 0n ? formatQuantityScaled(quantity, { ceilingWords: "up to", locale }) : "—",
    exact: (quantity: Quantity) => (quantity.high > 0n ? upTo(quantity) : t("dashboard.figure.none")),
    /** What meeting conditions releases, in words: "5 pledges, up to 30,000 personnel". */
    released: ({ pledges, quantity }: ConditionEffect) =>
      pledges === 0
        ? t("dashboard.conditions.nothing")
        : quantity.high > 0n
          ? t("dashboard.conditions.releasedAmount", { count: pledges, amount: upTo(quantity) })
          : t("dashboard.conditions.released", { count: pledges }),
  };
}
type Words = ReturnType<typeof wordsFor>;

function line<K extends string>(row: BreakdownRow<K>, label: string, words: Words): BreakdownLine {
  return {
    key: row.key,
    label,
    count: row.count,
    pledged: words.amount(row.pledged),
    pledgedExact: words.exact(row.pledged),
    unconditional: words.amount(row.unconditional),
    unconditionalExact: words.exact(row.unconditional),
    chart: {
      unconditional: toMajor(row.unconditional.high, row.unconditional.unit),
      conditional: toMajor(row.pledged.high - row.unconditional.high, row.pledged.unit),
    },
  };
}

export function breakdownLines(summary: DashboardSummary, locale: Locale = "en") {
  const words = wordsFor(locale);
  const stakeholderLine = (row: DashboardSummary["byStakeholder"][number]): BreakdownLine => ({
    // The pledges no single stakeholder leads are the row keyed "" (by lead).
    ...line(row, row.key === "" ? words.t("report.noSingleLead") : row.stakeholder.name, words),
    ...(row.stakeholder.slug ? { href: `/stakeholders/${row.stakeholder.slug}` } : {}),
  });
  return {
    // By status the label is drawn as a badge from the key.
    byStatus: summary.byEffectiveStatus.map((row) => line(row, row.key, words)),
    byCategory: summary.byCategory.map((row) => line(row, words.t(`vocabulary.category.${row.key}`), words)),
    byStakeholder: summary.byStakeholder.map(stakeholderLine),
    byLead: summary.byLead.map(stakeholderLine),
  };
}

export function conditionLines(
  conditions: DashboardSummary["conditions"],
  locale: Locale = "en",
): ConditionLine[] {
  const words = wordsFor(locale);
  return conditions.map((condition) => {
    const unlocks = condition.assumedMet
      ? words.t("dashboard.conditions.alreadyCounted")
      : condition.effect.pledges === 0
        ? words.t("dashboard.conditions.blockedElsewhere")
        : words.released(condition.effect);
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

/** Each condition that holds pledges back (or is assumed met), by what meeting it alone releases, largest first. */
export function worthLines(conditions: DashboardSummary["conditions"], locale: Locale = "en"): WorthLine[] {
  const words = wordsFor(locale);
  const { t } = words;
  const result = (outcome: Outcome) =>
    outcome.coverage
      ? t("dashboard.worth.resultCoverage", {
          amount: words.upTo(outcome.unconditional),
          coverage: formatRatio(outcome.coverage, locale),
        })
      : t("dashboard.worth.result", { amount: words.upTo(outcome.unconditional) });
  const titles = new Map(conditions.map((c) => [c.id, c.title]));
  return conditions
    .filter((c) => c.canBeAssumed || c.assumedMet)
    .map(({ slug, title, assumedMet, worth, id }) => ({
      slug,
      title,
      assumedMet,
      alone: words.released(worth.alone.unlocks),
      aloneResult: result(worth.alone),
      holdsBack: words.released(worth.holdsBack),
      allButThisResult: result(worth.allButThis),
      joint: worth.joint.map((set) =>
        t("dashboard.worth.joint", {
          others: joinWords(
            set.conditionIds.filter((other) => other !== id).map((other) => titles.get(other) ?? other),
            locale,
          ),
          released: words.released(set.outcome.unlocks),
        }),
      ),
      chart: {
        alone: toMajor(worth.alone.unlocks.quantity.high, worth.alone.unlocks.quantity.unit),
        holdsBack: toMajor(worth.holdsBack.quantity.high, worth.holdsBack.quantity.unit),
      },
    }))
    .sort((a, b) => b.chart.alone + b.chart.holdsBack - (a.chart.alone + a.chart.holdsBack));
}
