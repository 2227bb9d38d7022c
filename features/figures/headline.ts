// The view's figures in one sentence, as a stakeholder would say them: how much of what is needed
// the pledges cover, under which assumptions and when. Pure, so that the dashboard, the briefing
// and the exports say it in the same words, in the reader's language (the API's in English).
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { formatLongDate, fullStop, joinWords } from "@/lib/format";
import { formatQuantityScaled, formatRatio, type Quantity } from "@/lib/rules/quantity";
import { unitName } from "@/lib/rules/units";
import type { DashboardSummary } from "@/lib/rules/figures";
import { capitalised, knownAtWords } from "@/lib/view-time-words";
import type { ViewTime } from "@/lib/view-time";

/** When the view stands, in words: "as of 1 March 2026", or the day it was read for today. */
export function viewTimeWords({ asOf, knownAt }: ViewTime, today: Date, locale: Locale = "en"): string {
  const t = translator(locale);
  const parts = [
    asOf ? t("figures.time.asOf", { date: formatLongDate(asOf, locale) }) : null,
    knownAt ? knownAtWords(knownAt, locale) : null,
  ].filter((part) => part !== null);
  return parts.length > 0
    ? parts.join(", ")
    : t("figures.time.asRecorded", { date: formatLongDate(today, locale) });
}

export interface Headline {
  /** The conditions assumed met ("Russia agrees to a ceasefire"), or null when none is. */
  scenario: string | null;
  /** The whole sentence, scenario and time included. */
  text: string;
}

/** The headline of a view's figures: coverage of the requirement, or the totals where none is recorded. */
export function headlineOf(
  summary: Pick<DashboardSummary, "unit" | "gap" | "totals" | "pledgeCount" | "conditions">,
  time: ViewTime,
  today: Date,
  locale: Locale = "en",
): Headline {
  const t = translator(locale);
  const amount = (quantity: Quantity) => formatQuantityScaled(quantity, { ceilingWords: "up to", locale });
  const ratio = (value: Parameters<typeof formatRatio>[0]) => formatRatio(value, locale);
  const assumed = summary.conditions.filter((c) => c.assumedMet).map((c) => c.title);
  const scenario =
    assumed.length > 0
      ? joinWords(
          assumed.map((title) => t("figures.headline.scenarioItem", { title })),
          locale,
        )
      : null;
  const { gap, totals } = summary;
  let figures: string;
  if (summary.pledgeCount === 0) {
    figures = t("figures.headline.noPledge");
  } else if (gap?.coverage && gap.unconditionalCoverage) {
    // "of the 50,000–100,000 personnel needed"; a requirement that is itself a bound says so apart.
    figures = t(
      gap.required.bound === "exact" ? "figures.headline.coverNeeded" : "figures.headline.coverWhatIsNeeded",
      {
        coverage: ratio(gap.coverage),
        needed: formatQuantityScaled(gap.required, { ceilingWords: "up to", locale, genitive: true }),
        unconditional: ratio(gap.unconditionalCoverage),
      },
    );
  } else if (gap) {
    figures = t("figures.headline.againstRequirement", {
      pledged: amount(gap.pledged),
      required: amount(gap.required),
    });
  } else {
    figures = t("figures.headline.noRequirement", {
      pledged: amount(totals.pledged),
      unconditional: amount(totals.unconditional),
      unit: unitName(summary.unit, locale),
    });
  }
  // A Ukrainian date ends in "р.": the sentence's own full stop is not written twice.
  const sentence = fullStop(
    t("figures.headline.sentence", { figures, time: viewTimeWords(time, today, locale) }),
  );
  return {
    scenario,
    text: scenario
      ? t("figures.headline.scenario", { count: assumed.length, conditions: scenario, sentence })
      : capitalised(sentence, locale),
  };
}
