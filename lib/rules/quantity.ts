// Range arithmetic that keeps track of what kind of bound a figure is.
// "Up to 30,000" is a ceiling: a sum including it is a ceiling too, a shortfall computed from it
// is a floor, and a coverage ratio computed from it is a ceiling. The `bound` says which.

import type { Locale } from "@/i18n/locales";
import type { QuantityQualifier } from "./vocabulary";
import {
  formatAmount,
  formatAmountScaled,
  formatDecimalText,
  intlLocale,
  perLocale,
  unitScale,
  unitWord,
} from "./units";

/**
 * - exact: the value, or a range the truth lies within
 * - at_most / at_least: the truth is no more / no less than what is shown
 * - about: approximately what is shown
 * - indeterminate: built from bounds of different kinds, so neither a floor nor a ceiling holds
 */
export type Bound = "exact" | "at_most" | "at_least" | "about" | "indeterminate";

/** An amount in minor units (see units.ts) as a range `low ≤ high`. */
export interface Quantity {
  low: bigint;
  high: bigint;
  unit: string;
  bound: Bound;
}

/** A ratio range, e.g. coverage 0.3–0.6, with the same bound semantics. */
export interface Ratio {
  low: number;
  high: number;
  bound: Bound;
}

export class UnitMismatchError extends Error {
  constructor(
    readonly left: string,
    readonly right: string,
  ) {
    super(`Cannot combine ${left} with ${right}: units never mix`);
    this.name = "UnitMismatchError";
  }
}

export class InvalidQuantityError extends Error {
  override name = "InvalidQuantityError";
}

const qualifierBounds: Record<QuantityQualifier, Bound> = {
  exact: "exact",
  up_to: "at_most",
  at_least: "at_least",
  about: "about",
};

function boundOf(qualifier: QuantityQualifier): Bound {
  return qualifierBounds[qualifier];
}

/** A quantity as stated: a single value (high omitted or equal) or a range, with its qualifier. */
export function statedQuantity(
  low: bigint,
  high: bigint | null | undefined,
  unit: string,
  qualifier: QuantityQualifier,
): Quantity {
  const top = high ?? low;
  if (low < 0n || top < 0n) throw new InvalidQuantityError("A quantity cannot be negative");
  if (top < low) throw new InvalidQuantityError("A range's upper end must not be below its lower end");
  if (unit.trim() === "") throw new InvalidQuantityError("A quantity needs a unit");
  return { low, high: top, unit, bound: boundOf(qualifier) };
}

export function zero(unit: string): Quantity {
  return { low: 0n, high: 0n, unit, bound: "exact" };
}

/** Exact is neutral; a kind combined with itself stays; two different inexact kinds are indeterminate. */
export function combineBounds(a: Bound, b: Bound): Bound {
  if (a === b) return a;
  if (a === "exact") return b;
  if (b === "exact") return a;
  return "indeterminate";
}

/** What a bound becomes when its quantity is subtracted or divided by: a ceiling turns into a floor. */
export function invertBound(bound: Bound): Bound {
  if (bound === "at_most") return "at_least";
  if (bound === "at_least") return "at_most";
  return bound;
}

function assertSameUnit(a: Quantity, b: Quantity): void {
  if (a.unit !== b.unit) throw new UnitMismatchError(a.unit, b.unit);
}

export function add(a: Quantity, b: Quantity): Quantity {
  assertSameUnit(a, b);
  return { low: a.low + b.low, high: a.high + b.high, unit: a.unit, bound: combineBounds(a.bound, b.bound) };
}

/**
 * What is still missing: required − pledged by interval arithmetic, never below zero.
 * A ceiling on the pledge makes the shortfall a floor.
 */
export function shortfall(required: Quantity, pledged: Quantity): Quantity {
  assertSameUnit(required, pledged);
  const clamp = (value: bigint) => (value < 0n ? 0n : value);
  return {
    low: clamp(required.low - pledged.high),
    high: clamp(required.high - pledged.low),
    unit: required.unit,
    bound: combineBounds(required.bound, invertBound(pledged.bound)),
  };
}

/**
 * The share of the requirement the pledge covers: pledged ÷ required by interval arithmetic.
 * Null when the requirement's lower end is zero (no meaningful ratio).
 */
export function coverage(pledged: Quantity, required: Quantity): Ratio | null {
  assertSameUnit(required, pledged);
  if (required.low <= 0n) return null;
  return {
    low: Number(pledged.low) / Number(required.high),
    high: Number(pledged.high) / Number(required.low),
    bound: combineBounds(pledged.bound, invertBound(required.bound)),
  };
}

/**
 * The words that must precede a derived figure, per language: "at most", "at least", "about"…, and
 * "up to" for an amount that was promised. Ukrainian "до" and "близько" are prepositions whose noun
 * is in the genitive (до 3 військових, до 1 військового); "щонайменше", "не більше ніж" and
 * "приблизно" leave it as it is (щонайменше 3 військові).
 */
type BoundWords = Record<Bound | "up_to", string>;
const boundWords: Record<Locale, BoundWords> = {
  en: {
    exact: "",
    at_most: "at most",
    up_to: "up to",
    at_least: "at least",
    about: "about",
    indeterminate: "roughly",
  },
  uk: {
    exact: "",
    at_most: "не більше ніж",
    up_to: "до",
    at_least: "щонайменше",
    about: "близько",
    indeterminate: "приблизно",
  },
  fr: {
    exact: "",
    at_most: "au plus",
    up_to: "jusqu’à",
    at_least: "au moins",
    about: "environ",
    indeterminate: "de l’ordre de",
  },
};

/** The words before a figure of this bound; a ceiling that was promised reads "up to". */
function boundPrefix(bound: Bound, locale: Locale, ceiling: "at most" | "up to" = "at most"): string {
  return boundWords[locale][bound === "at_most" && ceiling === "up to" ? "up_to" : bound];
}

/** Whether the bound's words ask for the genitive after them (Ukrainian "до", "близько"). */
const takesGenitive = (bound: Bound | "up_to") => bound === "up_to" || bound === "about";

function joinPrefix(prefix: string, text: string): string {
  return prefix ? `${prefix} ${text}` : text;
}

/**
 * "20,000–70,000 personnel" with its bound: "at least 20,000–70,000 personnel". Amounts that were
 * promised read better with `ceilingWords: "up to"` ("up to 30,000 personnel"). In the reader's
 * language: "до 30 000 військових", "jusqu’à 30 000 militaires".
 */
export function formatQuantity(
  quantity: Quantity,
  options: {
    withUnit?: boolean;
    ceilingWords?: "at most" | "up to";
    locale?: Locale;
    /** The amount follows a preposition taking the genitive in the sentence (Ukrainian "від"). */
    genitive?: boolean;
  } = {},
): string {
  const { low, high, unit } = quantity;
  const locale = options.locale ?? "en";
  const amount =
    low === high
      ? formatAmount(low, unit, locale)
      : `${formatAmount(low, unit, locale)}–${formatAmount(high, unit, locale)}`;
  const said = quantity.bound === "at_most" && options.ceilingWords === "up to" ? "up_to" : quantity.bound;
  const noun = unitWord(
    unit,
    high,
    locale,
    takesGenitive(said) || options.genitive ? "genitive" : "nominative",
  );
  const text = options.withUnit === false ? amount : `${amount} ${noun}`;
  return joinPrefix(boundPrefix(quantity.bound, locale, options.ceilingWords), text);
}

/** A promised amount in words, its ceiling said as promised: "up to 30,000 personnel". */
export function formatPromised(quantity: Quantity, locale: Locale = "en"): string {
  return formatQuantity(quantity, { ceilingWords: "up to", locale });
}

/**
 * A quantity at a glance, for tables and headlines: currencies and amounts of a million or more at
 * their scale ("up to €12.3 bn", "€1.2 m–€3.4 m"), smaller counts exactly as formatQuantity writes
 * them. The exact figure belongs beside it (a tooltip) and in every export.
 */
export function formatQuantityScaled(
  quantity: Quantity,
  options: { ceilingWords?: "up to"; locale?: Locale; genitive?: boolean } = {},
): string {
  const { low, high, unit, bound } = quantity;
  const locale = options.locale ?? "en";
  const small = high < 1_000_000n * 10n ** BigInt(unitScale(unit));
  if (small && unitScale(unit) === 0) return formatQuantity(quantity, options);
  // Rounded outwards where the figure is a bound or a range: a ceiling never shown lower than it
  // is, a floor never higher.
  const lowWay = bound === "at_least" || low !== high ? "down" : "nearest";
  const highWay = bound === "at_most" || low !== high ? "up" : "nearest";
  const lowText = formatAmountScaled(low, unit, bound === "at_most" && low === high ? "up" : lowWay, locale);
  const highText = formatAmountScaled(
    high,
    unit,
    bound === "at_least" && low === high ? "down" : highWay,
    locale,
  );
  const amount = lowText === highText ? highText : `${lowText}–${highText}`;
  return joinPrefix(boundPrefix(bound, locale, options.ceilingWords), amount);
}

const percentFormat = perLocale(
  (locale) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }),
);
const percent = (value: number) => Math.round(value * 1000) / 10;

/**
 * A share as a percentage to one decimal: 0.3 → "30 %"; in Ukrainian "30%", in French "30 %" (a
 * narrow no-break space), as Intl writes them.
 */
export function formatPercent(value: number, locale: Locale = "en"): string {
  return percentText(`${percentFormat(locale).format(percent(value))}`, locale);
}

function percentText(number: string, locale: Locale): string {
  if (locale === "en") return `${number} %`;
  return locale === "fr" ? `${number}\u202f%` : `${number}%`;
}

/** "at most 30–60 %". */
export function formatRatio(ratio: Ratio, locale: Locale = "en"): string {
  const low = percentFormat(locale).format(percent(ratio.low));
  const high = percentFormat(locale).format(percent(ratio.high));
  const text = percentText(low === high ? low : `${low}–${high}`, locale);
  return joinPrefix(boundPrefix(ratio.bound, locale), text);
}

const qualifierBoundWords: Record<QuantityQualifier, Bound | "up_to"> = {
  exact: "exact",
  up_to: "up_to",
  at_least: "at_least",
  about: "about",
};

/** A stated quantity as the source put it: "up to 30,000 personnel", "50,000–100,000 personnel". */
export function formatStated(
  low: bigint,
  high: bigint | null,
  unit: string,
  qualifier: QuantityQualifier,
  locale: Locale = "en",
): string {
  const top = high ?? low;
  const amount =
    low === top
      ? formatAmount(low, unit, locale)
      : `${formatAmount(low, unit, locale)}–${formatAmount(top, unit, locale)}`;
  return statedWords(amount, top, unit, qualifier, locale);
}

/** "of" between a part and its whole: "26 of 35 members". */
const partOfWords: Record<Locale, string> = { en: "of", uk: "з", fr: "sur" };

/**
 * A quantity as a document states it, its amounts as decimal text ("2500000000.5"), the whole it is
 * a part of too: "up to 30,000 personnel", "26 of 35 members", "до 30 000 військових".
 */
export function formatStatedText(
  stated: { low: string; high: string; unit: string; qualifier: QuantityQualifier; outOf?: string | null },
  locale: Locale = "en",
): string {
  const number = (decimal: string) => formatDecimalText(decimal, locale);
  const { low, high, outOf } = stated;
  const range = low === high ? number(low) : `${number(low)}–${number(high)}`;
  const amount = outOf ? `${range} ${partOfWords[locale]} ${number(outOf)}` : range;
  // The noun agrees with the last number said, the whole's else the highest, decimals and all.
  const counted = Number(outOf ?? high);
  return statedWords(
    amount,
    Number.isFinite(counted) ? counted : undefined,
    stated.unit,
    stated.qualifier,
    locale,
  );
}

/** An amount already written, with its unit's noun (agreeing with `count`) and the qualifier's words. */
function statedWords(
  amount: string,
  count: bigint | number | undefined,
  unit: string,
  qualifier: QuantityQualifier,
  locale: Locale,
): string {
  const said = qualifierBoundWords[qualifier];
  const noun = unitWord(unit, count, locale, takesGenitive(said) ? "genitive" : "nominative");
  return joinPrefix(boundWords[locale][said], `${amount} ${noun}`);
}
