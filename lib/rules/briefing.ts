// What a briefing says in words: the paragraph that opens it, and how its figures moved since a
// chosen date. Pure: the briefing page, and any report that wants them, pass the figures in.
import type { DashboardSummary } from "./figures";
import { formatPromised as words, formatRatio } from "./quantity";
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
