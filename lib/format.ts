import { formatStated } from "./rules/quantity";
import type { Locale } from "@/i18n/locales";
import { formatAmount, intlLocale, perLocale, unitWord } from "./rules/units";
import type { DatePrecision, QuantityQualifier } from "./rules/vocabulary";
import { invalid } from "./validation-message";

// Dates are shown in UTC so that every reader sees the same day, and written as the reader's
// language writes them: "6 Jan 2026", "6 січня 2026 р.", "6 janvier 2026".
const dayOptions = (locale: Locale): Intl.DateTimeFormatOptions => ({
  day: "numeric",
  // English keeps its short month; Ukrainian and French write the month out, as their press does.
  month: locale === "en" ? "short" : "long",
  year: "numeric",
  timeZone: "UTC",
});
const dateFormat = perLocale((locale) => new Intl.DateTimeFormat(intlLocale(locale), dayOptions(locale)));
const dateTimeFormat = perLocale(
  (locale) =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      ...dayOptions(locale),
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    }),
);
const monthFormat = perLocale(
  (locale) =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      month: locale === "en" ? "short" : "long",
      year: "numeric",
      timeZone: "UTC",
    }),
);
const unknownDateWords: Record<Locale, (recorded: string) => string> = {
  en: (recorded) => `Unknown (recorded by ${recorded})`,
  uk: (recorded) => `Невідомо (записано до ${recorded})`,
  fr: (recorded) => `Inconnue (enregistrée au plus tard le ${recorded})`,
};

const longDateFormat = perLocale(
  (locale) =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    }),
);

/**
 * A sentence ends with one full stop: added where missing, and not written twice after an
 * abbreviation's ("6 січня 2026 р.").
 */
export const fullStop = (text: string) => text.replace(/\.*$/, ".");

const listFormats = {
  conjunction: perLocale((locale) => new Intl.ListFormat(intlLocale(locale), { type: "conjunction" })),
  disjunction: perLocale((locale) => new Intl.ListFormat(intlLocale(locale), { type: "disjunction" })),
};

/** Items in a sentence as the language joins them: "a, b and c" ("a, b et c"), or with "or". */
export function joinWords(
  items: readonly string[],
  locale: Locale = "en",
  type: keyof typeof listFormats = "conjunction",
): string {
  return listFormats[type](locale).format(items);
}

/** `date` by `format`; French writes the first of a month as an ordinal: "1er février 2026". */
function written(format: Intl.DateTimeFormat, date: Date, locale: Locale): string {
  if (locale !== "fr" || date.getUTCDate() !== 1) return format.format(date);
  return format
    .formatToParts(date)
    .map((part) => (part.type === "day" ? `${part.value}er` : part.value))
    .join("");
}

/** "6 January 2026", for sentences ("as of 6 January 2026"); "6 січня 2026 р.", "6 janvier 2026". */
export function formatLongDate(date: Date, locale: Locale = "en"): string {
  return written(longDateFormat(locale), date, locale);
}

/** "6 Jan 2026": dates are shown in UTC so that every reader sees the same day. */
export function formatDate(date: Date, locale: Locale = "en"): string {
  return written(dateFormat(locale), date, locale);
}

/**
 * A date at the precision it is known to: "6 Jan 2026", "Mar 2022", "2022", or "Unknown (recorded
 * by 2 Dec 2026)". A month or year is stored as its first day; an unknown date as the day it was
 * first recorded. Never shown as a day nobody stated.
 */
export function formatDateAt(date: Date, precision: DatePrecision, locale: Locale = "en"): string {
  switch (precision) {
    case "day":
      return formatDate(date, locale);
    case "month":
      return monthFormat(locale).format(date);
    case "year":
      return String(date.getUTCFullYear());
    case "unknown":
      return unknownDateWords[locale](formatDate(date, locale));
  }
}

/** ISO 8601 at the precision known, for exports: "2026-01-06", "2022-03", "2022"; "" when unknown. */
export function isoDateAt(date: Date, precision: DatePrecision): string {
  const widths: Record<DatePrecision, number> = { day: 10, month: 7, year: 4, unknown: 0 };
  return isoDay(date).slice(0, widths[precision]);
}

/** "6 Jan 2026, 00:00 UTC" */
export function formatDateTime(date: Date, locale: Locale = "en"): string {
  return written(dateTimeFormat(locale), date, locale);
}

/** A day as shown ("6 Jan 2026") and as machines read it ("2026-01-06"), for a `<time>`. */
export interface ShownDay {
  text: string;
  machine: string;
}

export function shownDay(date: Date, locale: Locale = "en"): ShownDay {
  return { text: formatDate(date, locale), machine: isoDay(date) };
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
export function formatPledgeQuantity(pledge: StoredQuantity, locale: Locale = "en"): string | null {
  if (pledge.quantityLow === null || pledge.quantityUnit === null) return null;
  return formatStated(
    pledge.quantityLow,
    pledge.quantityHigh,
    pledge.quantityUnit,
    pledge.quantityQualifier,
    locale,
  );
}

export function formatDelivered(
  amount: bigint | null,
  unit: string | null,
  locale: Locale = "en",
): string | null {
  if (amount === null || unit === null) return null;
  return `${formatAmount(amount, unit, locale)} ${unitWord(unit, amount, locale)}`;
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
    ? invalid("outsideDays", { text, first: dayRange.first, last: dayRange.last })
    : null;
}

/** A `YYYY-MM-DD` already validated (see `isoDate` in search-params.ts) as midnight UTC. */
export function parseIsoDay(text: string): Date {
  return new Date(`${text}T00:00:00.000Z`);
}

/**
 * A file's size as the reader's language writes it: "812 bytes", "14 kB", "3.2 MB"; "812 байтів",
 * "14 кБ"; "812 octets", "3,2 Mo" (decimal units, as downloads show them).
 */
export function formatSize(bytes: number, locale: Locale = "en"): string {
  const [value, unit, unitDisplay] =
    bytes < 1000
      ? ([bytes, "byte", "long"] as const)
      : bytes < 1_000_000
        ? ([bytes / 1000, "kilobyte", "short"] as const)
        : ([bytes / 1_000_000, "megabyte", "short"] as const);
  return new Intl.NumberFormat(intlLocale(locale), {
    style: "unit",
    unit,
    unitDisplay,
    maximumFractionDigits: unit !== "byte" && value < 10 ? 1 : 0,
  }).format(value);
}
