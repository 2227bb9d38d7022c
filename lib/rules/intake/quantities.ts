// The grammar of quantities as news writes them, kept with their bounds: "up to 30,000 personnel" is
// a ceiling, "more than 260,000" a floor, "between 50,000 and 100,000 troops" a range, "roughly
// 70,000" approximate and "several thousand" a vague range that says so. Amounts come out in minor
// units (units.ts), exactly: "€2.5 bn" is 250,000,000,000 cents.

import { decimalText, type Decimal } from "../units";
import type { QuantityQualifier } from "../vocabulary";
import { hyphens, tokenize, type Token } from "./tokens";

export interface FoundQuantity {
  /** The phrase's offsets in the text: text.slice(start, end) is what was read. */
  start: number;
  end: number;
  /** The amounts in the unit's major units, as exact decimals ("30000", "2500000000", "2.5"): the form the forms and the API read. */
  low: string;
  high: string;
  /** "personnel", "EUR", "nations", "km", "percent", or the counted noun ("tanks"). */
  unit: string;
  qualifier: QuantityQualifier;
  /** A range read from words ("several thousand", "hundreds of"), not from figures. */
  vague: boolean;
  /** "26 of the Coalition's 35 members": the whole the count is part of. */
  outOf: string | null;
  /** The unit was not written: it is the unit of the figure before it ("70,000 troops; France 260,000"). */
  unitInferred: boolean;
}

// ---------------------------------------------------------------------------------------------
// Words

const qualifierPhrases: [string, QuantityQualifier][] = [
  ["up to about", "up_to"],
  ["up to", "up_to"],
  ["as many as", "up_to"],
  ["no more than", "up_to"],
  ["not more than", "up_to"],
  ["at most", "up_to"],
  ["a maximum of", "up_to"],
  ["maximum of", "up_to"],
  ["fewer than", "up_to"],
  ["less than", "up_to"],
  ["just under", "up_to"],
  ["under", "up_to"],
  ["below", "up_to"],
  ["capped at", "up_to"],
  ["a ceiling of", "up_to"],
  ["not exceeding", "up_to"],
  ["at least", "at_least"],
  ["more than", "at_least"],
  ["well over", "at_least"],
  ["just over", "at_least"],
  ["over", "at_least"],
  ["in excess of", "at_least"],
  ["upwards of", "at_least"],
  ["a minimum of", "at_least"],
  ["minimum of", "at_least"],
  ["no fewer than", "at_least"],
  ["no less than", "at_least"],
  ["not less than", "at_least"],
  ["above", "at_least"],
  ["exceeding", "at_least"],
  ["about", "about"],
  ["around", "about"],
  ["roughly", "about"],
  ["approximately", "about"],
  ["approx.", "about"],
  ["some", "about"],
  ["nearly", "about"],
  ["near", "about"],
  ["almost", "about"],
  ["close to", "about"],
  ["an estimated", "about"],
  ["estimated", "about"],
  ["circa", "about"],
  ["c.", "about"],
  ["~", "about"],
  ["in the region of", "about"],
  ["on the order of", "about"],
  ["an approximate", "about"],
];

const suffixQualifiers: [string, QuantityQualifier][] = [
  ["or more", "at_least"],
  ["or over", "at_least"],
  ["plus", "at_least"],
  ["or fewer", "up_to"],
  ["or less", "up_to"],
  ["at most", "up_to"],
  ["or so", "about"],
  ["odd", "about"],
];

const smallNumbers: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

/** Powers of ten written as words or suffixes: "30k", "2.5 bn", "half a million". */
const multipliers: Record<string, number> = {
  hundred: 2,
  thousand: 3,
  k: 3,
  million: 6,
  millions: 6,
  mn: 6,
  mln: 6,
  m: 6,
  billion: 9,
  bn: 9,
  b: 9,
  trillion: 12,
  tn: 12,
};
/** Suffixes that mean a million or a billion only after a currency: "500m troops" is rare, "500 m" is metres. */
const currencyOnlyMultipliers = new Set(["m", "b"]);

/** Vague amounts: the range each stands for, as a reader would take it. */
const vagueCounts: Record<string, [number, number]> = {
  several: [3, 9],
  "a few": [2, 5],
  few: [2, 5],
  "a couple of": [2, 2],
  "a handful of": [2, 5],
  many: [10, 99],
};
const vaguePlurals: Record<string, number> = {
  dozens: 1,
  hundreds: 2,
  thousands: 3,
  millions: 6,
  billions: 9,
};

type Currency = "EUR" | "USD" | "GBP";
/** A bare figure after an amount of money is seldom money ("€40 billion … troop levels near 182,000"): it takes no currency. */
const currencyUnits = new Set<string>(["EUR", "USD", "GBP"]);
const currencySigns: Record<string, Currency> = { "€": "EUR", $: "USD", "£": "GBP" };
const currencyCodes: Record<string, Currency> = { eur: "EUR", usd: "USD", gbp: "GBP" };
const currencyWords: Record<string, Currency> = {
  euro: "EUR",
  euros: "EUR",
  dollar: "USD",
  dollars: "USD",
  "us dollars": "USD",
  pound: "GBP",
  pounds: "GBP",
  "pounds sterling": "GBP",
  sterling: "GBP",
};

/** Units of how long something lasts. */
export const durationUnits = ["years", "months", "weeks", "days"];

/** Counted nouns and the unit each is stored in. Longer phrases first, so "service members" beats "members". */
const unitNouns: [string, string][] = [
  ["boots on the ground", "personnel"],
  ["heads of state and government", "leaders"],
  ["heads of state or government", "leaders"],
  ["heads of state", "leaders"],
  ["heads of government", "leaders"],
  ["service members", "personnel"],
  ["service personnel", "personnel"],
  ["member states", "nations"],
  ["member countries", "nations"],
  ["per cent", "percent"],
  ["percentage points", "percentage points"],
  ...(
    [
      "personnel",
      "troops",
      "soldiers",
      "servicemen",
      "servicemembers",
      "peacekeepers",
      "sailors",
      "airmen",
      "marines",
      "officers",
      "instructors",
      "trainers",
      "forces",
      "fighters",
      "reservists",
      "recruits",
      "engineers",
      "medics",
      "pilots",
      "advisers",
      "advisors",
      "specialists",
    ] as const
  ).map((noun): [string, string] => [noun, "personnel"]),
  ...(["soldier", "troop", "peacekeeper", "officer", "instructor"] as const).map((noun): [string, string] => [
    noun,
    "personnel",
  ]),
  ...(["nations", "countries", "states", "nation", "country", "state"] as const).map(
    (noun): [string, string] => [noun, "nations"],
  ),
  ["members", "members"],
  ["allies", "allies"],
  ["partners", "partners"],
  ["people", "people"],
  ["leaders", "leaders"],
  ["civilians", "people"],
  ["citizens", "people"],
  ["refugees", "people"],
  ["residents", "people"],
  ["percent", "percent"],
  // How long: "guarantees for up to 50 years", "within 30 days".
  ...durationUnits.map((noun): [string, string] => [noun, noun]),
  ...(["year", "month", "week", "day"] as const).map((noun): [string, string] => [noun, `${noun}s`]),
  ["km", "km"],
  ["kilometres", "km"],
  ["kilometers", "km"],
  ["kilometre", "km"],
  ["kilometer", "km"],
  ["miles", "miles"],
  ["mile", "miles"],
  ["metres", "metres"],
  ["meters", "metres"],
  ...(
    [
      "tanks",
      "aircraft",
      "jets",
      "planes",
      "helicopters",
      "drones",
      "missiles",
      "shells",
      "rounds",
      "vehicles",
      "ships",
      "warships",
      "vessels",
      "systems",
      "batteries",
      "launchers",
      "howitzers",
      "guns",
      "rockets",
      "interceptors",
      "satellites",
      "brigades",
      "battalions",
      "divisions",
      "companies",
      "bases",
      "hubs",
    ] as const
  ).map((noun): [string, string] => [noun, noun]),
];
const unitNounWords = unitNouns.map(([phrase, unit]): [string[], string] => [phrase.split(" "), unit]);

/** Words that end the describing words between an amount and its noun ("70,000 full-time personnel"). */
const gapStops = new Set([
  "of",
  "the",
  "a",
  "an",
  "and",
  "or",
  "but",
  "to",
  "in",
  "on",
  "for",
  "from",
  "with",
  "by",
  "at",
  "as",
  "that",
  "which",
  "who",
  "than",
  "into",
  "is",
  "are",
  "was",
  "were",
  "be",
  "been",
  "has",
  "have",
  "had",
  "will",
  "would",
  "could",
  "can",
  "may",
  "might",
  "should",
  "it",
  "its",
  "their",
  "this",
  "these",
  "those",
  "more",
  "last",
  "next",
  "per",
  "each",
  "every",
  "year",
  "years",
  "days",
  "weeks",
  "months",
]);
const maxGapWords = 3;

// ---------------------------------------------------------------------------------------------
// Reading

interface Amount {
  /** The value as an exact decimal: digits × 10^exponent. */
  digits: bigint;
  exponent: number;
  /** The power of ten a multiplier word or suffix added ("30k": 3), 0 when none was written. */
  scale: number;
  /** A vague amount's upper end, in the same exponent; null for a figure. */
  vagueHigh: bigint | null;
  currency: Currency | null;
  next: number;
}

/** Hyphens and dashes that join a range ("50,000–100,000"); an em dash sets words apart instead. */
const rangeDashes = "-\u2010\u2011\u2012\u2013\u2212";
const isHyphen = (token: Token | undefined) => token?.kind === "sign" && hyphens.includes(token.text);
const isRangeDash = (token: Token | undefined) => token?.kind === "sign" && rangeDashes.includes(token.text);

/** The index after `words` when they are at tokens[index…], or -1. */
function phraseAt(tokens: Token[], index: number, words: readonly string[]): number {
  for (let offset = 0; offset < words.length; offset++) {
    if (tokens[index + offset]?.plain !== words[offset]) return -1;
  }
  return index + words.length;
}

function longestPhrase<T>(
  tokens: Token[],
  index: number,
  phrases: [string[], T][],
): { value: T; next: number } | null {
  let best: { value: T; next: number } | null = null;
  for (const [words, value] of phrases) {
    const next = phraseAt(tokens, index, words);
    if (next > 0 && (!best || next > best.next)) best = { value, next };
  }
  return best;
}

const split = <T>(entries: [string, T][]): [string[], T][] =>
  entries.map(([phrase, value]) => [phrase.split(" "), value]);
const qualifierWords = split(qualifierPhrases);
const suffixWords = split(suffixQualifiers);
const vagueCountWords = split(Object.entries(vagueCounts));
const currencyWordList = split(Object.entries(currencyWords));
const scaleWords = new Set(["hundred", "thousand", "million", "billion", "dozen"]);

/** "1,200.5" → 12005 × 10^-1. */
function decimalOf(text: string): { digits: bigint; exponent: number } {
  const compact = text.replace(/[,\s\u00a0\u202f\u2009]/g, "");
  const [whole = "0", fraction = ""] = compact.split(".");
  return { digits: BigInt(whole + fraction), exponent: -fraction.length };
}

const isNumberWord = (token: Token | undefined) =>
  token?.kind === "word" && token.plain.split("-").every((part) => part in smallNumbers);

/** Number words: "twenty-six", "one hundred and fifty", "thirty thousand", "a thousand", "half a million". */
function numberWords(tokens: Token[], index: number): { value: bigint; next: number } | null {
  if (tokens[index]?.plain === "half" && tokens[index + 1]?.plain === "a") {
    const word = tokens[index + 2];
    const scale = word?.kind === "word" ? multipliers[word.plain] : undefined;
    if (scale !== undefined && scale >= 3 && word!.plain.length > 3)
      return { value: 10n ** BigInt(scale) / 2n, next: index + 3 };
  }
  let total = 0n;
  let current = 0n;
  let read = false;
  let next = index;
  for (;;) {
    const token = tokens[next];
    if (!token || token.kind !== "word") break;
    if (isNumberWord(token)) {
      const parts = token.plain.split("-").map((part) => smallNumbers[part]!);
      // "twenty-six" is a number; "six-twenty" and "one-two" are not.
      if (
        parts.length > 2 ||
        (parts.length === 2 && !(parts[0]! >= 20 && parts[0]! % 10 === 0 && parts[1]! < 10))
      )
        break;
      if (read && current % 100n !== 0n) break;
      current += BigInt(parts.reduce((sum, part) => sum + part, 0));
      read = true;
      next++;
      continue;
    }
    if (!read && token.plain === "a" && scaleWords.has(tokens[next + 1]?.plain ?? "")) {
      current = 1n;
      read = true;
      next++;
      continue;
    }
    if (read && token.plain === "and" && isNumberWord(tokens[next + 1])) {
      next++;
      continue;
    }
    if (read && token.plain === "dozen") {
      current *= 12n;
      next++;
      continue;
    }
    if (read && token.plain === "hundred") {
      current *= 100n;
      next++;
      continue;
    }
    if (read && (token.plain === "thousand" || token.plain === "million" || token.plain === "billion")) {
      total += current * 10n ** BigInt(multipliers[token.plain]!);
      current = 0n;
      next++;
      continue;
    }
    break;
  }
  return read ? { value: total + current, next } : null;
}

function currencyAt(tokens: Token[], index: number): { currency: Currency; next: number } | null {
  const token = tokens[index];
  if (!token) return null;
  if (token.kind === "sign" && currencySigns[token.text])
    return { currency: currencySigns[token.text]!, next: index + 1 };
  if (
    (token.plain === "us" || token.plain === "u.s.") &&
    tokens[index + 1]?.text === "$" &&
    !tokens[index + 1]!.spaced
  ) {
    return { currency: "USD", next: index + 2 };
  }
  const code = currencyCodes[token.plain];
  if (code && token.text === token.text.toUpperCase()) return { currency: code, next: index + 1 };
  return null;
}

/** "k", "bn", "million" after a figure; "m" and "b" only after a currency ("500 m" is metres). */
function multiplierAt(
  tokens: Token[],
  index: number,
  currency: Currency | null,
): { scale: number; next: number } | null {
  const token = tokens[index];
  if (!token || token.kind !== "word" || token.plain === "hundred" || token.plain === "dozen") return null;
  const scale = multipliers[token.plain];
  if (scale === undefined) return null;
  if (currencyOnlyMultipliers.has(token.plain) && !currency) return null;
  if (token.plain === "k" && token.spaced) return null;
  return { scale, next: index + 1 };
}

/** One amount at tokens[index]: a figure with its multiplier, number words, or a vague amount. */
function amountAt(tokens: Token[], index: number, currencyBefore: Currency | null): Amount | null {
  let next = index;
  let currency = currencyBefore;
  const sign = currencyAt(tokens, next);
  if (sign) {
    currency = sign.currency;
    next = sign.next;
  }
  const token = tokens[next];
  if (!token) return null;
  const plain = (offset: number) => tokens[next + offset]?.plain ?? "";
  const figure = (digits: bigint, exponent: number, after: number): Amount => {
    const multiplier = multiplierAt(tokens, after, currency);
    return multiplier
      ? {
          digits,
          exponent: exponent + multiplier.scale,
          scale: multiplier.scale,
          vagueHigh: null,
          currency,
          next: multiplier.next,
        }
      : { digits, exponent, scale: 0, vagueHigh: null, currency, next: after };
  };
  const vagueRange = (low: bigint, high: bigint, exponent: number, after: number): Amount => ({
    digits: low,
    exponent,
    scale: exponent,
    vagueHigh: high,
    currency,
    next: after,
  });

  if (token.kind === "number") {
    const { digits, exponent } = decimalOf(token.text);
    return figure(digits, exponent, next + 1);
  }
  // "tens of thousands of": 20,000–99,999
  const power = (exponent: number) => 10n ** BigInt(exponent);
  if (
    token.plain === "tens" &&
    plain(1) === "of" &&
    vaguePlurals[plain(2)] !== undefined &&
    plain(2) !== "dozens"
  ) {
    const scale = vaguePlurals[plain(2)]!;
    return vagueRange(
      2n * power(scale + 1),
      power(scale + 2) - 1n,
      0,
      plain(3) === "of" ? next + 4 : next + 3,
    );
  }
  // "hundreds of" (200–999), "thousands of", "hundreds of thousands of", "dozens of" (24–99)
  if (vaguePlurals[token.plain] !== undefined && plain(1) === "of") {
    if (token.plain === "dozens") return vagueRange(24n, 99n, 0, next + 2);
    const inner = plain(2) !== "dozens" ? vaguePlurals[plain(2)] : undefined;
    const scale = vaguePlurals[token.plain]! + (inner ?? 0);
    const after = inner === undefined ? next + 2 : plain(3) === "of" ? next + 4 : next + 3;
    return vagueRange(2n * power(scale), power(scale + 1) - 1n, 0, after);
  }
  // "several thousand", "a few hundred", "a couple of dozen", "several"
  const vague = longestPhrase(tokens, next, vagueCountWords);
  if (vague) {
    const [low, high] = vague.value;
    const scaleWord = tokens[vague.next]?.plain ?? "";
    const after = tokens[vague.next + 1]?.plain === "of" ? vague.next + 2 : vague.next + 1;
    if (scaleWord === "dozen" || scaleWord === "dozens")
      return vagueRange(BigInt(low * 12), BigInt(high * 12), 0, after);
    if (scaleWords.has(scaleWord))
      return vagueRange(BigInt(low), BigInt(high), multipliers[scaleWord]!, after);
    // "many" alone is no amount; "several troops" is.
    if (token.plain === "many") return null;
    return vagueRange(BigInt(low), BigInt(high), 0, vague.next);
  }
  const words = numberWords(tokens, next);
  if (words) return figure(words.value, 0, words.next);
  return null;
}

/** digits × 10^exponent as the decimal text parseAmount reads: "30000", "2.5". */
function amountText(digits: bigint, exponent: number): string {
  const decimal: Decimal =
    exponent >= 0
      ? { units: digits * 10n ** BigInt(exponent), scale: 0 }
      : { units: digits, scale: -exponent };
  return decimalText(decimal);
}

/** a ≤ b for digits × 10^exponent. */
function notAbove(a: bigint, aExponent: number, b: bigint, bExponent: number): boolean {
  const exponent = Math.min(aExponent, bExponent);
  return a * 10n ** BigInt(aExponent - exponent) <= b * 10n ** BigInt(bExponent - exponent);
}

/** The noun counted after an amount, past up to three describing words; or the currency written after it. */
function unitAfter(tokens: Token[], start: number): { unit: string; next: number; currency: boolean } | null {
  // "'several thousand' French soldiers": a closing quotation mark may stand between.
  let index = start;
  while (tokens[index]?.kind === "sign" && "'’\"”".includes(tokens[index]!.text)) index++;
  const currencyWord = longestPhrase(tokens, index, currencyWordList);
  if (currencyWord) return { unit: currencyWord.value, next: currencyWord.next, currency: true };
  const token = tokens[index];
  if (!token) return null;
  const code = currencyCodes[token.plain];
  if (code && token.text === token.text.toUpperCase()) return { unit: code, next: index + 1, currency: true };
  if (token.text === "%") return { unit: "percent", next: index + 1, currency: false };
  // "a 30,000-strong force"
  if (
    isHyphen(token) &&
    !token.spaced &&
    tokens[index + 1]?.plain === "strong" &&
    !tokens[index + 1]!.spaced
  ) {
    return { unit: "personnel", next: index + 2, currency: false };
  }
  // "the 35-country coalition", "a 26-nation pledge"
  const counted = tokens[index + 1]?.plain ?? "";
  if (isHyphen(token) && !token.spaced && /^(?:country|nation|state|member)$/.test(counted)) {
    return { unit: counted === "member" ? "members" : "nations", next: index + 2, currency: false };
  }
  for (let gap = 0; gap <= maxGapWords; gap++) {
    const noun = longestPhrase(tokens, index + gap, unitNounWords);
    if (noun) return { unit: noun.value, next: noun.next, currency: false };
    const word = tokens[index + gap];
    if (!word || word.kind !== "word" || isNumberWord(word)) return null;
    if (gapStops.has(word.plain) && !joinsProperWords(tokens, index + gap)) return null;
  }
  return null;
}

const properWord = (token: Token | undefined) =>
  token?.kind === "word" && /^\p{Lu}/u.test(token.text) && !isNumberWord(token);

/** "30 Western and European countries", "500 French or British troops": a list of proper adjectives. */
function joinsProperWords(tokens: Token[], at: number): boolean {
  const word = tokens[at]!;
  return (
    (word.plain === "and" || word.plain === "or") && properWord(tokens[at - 1]) && properWord(tokens[at + 1])
  );
}

/** "30,000 or more", "30,000-plus", "30-odd", "40+". */
function suffixAt(tokens: Token[], index: number): { qualifier: QuantityQualifier; next: number } | null {
  const token = tokens[index];
  if (!token) return null;
  if (isHyphen(token) && !token.spaced && !tokens[index + 1]?.spaced) {
    if (tokens[index + 1]?.plain === "plus") return { qualifier: "at_least", next: index + 2 };
    if (tokens[index + 1]?.plain === "odd") return { qualifier: "about", next: index + 2 };
  }
  if (token.text === "+" && !token.spaced) return { qualifier: "at_least", next: index + 1 };
  const found = longestPhrase(tokens, index, suffixWords);
  return found ? { qualifier: found.value, next: found.next } : null;
}

const yearLike = (token: Token | undefined) =>
  token?.kind === "number" && /^(1[89]|20)\d\d$/.test(token.text);

interface Read {
  quantity: Omit<FoundQuantity, "unit" | "unitInferred" | "outOf"> & { unit: string | null };
  /** The amount's first token: a figure, not a word. */
  figureToken: Token | undefined;
  next: number;
}

/** One quantity phrase starting at tokens[index], or null. */
function quantityAt(tokens: Token[], index: number): Read | null {
  let next = index;
  let qualifier: QuantityQualifier = "exact";
  const prefix = longestPhrase(tokens, next, qualifierWords);
  if (prefix) {
    qualifier = prefix.value;
    next = prefix.next;
  }
  const rangeWord = tokens[next]?.plain === "between" ? "and" : tokens[next]?.plain === "from" ? "to" : null;
  if (rangeWord) next++;

  const figureToken = tokens[next];
  const first = amountAt(tokens, next, null);
  if (!first) return null;
  // A year is no quantity unless a counted noun follows it at once ("2025 troops" is rare; "in 2025 the" common).
  if (
    yearLike(figureToken) &&
    first.scale === 0 &&
    !first.currency &&
    !longestPhrase(tokens, first.next, unitNounWords)
  )
    return null;
  next = first.next;

  let last = first;
  let low = first;
  const joiner = tokens[next];
  const joins = rangeWord ? joiner?.plain === rangeWord : isRangeDash(joiner) || joiner?.plain === "to";
  if (joins && first.vagueHigh === null) {
    const second = amountAt(tokens, next + 1, first.currency);
    if (second && second.vagueHigh === null) {
      // "2–3 bn": the multiplier written once serves both ends.
      if (second.scale > 0 && first.scale === 0)
        low = { ...first, exponent: first.exponent + second.scale, scale: second.scale };
      if (!notAbove(low.digits, low.exponent, second.digits, second.exponent)) return null;
      last = second;
      next = second.next;
    } else if (rangeWord) return null;
  } else if (rangeWord) return null;

  let suffix = suffixAt(tokens, next);
  if (suffix) next = suffix.next;

  let currency = first.currency ?? last.currency;
  let unit: string | null = currency;
  if (!currency) {
    const after = unitAfter(tokens, next);
    if (after) {
      unit = after.unit;
      if (after.currency) currency = after.unit as Currency;
      next = after.next;
    }
  } else {
    // "€2.5 bn euros" should not leave "euros" behind.
    const after = longestPhrase(tokens, next, currencyWordList);
    if (after?.value === currency) next = after.next;
  }
  // "30,000 troops or more"
  if (!suffix && unit) {
    suffix = suffixAt(tokens, next);
    if (suffix) next = suffix.next;
  }
  if (suffix && qualifier === "exact") qualifier = suffix.qualifier;

  const vague = first.vagueHigh !== null;
  if (vague && qualifier === "exact") qualifier = "about";
  return {
    quantity: {
      start: tokens[index]!.start,
      end: tokens[next - 1]!.end,
      low: amountText(low.digits, low.exponent),
      high: vague ? amountText(first.vagueHigh!, first.exponent) : amountText(last.digits, last.exponent),
      unit,
      qualifier,
      vague,
    },
    figureToken,
    next,
  };
}

/**
 * Every quantity in text[start, end), in order. A bare figure after one with a unit takes its unit
 * ("the British Army fields roughly 70,000 personnel; France more than 260,000"); other bare figures
 * are not quantities. "26 of the Coalition's 35 members" is one count with the whole it is part of.
 */
export function findQuantities(text: string, start = 0, end = text.length): FoundQuantity[] {
  const tokens = tokenize(text, start, end);
  const found: FoundQuantity[] = [];
  let lastUnit: string | null = null;
  let index = 0;
  while (index < tokens.length) {
    const read = quantityAt(tokens, index);
    if (!read) {
      index++;
      continue;
    }
    const { quantity, figureToken } = read;
    let { next } = read;
    let outOf: string | null = null;
    let unit = quantity.unit;
    let end = quantity.end;
    // "26 of the Coalition's 35 members", "26 out of 35 nations"
    if (!unit && quantity.qualifier === "exact" && !quantity.vague) {
      let cursor = next;
      if (tokens[cursor]?.plain === "out") cursor++;
      if (tokens[cursor]?.plain === "of") {
        cursor++;
        for (
          let skipped = 0;
          skipped < 3 && tokens[cursor]?.kind === "word" && !isNumberWord(tokens[cursor]);
          skipped++
        )
          cursor++;
        const whole = cursor < tokens.length ? quantityAt(tokens, cursor) : null;
        if (
          whole?.quantity.unit &&
          whole.quantity.qualifier === "exact" &&
          notAbove(BigInt(quantity.low.replace(".", "")), 0, BigInt(whole.quantity.low.replace(".", "")), 0)
        ) {
          unit = whole.quantity.unit;
          outOf = whole.quantity.low;
          end = whole.quantity.end;
          next = whole.next;
        }
      }
    }
    const rest = quantity;
    if (unit) {
      found.push({ ...rest, end, unit, outOf, unitInferred: false });
      lastUnit = unit;
    } else if (
      figureToken?.kind === "number" &&
      !quantity.vague &&
      !yearLike(figureToken) &&
      notAbove(100n, 0, BigInt(quantity.low.split(".")[0]!), 0)
    ) {
      // A bare figure takes the unit of the figure before it, or, after an army, its personnel
      // ("the Ukrainian army will remain at 700,000").
      const unitBefore = lastUnit && !currencyUnits.has(lastUnit) ? lastUnit : null;
      const forceBefore =
        /\b(?:army|armed\s+forces|military|troops|soldiers|personnel)\b[^.;:]{0,40}$/iu.test(
          text.slice(Math.max(start, quantity.start - 60), quantity.start),
        );
      const inferred = unitBefore ?? (forceBefore ? "personnel" : null);
      if (inferred) found.push({ ...rest, unit: inferred, outOf: null, unitInferred: true });
    }
    index = next;
  }
  return found;
}

/** The first quantity in a phrase, or null: what the grammar makes of "up to 30,000 personnel". */
export function readQuantity(phrase: string): FoundQuantity | null {
  return findQuantities(phrase)[0] ?? null;
}
