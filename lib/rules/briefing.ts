// What a briefing says in words: the paragraph that opens it, and how its figures moved since a
// chosen date. Pure: the briefing page, and any report that wants them, pass the figures in.
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import type { DashboardSummary } from "./figures";
import { formatPromised, formatRatio, type Quantity, type Ratio } from "./quantity";
import { unitName } from "./units";

/**
 * One paragraph a reader can take in alone: how much is pledged against how much is needed, how
 * much of it is free of conditions, which condition holds back most, and what has been delivered;
 * in the reader's language.
 */
export function briefingParagraph(summary: DashboardSummary, locale: Locale = "en"): string {
  const t = translator(locale);
  const words = (quantity: Quantity) => formatPromised(quantity, locale);
  const ratio = (value: Ratio) => formatRatio(value, locale);
  const { gap, totals } = summary;
  const unit = unitName(summary.unit, locale);
  const count = summary.pledgeCount;
  const sentences: string[] = [];
  // The totals sum only the pledges stating the unit: the sentence says so when that is not all.
  const inUnit = summary.pledgesInUnit;
  const pledges =
    inUnit === count
      ? t("briefing.promise", { count })
      : t("briefing.promiseInUnit", { count, inUnit, unit });
  if (inUnit === 0 && count > 0) {
    sentences.push(
      gap
        ? t("briefing.noneInUnitRequired", { count, unit, required: words(gap.required) })
        : t("briefing.noneInUnit", { count, unit }),
    );
  } else if (gap) {
    const figures = {
      pledges,
      pledged: words(totals.pledged),
      required: words(gap.required),
      shortfall: words(gap.shortfall),
    };
    sentences.push(
      gap.coverage
        ? t("briefing.againstRequiredCoverage", { ...figures, coverage: ratio(gap.coverage) })
        : t("briefing.againstRequired", figures),
    );
  } else {
    sentences.push(t("briefing.noRequirement", { pledges, pledged: words(totals.pledged), unit }));
  }
  const conditional = summary.byEffectiveStatus.find((row) => row.key === "conditional")?.count ?? 0;
  const unconditional = words(totals.unconditional);
  const share = gap?.unconditionalCoverage ? ratio(gap.unconditionalCoverage) : null;
  sentences.push(
    conditional === 0
      ? share
        ? t("briefing.noneWaitsShare", { unconditional, share })
        : t("briefing.noneWaits", { unconditional })
      : share
        ? t("briefing.someWaitShare", { conditional, count, unconditional, share })
        : t("briefing.someWait", { conditional, count, unconditional }),
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
    const released = { title: heaviest.title, count: heaviest.effect.pledges };
    sentences.push(
      heaviest.effect.quantity.high > 0n
        ? t("briefing.heaviestAmount", { ...released, amount: words(heaviest.effect.quantity) })
        : t("briefing.heaviest", released),
    );
  }
  sentences.push(
    totals.delivered.high === 0n
      ? t("briefing.nothingDelivered", { unit })
      : t("briefing.delivered", { delivered: words(totals.delivered) }),
  );
  return sentences.join(" ");
}
