// Amounts are integers in minor units so that sums are exact: cents for currencies,
// whole units for everything else. Units are free text; the arithmetic knows the currencies' scale
// and the words for personnel and items, and treats any other unit as a count.
// Every amount is written for a language (i18n/locales.ts): its digits grouped as Intl groups them
// for that language ("30,000", "30 000"), its nouns in the plural form the count takes.
import type { Locale } from "@/i18n/locales";
import { onFirstUse } from "../on-first-use";
import { invalid } from "../validation-message";

const currencyScales: Record<string, number> = { EUR: 2, USD: 2, GBP: 2 };

/** Decimal places stored for a unit: 2 for currencies, 0 otherwise. */
export function unitScale(unit: string): number {
  return currencyScales[unit] ?? 0;
}

/** The Intl locale a language's numbers and dates are written in: English as in Britain. */
export function intlLocale(locale: Locale): string {
  return locale === "en" ? "en-GB" : locale;
}

/** Per language, a unit's noun in each plural category Intl.PluralRules names for that language. */
const unitNouns: Record<
  Locale,
  Record<string, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>
> = {
  en: {
    personnel: { other: "personnel" },
    items: { one: "item", other: "items" },
  },
  // 1 військовий, 2 військові, 5 військових.
  uk: {
    personnel: { one: "військовий", few: "військові", many: "військових", other: "військового" },
    items: { one: "одиниця", few: "одиниці", many: "одиниць", other: "одиниці" },
  },
  fr: {
    personnel: { one: "militaire", other: "militaires" },
    items: { one: "unité", other: "unités" },
  },
};

/**
 * Ukrainian nouns after a preposition that takes the genitive ("до", "близько", "від"): до 1
 * військового, до 3 військових, до 24 одиниць. Other languages' nouns do not change.
 */
const genitiveNouns: Record<string, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  personnel: { one: "військового", few: "військових", many: "військових", other: "військового" },
  items: { one: "одиниці", few: "одиниць", many: "одиниць", other: "одиниці" },
};

/** One formatter per language and kind, made when first used (lib/on-first-use.ts says why). */
export function perLocale<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = {
    en: onFirstUse(() => make("en")),
    uk: onFirstUse(() => make("uk")),
    fr: onFirstUse(() => make("fr")),
  };
  return (locale) => made[locale]();
}

const groupFormat = perLocale(
  (locale) => new Intl.NumberFormat(intlLocale(locale), { useGrouping: true, maximumFractionDigits: 0 }),
);
const pluralRules = perLocale((locale) => new Intl.PluralRules(intlLocale(locale)));
/** The decimal separator: "." in English, "," in Ukrainian and French. */
const decimalSeparator = perLocale(
  (locale) =>
    new Intl.NumberFormat(intlLocale(locale)).formatToParts(1.5).find((part) => part.type === "decimal")
      ?.value ?? ".",
);

/**
 * "30,000" for personnel, "1,250,000.50" for EUR (in French "1 250 000,50"): minor units shown in
 * major units, exactly.
 */
export function formatAmount(minor: bigint, unit: string, locale: Locale = "en"): string {
  const scale = unitScale(unit);
  const sign = minor < 0n ? "-" : "";
  const magnitude = minor < 0n ? -minor : minor;
  if (scale === 0) return sign + groupFormat(locale).format(magnitude);
  const divisor = 10n ** BigInt(scale);
  const whole = groupFormat(locale).format(magnitude / divisor);
  const fraction = (magnitude % divisor).toString().padStart(scale, "0");
  return `${sign}${whole}${decimalSeparator(locale)}${fraction}`;
}

/**
 * A decimal written as text ("-1250.5", as the server and the import write them) grouped as the
 * reader's language groups numbers, every decimal kept: "-1,250.5", "-1 250,5". Other text is
 * returned as it is.
 */
export function formatDecimalText(text: string, locale: Locale = "en"): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "0", fraction] = match;
  return `${sign}${groupFormat(locale).format(BigInt(whole))}${fraction ? `${decimalSeparator(locale)}${fraction}` : ""}`;
}

const currencySymbols: Record<string, string> = { EUR: "€", USD: "$", GBP: "£" };
const scaledFormat = perLocale(
  (locale) =>
    new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
);
/** The scales and their short words, as Intl's compact notation writes them for each language. */
const scales = [10n ** 12n, 10n ** 9n, 10n ** 6n] as const;
const scaleWords: Record<Locale, readonly [string, string, string]> = {
  en: ["tn", "bn", "m"],
  uk: ["трлн", "млрд", "млн"],
  fr: ["Bn", "Md", "M"],
};

/** A currency amount with its symbol where the language puts it: "€12.3 bn", "12,3 млрд €", "12,3 Md €". */
function withCurrency(locale: Locale, sign: string, amount: string, symbol: string): string {
  return locale === "en" ? `${sign}${symbol}${amount}` : `${sign}${amount} ${symbol}`;
}

/**
 * An amount at a scale a reader takes in at a glance, for tables and headlines: "€12.3 bn",
 * "€450.0 m", "1.2 m items" (in Ukrainian "12,3 млрд €"); below a million, as formatAmount writes it
 * (whole currency units). Rounded: the exact figure goes beside it (a tooltip) and into every export.
 */
export function formatAmountScaled(
  minor: bigint,
  unit: string,
  /** Which way to round: a ceiling rounds up and a floor down, so that neither claims more than it is. */
  rounding: "nearest" | "up" | "down" = "nearest",
  locale: Locale = "en",
): string {
  const sign = minor < 0n ? "-" : "";
  const magnitude = minor < 0n ? -minor : minor;
  // Rounding the magnitude: "up" and "down" say which way the amount itself goes.
  const way = minor < 0n ? ({ nearest: "nearest", up: "down", down: "up" } as const)[rounding] : rounding;
  const divide = (value: bigint, by: bigint) =>
    way === "up" ? (value + by - 1n) / by : way === "down" ? value / by : (value + by / 2n) / by;
  const divisor = 10n ** BigInt(unitScale(unit));
  const symbol = currencySymbols[unit];
  const withUnit = (amount: string, count: bigint) =>
    symbol ? withCurrency(locale, sign, amount, symbol) : `${sign}${amount} ${unitWord(unit, count, locale)}`;
  // The largest scale the amount reaches, or the next one up when rounding reaches a thousand of
  // it (999,950,000 is "1.0 bn", not "1,000.0 m").
  const scaled = (index: number): string => {
    const size = scales[index]!;
    const tenths = divide(magnitude * 10n, size * divisor);
    if (tenths >= 10_000n && index > 0) return scaled(index - 1);
    return withUnit(
      `${scaledFormat(locale).format(Number(tenths) / 10)} ${scaleWords[locale][index]}`,
      magnitude,
    );
  };
  const reached = scales.findIndex((size) => magnitude >= size * divisor);
  if (reached !== -1) return scaled(reached);
  const whole = divide(magnitude, divisor);
  if (whole >= 1_000_000n) return scaled(scales.length - 1);
  if (symbol) return withUnit(groupFormat(locale).format(whole), magnitude);
  return withUnit(formatAmount(magnitude, unit, locale), magnitude);
}

/** A share in a spreadsheet: 0.453 shows as "45.3%". */
const spreadsheetPercent = "0.0%";

/** The unit of a share (a coverage, 0.5 for half of what is required), in a report's unit column. */
export const shareUnit = "share of required";

/**
 * How a spreadsheet shows an amount in major units: thousands separated, a currency with its
 * symbol and its decimals ("€1,250,000.50"), any other unit as whole numbers ("30,000"), a share
 * as a percentage.
 */
export function spreadsheetFormat(unit: string): string {
  if (unit === shareUnit) return spreadsheetPercent;
  const scale = unitScale(unit);
  const digits = scale === 0 ? "#,##0" : `#,##0.${"0".repeat(scale)}`;
  const symbol = currencySymbols[unit];
  if (symbol) return `"${symbol}"${digits}`;
  return scale === 0 ? digits : `${digits} "${unit}"`;
}

/** Minor units as a plain decimal in major units ("1250000.5"): exact, for machine-readable output. */
export function toDecimal(minor: bigint, unit: string): string {
  const scale = unitScale(unit);
  if (scale === 0) return minor.toString();
  const sign = minor < 0n ? "-" : "";
  const magnitude = minor < 0n ? -minor : minor;
  const divisor = 10n ** BigInt(scale);
  const fraction = (magnitude % divisor).toString().padStart(scale, "0").replace(/0+$/, "");
  return `${sign}${magnitude / divisor}${fraction ? `.${fraction}` : ""}`;
}

/**
 * Minor units as a JSON-ready number in major units. Exact below 10^15 minor units (15 significant
 * digits, what a double always keeps): the number prints back as the decimal it came from.
 */
export function toMajor(minor: bigint, unit: string): number {
  return Number(toDecimal(minor, unit));
}

/**
 * The unit as words after an amount, in the plural form the amount takes in the language:
 * "personnel", "EUR", "items" (or "item" for one); "військових", "militaires". A unit Pledgewatch
 * has no words for is shown as written.
 */
export function unitWord(
  unit: string,
  /** A count, or a decimal (1.5 takes the plural). */
  amount?: bigint | number,
  locale: Locale = "en",
  /** The case a preposition before the amount asks for (Ukrainian "до", "близько"). */
  grammaticalCase: "nominative" | "genitive" = "nominative",
): string {
  const nouns = (locale === "uk" && grammaticalCase === "genitive" ? genitiveNouns : unitNouns[locale])[unit];
  if (!nouns) return unit;
  // Intl.PluralRules takes a number; counts past 2^53 are "many"/"other" in every language here.
  const category = pluralRules(locale).select(Number(amount ?? 2n));
  return nouns[category] ?? nouns.other;
}

/** Per language, the name of a unit in a sentence, where English names it by its code. */
const unitNames: Record<Locale, Record<string, string>> = {
  en: {},
  uk: { personnel: "особовий склад", items: "одиниці" },
  fr: { personnel: "effectifs", items: "unités" },
};

/**
 * A unit named in a sentence ("no requirement is recorded in personnel"; "в одиниці «особовий
 * склад»"): a currency, or a unit with no name in the language, as written.
 */
export function unitName(unit: string, locale: Locale = "en"): string {
  return unitNames[locale][unit] ?? unit;
}

/** A unit is a word or words (letters and spaces), at most 40 characters: "personnel", "EUR". */
const unitPattern = /^[A-Za-z][A-Za-z ]{0,39}$/;

const knownUnits = new Map(
  ["personnel", "items", "EUR", "USD", "GBP"].map((unit) => [unit.toLowerCase(), unit]),
);

/**
 * The unit as stored: a known unit in its usual case ("eur" is EUR, whose amounts are in cents),
 * any other as written; null when it is not a unit. One rule for the forms, the API and the import.
 */
export function canonicalUnit(text: string): string | null {
  const trimmed = text.trim();
  const unit = knownUnits.get(trimmed.toLowerCase()) ?? trimmed;
  return unitPattern.test(unit) ? unit : null;
}

/**
 * An amount as people write it, in the one form `parseAmount` reads: spaces, no-break spaces and
 * apostrophes between thousands dropped, and a decimal comma ("2,50", "1.234,5") made a point.
 * "1,200" stays twelve hundred. One rule for the forms, the API and the import.
 */
export function amountText(text: string): string {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (/^-?\d{1,3}(?:\.\d{3})+,\d+$/.test(compact)) return compact.replaceAll(".", "").replace(",", ".");
  // Only one or two digits after a lone comma make it decimal: "10,0000" is refused, not read as 10.
  if (/^-?\d+,\d{1,2}$/.test(compact)) return compact.replace(",", ".");
  return compact;
}

/** Whether `text` (as `amountText` writes it) is a non-negative amount such as 1,200 or 2.5. */
export const isAmountText = (text: string) => /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(text);

export class AmountParseError extends Error {
  /** True when the amount only has more decimals than its unit keeps: rounding would take it. */
  constructor(
    message: string,
    readonly roundable = false,
  ) {
    super(message);
  }
}

/** The largest amount kept, in minor units: well inside a signed 64-bit column, sums included. */
const maxMinor = 10n ** 18n;

const tooLarge = (text: string) =>
  new AmountParseError(invalid("amountTooLarge", { text: text.slice(0, 40) }));

/** "1,200.5" → its sign, whole digits and decimal digits; refuses anything that is not a number. */
function amountParts(text: string): { negative: boolean; whole: string; fraction: string } {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, "");
  const match = /^(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) throw new AmountParseError(invalid("amountNotNumber", { text: text.slice(0, 40) }));
  const [, sign = "", wholeWritten = "", fraction = ""] = match;
  const whole = wholeWritten.replaceAll(",", "").replace(/^0+(?=\d)/, "");
  // Bounds that keep every amount exact in a 64-bit column (`maxMinor`) and its arithmetic quick.
  if (whole.length > 19) throw tooLarge(text);
  if (fraction.length > 20) {
    throw new AmountParseError(invalid("amountTooPrecise", { text: text.slice(0, 40) }));
  }
  return { negative: sign === "-", whole, fraction };
}

/**
 * Reads a human-written amount ("30000", "1,200", "1 200", "2.5") into minor units for `unit`.
 * Commas and spaces are thousands separators; a dot is the decimal point. Refuses more decimals
 * than the unit keeps rather than rounding silently (`parseRoundedAmount` rounds when asked).
 */
export function parseAmount(text: string, unit: string): bigint {
  const { negative, whole, fraction } = amountParts(text);
  const scale = unitScale(unit);
  if (fraction.replace(/0+$/, "").length > scale) {
    throw new AmountParseError(
      scale === 0
        ? invalid("amountWholeOnly", { text, unit })
        : invalid("amountDecimals", { text, scale, unit }),
      true,
    );
  }
  const minor = BigInt(whole + fraction.padEnd(scale, "0").slice(0, scale));
  if (minor > maxMinor) throw tooLarge(text);
  return negative ? -minor : minor;
}

/** An exact decimal number: `units` × 10^−`scale`. */
export interface Decimal {
  units: bigint;
  scale: number;
}

/**
 * An amount rounded to what `unit` keeps (half away from zero: 0.005 EUR is a cent), and what the
 * rounding added to it (negative when it took away), exactly, in major units; null when the amount
 * needed no rounding.
 */
export function parseRoundedAmount(text: string, unit: string): { minor: bigint; roundedBy: Decimal | null } {
  const { negative, whole, fraction: written } = amountParts(text);
  const fraction = written.replace(/0+$/, "");
  const scale = unitScale(unit);
  if (fraction.length <= scale) return { minor: parseAmount(text, unit), roundedBy: null };
  const exact = BigInt(whole + fraction);
  const kept = BigInt(whole + fraction.slice(0, scale)) + (fraction[scale]! >= "5" ? 1n : 0n);
  if (kept > maxMinor) throw tooLarge(text);
  const by = kept * 10n ** BigInt(fraction.length - scale) - exact;
  return {
    minor: negative ? -kept : kept,
    roundedBy: { units: negative ? -by : by, scale: fraction.length },
  };
}

/** a + b, exactly. */
export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return {
    units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale),
    scale,
  };
}

/** "0.0034", "-1.2": the decimal written out, trailing zeros dropped. */
export function decimalText({ units, scale }: Decimal): string {
  const sign = units < 0n ? "-" : "";
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}
