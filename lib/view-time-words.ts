import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { formatDate, formatDateTime } from "./format";
import type { ViewTime } from "./view-time";

// A view's time in words, in the reader's language. Apart from view-time.ts, which browser code
// imports (its query-string rules): these hold every catalog, and run on the server only.

/** "as the tracker knew it at 1 Apr 2026, 10:00 UTC": what a view's knownAt says in every sentence. */
export const knownAtWords = (knownAt: Date, locale: Locale = "en") =>
  translator(locale)("figures.time.knownAt", { when: formatDateTime(knownAt, locale) });

/** The view time in words, for headings and report covers ("As it stood at…"); null for today. */
export function describeViewTime({ asOf, knownAt }: ViewTime, locale: Locale = "en"): string | null {
  const t = translator(locale);
  const parts = [
    asOf ? t("figures.time.stoodAt", { date: formatDate(asOf, locale) }) : null,
    knownAt ? knownAtWords(knownAt, locale) : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return null;
  return capitalised(parts.join(", "), locale);
}

/** A sentence's first letter in capitals, as the language writes it. */
export function capitalised(text: string, locale: Locale): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const letter = String.fromCodePoint(first);
  return letter.toLocaleUpperCase(locale) + text.slice(letter.length);
}
