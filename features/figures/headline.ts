// The view's figures in one sentence, as a stakeholder would say them: how much of what is needed
// the pledges cover, under which assumptions and when. Pure, so that the dashboard, the briefing
// and the exports say it in the same words.
import { formatQuantityScaled, formatRatio, type Quantity } from "@/lib/rules/quantity";
import type { DashboardSummary } from "@/lib/rules/figures";
import { knownAtWords, type ViewTime } from "@/lib/view-time";

const longDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const list = new Intl.ListFormat("en-GB", { type: "conjunction" });

const amount = (quantity: Quantity) => formatQuantityScaled(quantity, { ceilingWords: "up to" });

/** When the view stands, in words: "as of 1 March 2026", or the day it was read for today. */
export function viewTimeWords({ asOf, knownAt }: ViewTime, today: Date): string {
  const parts = [
    asOf ? `as of ${longDate.format(asOf)}` : null,
    knownAt ? knownAtWords(knownAt) : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(", ") : `as recorded on ${longDate.format(today)}`;
}

export interface Headline {
  /** "If Russia agrees to a ceasefire", or null when no condition is assumed met. */
  scenario: string | null;
  /** The whole sentence, scenario and time included. */
  text: string;
}

/** The headline of a view's figures: coverage of the requirement, or the totals where none is recorded. */
export function headlineOf(
  summary: Pick<DashboardSummary, "unit" | "gap" | "totals" | "pledgeCount" | "conditions">,
  time: ViewTime,
  today: Date,
): Headline {
  const assumed = summary.conditions.filter((c) => c.assumedMet).map((c) => c.title);
  const scenario = assumed.length > 0 ? `If ${list.format(assumed)}` : null;
  const { gap, totals } = summary;
  let figures: string;
  if (summary.pledgeCount === 0) {
    figures = "no pledge had been announced";
  } else if (gap?.coverage && gap.unconditionalCoverage) {
    // "of the 50,000–100,000 personnel needed"; a requirement that is itself a bound says so apart.
    const needed =
      gap.required.bound === "exact"
        ? `the ${amount(gap.required)} needed`
        : `what is needed (${amount(gap.required)})`;
    figures = `pledges cover ${formatRatio(gap.coverage)} of ${needed}, and those free of conditions ${formatRatio(gap.unconditionalCoverage)}`;
  } else if (gap) {
    figures = `pledges total ${amount(gap.pledged)} against a requirement of ${amount(gap.required)}`;
  } else {
    figures = `pledges total ${amount(totals.pledged)}, ${amount(totals.unconditional)} of it free of conditions; no requirement is recorded in ${summary.unit}`;
  }
  const sentence = `${figures}, ${viewTimeWords(time, today)}.`;
  return {
    scenario,
    text: scenario ? `${scenario}: ${sentence}` : sentence[0]!.toUpperCase() + sentence.slice(1),
  };
}
