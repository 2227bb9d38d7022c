// A figures' event in words, said once for every list that shows one (the list of changes, the
// feeds, the inbox): what the fact became, from what it was, in the pledge's unit on that day.
import { formatDate } from "@/lib/format";
import { formatStated } from "@/lib/rules/quantity";
import { formatAmount, unitWord } from "@/lib/rules/units";
import type { QuantityQualifier } from "@/lib/rules/vocabulary";
import type { LedgerEventRow } from "./queries";

const amount = (value: bigint | number | null, unit: string | null) =>
  value === null || unit === null
    ? "none"
    : `${formatAmount(BigInt(value), unit)} ${unitWord(unit, BigInt(value))}`;

const day = (value: Date | string | null) => (value === null ? "no date" : formatDate(new Date(value)));

/** "Pledged amount: up to 1,000 personnel → 2,500 personnel", "Delivered: none → 300 personnel", "Due: no date → 1 Mar 2026". */
export function ledgerEventWords(event: LedgerEventRow): string {
  if (event.fact === "stated") {
    const stated = (
      low: bigint | number | null,
      high: bigint | number | null,
      unit: string | null,
      qualifier: QuantityQualifier | null,
    ) =>
      low === null || unit === null
        ? "no amount"
        : formatStated(BigInt(low), high === null ? null : BigInt(high), unit, qualifier ?? "exact");
    const before = stated(event.previousLow, event.previousHigh, event.previousUnit, event.previousQualifier);
    return `Pledged amount: ${before} → ${stated(event.low, event.high, event.unit, event.qualifier)}`;
  }
  if (event.fact === "delivered") {
    const unit = event.unitInForce;
    return `Delivered: ${amount(event.previousDelivered, unit)} → ${amount(event.delivered, unit)}`;
  }
  return `Due: ${day(event.previousDueOn)} → ${day(event.dueOn)}`;
}
