// What a briefing says in words: the paragraph that opens it, and how its figures moved since a
// chosen date. Pure: the briefing page, and any report that wants them, pass the figures in.
import type { DashboardSummary } from "./figures";
import { formatPromised as words, formatRatio, type Quantity } from "./quantity";
import { figureDelta, rangeChangeWords } from "./changes";
import { counted } from "@/lib/format";

/**
 * One paragraph a reader can take in alone: how much is pledged against how much is needed, how
 * much of it is free of conditions, which condition holds back most, and what has been delivered.
 */
export function briefingParagraph(summary: DashboardSummary): string {
  const { gap, totals, unit } = summary;
  const sentences: string[] = [];
  // The totals sum only the pledges stating the unit: the sentence says so when that is not all.
  const inUnit = summary.pledgesInUnit;
  const pledges =
    inUnit === summary.pledgeCount
      ? summary.pledgeCount === 1
        ? "1 pledge promises"
        : `${counted(summary.pledgeCount, "pledge")} together promise`
      : `Of ${counted(summary.pledgeCount, "pledge")}, ${inUnit} ${inUnit === 1 ? "states" : "state"} an amount in ${unit}, promising`;
  if (inUnit === 0 && summary.pledgeCount > 0) {
    sentences.push(
      `None of the ${counted(summary.pledgeCount, "pledge")} states an amount in ${unit}${gap ? `; ${words(gap.required)} are required` : ", and no requirement is recorded in it"}.`,
    );
  } else if (gap) {
    const coverage = gap.coverage ? `, covering ${formatRatio(gap.coverage)} of the need` : "";
    sentences.push(
      `${pledges} ${words(totals.pledged)} against ${words(gap.required)} required: a shortfall of ${words(gap.shortfall)}${coverage}.`,
    );
  } else {
    sentences.push(`${pledges} ${words(totals.pledged)}; no requirement is recorded in ${unit}.`);
  }
  const conditional = summary.byEffectiveStatus.find((row) => row.key === "conditional")?.count ?? 0;
  const free = gap?.unconditionalCoverage ? ` (${formatRatio(gap.unconditionalCoverage)} of the need)` : "";
  sentences.push(
    conditional === 0
      ? `None waits on a condition: ${words(totals.unconditional)}${free} is unconditional.`
      : `${conditional} of the ${counted(summary.pledgeCount, "pledge")} ${conditional === 1 ? "waits" : "wait"} on a condition; what is unconditional comes to ${words(totals.unconditional)}${free}.`,
  );
  // The condition whose meeting would release the most, in the unit (then in pledges).
  const heaviest = [...summary.conditions]
    .filter((condition) => condition.effect.pledges > 0)
    .sort((a, b) =>
      a.effect.quantity.high === b.effect.quantity.high
        ? b.effect.pledges - a.effect.pledges
        : a.effect.quantity.high < b.effect.quantity.high
          ? 1
          : -1,
    )[0];
  if (heaviest) {
    const amount = heaviest.effect.quantity.high > 0n ? `, ${words(heaviest.effect.quantity)}` : "";
    sentences.push(
      `Meeting “${heaviest.title}” would release ${counted(heaviest.effect.pledges, "pledge")}${amount}.`,
    );
  }
  sentences.push(
    totals.delivered.high === 0n
      ? `Nothing has been reported delivered in ${unit}.`
      : `Reported delivered so far: ${words(totals.delivered)}.`,
  );
  return sentences.join(" ");
}

export interface FigureChange {
  figure: string;
  before: string;
  after: string;
  /** "+5,000", "−2,000 to +1,000", or "no change". */
  change: string;
}

/** How a figure moved between two views: each end's difference in words. */
const difference = (before: Quantity, after: Quantity) =>
  rangeChangeWords(figureDelta(before, after).change!, after.unit);

/**
 * How the headline figures moved between two views of the same pledges (a date and the view's own):
 * each before and after in words, and the difference of each end.
 */
export function figureChanges(before: DashboardSummary, after: DashboardSummary): FigureChange[] {
  const pairs: [string, Quantity | undefined, Quantity | undefined][] = [
    ["Pledged", before.totals.pledged, after.totals.pledged],
    ["Unconditional", before.totals.unconditional, after.totals.unconditional],
    ["Delivered", before.totals.delivered, after.totals.delivered],
    ["Required", before.gap?.required, after.gap?.required],
    ["Shortfall", before.gap?.shortfall, after.gap?.shortfall],
  ];
  const changes: FigureChange[] = [
    {
      figure: "Pledges",
      before: String(before.pledgeCount),
      after: String(after.pledgeCount),
      change:
        after.pledgeCount === before.pledgeCount
          ? "no change"
          : `${after.pledgeCount > before.pledgeCount ? "+" : "−"}${Math.abs(after.pledgeCount - before.pledgeCount)}`,
    },
  ];
  for (const [figure, was, is] of pairs) {
    if (!was && !is) continue;
    changes.push({
      figure,
      before: was ? words(was) : "none recorded",
      after: is ? words(is) : "none recorded",
      change: was && is ? difference(was, is) : "newly recorded",
    });
  }
  const coverage = [before.gap?.coverage, after.gap?.coverage] as const;
  if (coverage[0] || coverage[1]) {
    changes.push({
      figure: "Coverage",
      before: coverage[0] ? formatRatio(coverage[0]) : "none recorded",
      after: coverage[1] ? formatRatio(coverage[1]) : "none recorded",
      change:
        coverage[0] && coverage[1]
          ? coverage[0].low === coverage[1].low && coverage[0].high === coverage[1].high
            ? "no change"
            : "changed"
          : "newly recorded",
    });
  }
  return changes;
}
