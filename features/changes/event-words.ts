// A figures' event in words, said once for every list that shows one (the list of changes, the
// feeds, the inbox): what the fact became, from what it was, in the pledge's unit on that day.
import { formatDate } from "@/lib/format";
import { formatStated } from "@/lib/rules/quantity";
import { formatAmount, unitWord } from "@/lib/rules/units";
import type { QuantityQualifier } from "@/lib/rules/vocabulary";
import type { LedgerEventRow } from "./queries";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";

/** "Pledged amount: up to 1,000 personnel → 2,500 personnel", "Delivered: none → 300 personnel", "Due: no date → 1 Mar 2026". */
export function ledgerEventWords(event: LedgerEventRow, locale: Locale = "en"): string {
  const t = translator(locale);
  const amount = (value: bigint | number | null, unit: string | null) =>
    value === null || unit === null
      ? t("changes.none")
      : `${formatAmount(BigInt(value), unit, locale)} ${unitWord(unit, BigInt(value), locale)}`;
  const day = (value: Date | string | null) =>
    value === null ? t("changes.noDate") : formatDate(new Date(value), locale);
  if (event.fact === "stated") {
    const stated = (
      low: bigint | number | null,
      high: bigint | number | null,
      unit: string | null,
      qualifier: QuantityQualifier | null,
    ) =>
      low === null || unit === null
        ? t("changes.noAmount")
        : formatStated(BigInt(low), high === null ? null : BigInt(high), unit, qualifier ?? "exact", locale);
    const before = stated(event.previousLow, event.previousHigh, event.previousUnit, event.previousQualifier);
    return t("changes.stated", {
      from: before,
      to: stated(event.low, event.high, event.unit, event.qualifier),
    });
  }
  if (event.fact === "delivered") {
    const unit = event.unitInForce;
    return t("changes.deliveredMoved", {
      from: amount(event.previousDelivered, unit),
      to: amount(event.delivered, unit),
    });
  }
  return t("changes.due", { from: day(event.previousDueOn), to: day(event.dueOn) });
}
