import { formatStated } from "./rules/quantity";
import { formatAmount, unitWord } from "./rules/units";
import type { DatePrecision, QuantityQualifier } from "./rules/vocabulary";
import { onFirstUse } from "./on-first-use";

const dateFormat = onFirstUse(
  () =>
    new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
);
const dateTimeFormat = onFirstUse(
  () =>
    new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "UTC",
      timeZoneName: "short",
    }),
);

/** "6 Jan 2026": dates are shown in UTC so that every reader sees the same day. */
export function formatDate(date: Date): string {
  return dateFormat().format(date);
}

const monthFormat = onFirstUse(
  () => new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }),
);

/**
 * A date at the precision it is known to: "6 Jan 2026", "Mar 2022", "2022", or "Unknown (recorded
 * by 2 Dec 2026)". A month or year is stored as its first day; an unknown date as the day it was
 * first recorded. Never shown as a day nobody stated.
 */
export function formatDateAt(date: Date, precision: DatePrecision): string {
  switch (precision) {
    case "day":
      return formatDate(date);
    case "month":
      return monthFormat().format(date);
    case "year":
      return String(date.getUTCFullYear());
    case "unknown":
      return `Unknown (recorded by ${formatDate(date)})`;
  }
}

/** ISO 8601 at the precision known, for exports: "2026-01-06", "2022-03", "2022"; "" when unknown. */
export function isoDateAt(date: Date, precision: DatePrecision): string {
  const widths: Record<DatePrecision, number> = { day: 10, month: 7, year: 4, unknown: 0 };
  return isoDay(date).slice(0, widths[precision]);
}

/** "6 Jan 2026, 00:00 UTC" */
export function formatDateTime(date: Date): string {
  return dateTimeFormat().format(date);
}

/** A day as shown ("6 Jan 2026") and as machines read it ("2026-01-06"), for a `<time>`. */
export interface ShownDay {
  text: string;
  machine: string;
}

export function shownDay(date: Date): ShownDay {
  return { text: formatDate(date), machine: isoDay(date) };
}

/** `YYYY-MM-DD` in UTC, for machine-readable attributes and form values. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

interface StoredQuantity {
  quantityLow: bigint | null;
  quantityHigh: bigint | null;
  quantityUnit: string | null;
  quantityQualifier: QuantityQualifier;
}

/** A pledge's quantity as the source stated it ("up to 30,000 personnel"), or null when none was stated. */
export function formatPledgeQuantity(pledge: StoredQuantity): string | null {
  if (pledge.quantityLow === null || pledge.quantityUnit === null) return null;
  return formatStated(pledge.quantityLow, pledge.quantityHigh, pledge.quantityUnit, pledge.quantityQualifier);
}

export function formatDelivered(amount: bigint | null, unit: string | null): string | null {
  if (amount === null || unit === null) return null;
  return `${formatAmount(amount, unit)} ${unitWord(unit, amount)}`;
}

/** The instant a UTC day ends (next midnight): "as of" and "to" dates include their whole day. */
export function endOfDay(day: Date): Date {
  return new Date(day.getTime() + 86_400_000);
}

/**
 * The days a record or a view may name: wide enough for any commitment, narrow enough that a date
 * such as 9999-12-31 (past what the database's date arithmetic holds) is refused up front.
 */
const dayRange = { first: "1900-01-01", last: "2100-12-31" } as const;

/** Why `day` (midnight UTC) is outside `dayRange`, or null when it is inside. */
export function outOfDayRange(day: Date): string | null {
  const text = day.toISOString().slice(0, 10);
  return text < dayRange.first || text > dayRange.last
    ? `${text} is outside the dates Pledgewatch takes (${dayRange.first} to ${dayRange.last})`
    : null;
}

/** A `YYYY-MM-DD` already validated (see `isoDate` in search-params.ts) as midnight UTC. */
export function parseIsoDay(text: string): Date {
  return new Date(`${text}T00:00:00.000Z`);
}

/** `n` with the noun that fits it, the number with separators: "1 row", "30,000 rows". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** A file's size for a reader: "812 bytes", "14 kB", "3.2 MB" (decimal units, as downloads show them). */
export function formatSize(bytes: number): string {
  if (bytes < 1000) return counted(bytes, "byte");
  const [value, unit] = bytes < 1_000_000 ? [bytes / 1000, "kilobyte"] : [bytes / 1_000_000, "megabyte"];
  return new Intl.NumberFormat("en-GB", {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}
