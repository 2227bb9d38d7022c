// Reading one spreadsheet cell as the value a pledge field needs. Every reader returns the value or
// a plain message saying what is wrong with the cell; none guesses when a cell is ambiguous.
import { invalid } from "@/lib/validation-message";
import { outOfDayRange, parseIsoDay } from "@/lib/format";
import {
  AmountParseError,
  amountText,
  parseAmount,
  parseRoundedAmount,
  type Decimal,
} from "@/lib/rules/units";
import {
  type DatePrecision,
  conditionStatuses,
  conditionStatusLabels,
  stakeholderRoles,
  roleLabels,
  type StakeholderRole,
} from "@/lib/rules/vocabulary";
import { normalizeName } from "./fields";

/** A formula cell from an XLSX file, with the value the spreadsheet last computed, if it saved one. */
export interface FormulaCell {
  formula: string;
  result?: string | number | boolean | Date | null;
  /** Set when the cell shows an error such as #DIV/0! instead of a value. */
  error?: string;
}

/** A cell as a reader hands it over: CSV gives text; XLSX also gives numbers, dates and formulas. */
export type CellValue = string | number | boolean | Date | FormulaCell | null;

/** A cell's value, or what is wrong with it and the import option that would take it. */
export type Read<T> = { ok: true; value: T } | { ok: false; message: string; fix?: "round" | "corrections" };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (message: string, fix?: "round" | "corrections"): Read<never> =>
  fix ? { ok: false, message, fix } : { ok: false, message };

function isFormula(cell: CellValue): cell is FormulaCell {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date);
}

/**
 * The value a cell shows. A formula counts as the value the spreadsheet saved for it; a formula
 * with no saved value (files written by scripts) cannot be read, because computing it is
 * spreadsheet software's job and a guess would be wrong silently.
 */
export function cellContent(cell: CellValue): Read<string | number | boolean | Date | null> {
  if (!isFormula(cell)) return ok(cell);
  if (cell.error) return fail(invalid("row.cellShowsError", { error: cell.error }));
  if (cell.result === undefined || cell.result === null) {
    return fail(invalid("row.cellFormula", { formula: cell.formula }));
  }
  return ok(cell.result);
}

/** A cell as trimmed text; "" when blank. Numbers keep at most 15 significant digits (what a cell stores). */
export function cellText(cell: string | number | boolean | Date | null): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number(cell.toPrecision(15)).toString();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
  return String(cell).trim();
}

// ---- Amounts ----

/** An amount in minor units, and what rounding added to it when it was rounded. */
export interface ReadAmount {
  minor: bigint;
  roundedBy: Decimal | null;
}

/**
 * An amount in minor units of `unit`. Reads thousands separators ("1,200", "1 200") and decimal
 * commas where they cannot be thousands ("2,5", "1.234,56"); "1,200" is always twelve hundred.
 * With `round`, more decimals than the unit keeps are rounded instead of refused; with
 * `negative`, a minus sign is read (a correction) instead of refused; `correctable` says a refused
 * minus sign could be read so.
 */
export function readAmount(
  cell: string | number | boolean | Date | null,
  unit: string,
  {
    round = false,
    negative = false,
    correctable = false,
  }: { round?: boolean; negative?: boolean; correctable?: boolean } = {},
): Read<ReadAmount> {
  if (typeof cell === "boolean" || cell instanceof Date) return fail(invalid("row.notNumber"));
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return fail(invalid("row.notNumber"));
    if (Math.abs(cell) >= 1e15) return fail(invalid("row.numberTooLarge"));
  }
  const text = amountText(cellText(cell));
  if (text.startsWith("-") && !negative) {
    return fail(invalid("row.negative"), correctable ? "corrections" : undefined);
  }
  try {
    return ok(round ? parseRoundedAmount(text, unit) : { minor: parseAmount(text, unit), roundedBy: null });
  } catch (error) {
    if (error instanceof AmountParseError) return fail(error.message, error.roundable ? "round" : undefined);
    throw error;
  }
}

// ---- Dates ----

const months = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, "");
  if (lower.length < 3) return null;
  const index = months.findIndex((month) => month.startsWith(lower));
  return index === -1 ? null : index + 1;
}

function calendarDay(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? date
    : null;
}

/** A day read from a cell, refused when outside the dates Pledgewatch takes. */
function inRange(day: Date): Read<Date> {
  const outside = outOfDayRange(day);
  return outside ? fail(outside) : ok(day);
}

/**
 * A calendar day (midnight UTC) from a date cell, "2026-01-06", an ISO timestamp, "6 January 2026",
 * "January 6, 2026", or "25/12/2026" when the day cannot be read as a month. "06/01/2026" is refused:
 * it is 6 January in Europe and June 1 in the United States.
 */
export function readDate(cell: string | number | boolean | Date | null): Read<Date> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail(invalid("row.notDate"));
    return inRange(parseIsoDay(cell.toISOString().slice(0, 10)));
  }
  if (typeof cell === "number") {
    return fail(invalid("row.numberNotDate"));
  }
  const text = cellText(cell);
  const notADay = (written: string) => fail(invalid("row.notCalendarDate", { text: written }));
  let match = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (match) {
    if (match[4]) {
      const instant = new Date(text);
      if (Number.isNaN(instant.getTime())) return notADay(text);
      return inRange(parseIsoDay(instant.toISOString().slice(0, 10)));
    }
    const day = calendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
    return day ? inRange(day) : notADay(text);
  }
  match = /^(\d{1,2})\s+([A-Za-z]+\.?)\s+(\d{4})$/.exec(text) ?? null;
  if (match) {
    const month = monthNumber(match[2]!);
    const day = month && calendarDay(Number(match[3]), month, Number(match[1]));
    return day ? inRange(day) : notADay(text);
  }
  match = /^([A-Za-z]+\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = monthNumber(match[1]!);
    const day = month && calendarDay(Number(match[3]), month, Number(match[2]));
    return day ? inRange(day) : notADay(text);
  }
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const year = Number(match[3]);
    if (first <= 12 && second <= 12 && first !== second) {
      return fail(invalid("row.ambiguousDate", { text }));
    }
    const day = first > 12 ? calendarDay(year, second, first) : calendarDay(year, first, second);
    return day ? inRange(day) : notADay(text);
  }
  return fail(invalid("row.notDateText", { text }));
}

/** A date and how precisely it is known (a month or a year is its first day). */
export interface DateAt {
  date: Date;
  precision: DatePrecision;
}

const yearInRange = (year: number) => inRange(new Date(Date.UTC(year, 0, 1)));

/**
 * A date known to the day (as `readDate` reads it), the month ("2022-03", "March 2022", "Mar. 2022")
 * or the year ("2022", or a number cell 2022), or "unknown": then the day it is read, `today`.
 */
export function readDateAt(cell: string | number | boolean | Date | null, today: Date): Read<DateAt> {
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1000 && cell <= 9999) {
    const year = yearInRange(cell);
    return year.ok ? ok({ date: year.value, precision: "year" }) : year;
  }
  const text = typeof cell === "string" ? cellText(cell) : "";
  if (/^unknown$/i.test(text)) return ok({ date: today, precision: "unknown" });
  let match = /^(\d{4})$/.exec(text);
  if (match) {
    const year = yearInRange(Number(match[1]));
    return year.ok ? ok({ date: year.value, precision: "year" }) : year;
  }
  match = /^(\d{4})-(\d{1,2})$/.exec(text) ?? null;
  const named = match ? null : /^([A-Za-z]+\.?)\s+(\d{4})$/.exec(text);
  if (match || named) {
    const month = match ? Number(match[2]) : monthNumber(named![1]!);
    const year = Number(match ? match[1] : named![2]);
    const first = month && month <= 12 ? calendarDay(year, month, 1) : null;
    if (!first) return fail(invalid("row.notMonth", { text }));
    const day = inRange(first);
    return day.ok ? ok({ date: day.value, precision: "month" }) : day;
  }
  const day = readDate(cell);
  if (day.ok) return ok({ date: day.value, precision: "day" });
  // Text that is no date at all is told the other ways a date may be written here.
  return day.message === invalid("row.notDateText", { text: cellText(cell) })
    ? fail(invalid("row.notDateAtText", { text: cellText(cell) }))
    : day;
}

// ---- Closed sets ----

/**
 * The identifier a value stands for: its identifier or label, ignoring case, spaces, hyphens and
 * underscores ("up to" → up_to), or what the analyst mapped it to. A label's explanation in
 * brackets may be left out ("Enablers" for "Enablers (intelligence, logistics)").
 */
export function readChoice<T extends string>(
  text: string,
  choices: readonly T[],
  labels: Record<T, string>,
  mapped: Record<string, string> = {},
): T | null {
  const key = normalizeName(text);
  for (const [raw, target] of Object.entries(mapped)) {
    if (normalizeName(raw) === key && (choices as readonly string[]).includes(target)) return target as T;
  }
  for (const choice of choices) {
    const label = labels[choice];
    const shortLabel = label.replace(/\s*\(.*\)$/, "");
    if ([choice, label, shortLabel].some((name) => normalizeName(name) === key)) return choice;
  }
  return null;
}

// ---- Lists ----

/** "France; United Kingdom" → ["France", "United Kingdom"]: semicolons, bars or line breaks. */
export function splitList(text: string): string[] {
  return text
    .split(/[;|\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export interface NamedStakeholder {
  name: string;
  role: StakeholderRole;
}

/** "France (lead)" → France as lead; a bare name is the pledger. Brackets naming no role stay in the name. */
export function readStakeholder(item: string): NamedStakeholder {
  const match = /^(.*?)\s*\(([^()]*)\)$/.exec(item);
  const role = match ? readChoice(match[2]!, stakeholderRoles, roleLabels) : null;
  return role && match ? { name: match[1]!, role } : { name: item, role: "pledger" };
}

/** "russia-ceasefire (unmet)", as the CSV export writes it, → "russia-ceasefire". */
export function readConditionName(item: string): string {
  const match = /^(.*?)\s*\(([^()]*)\)$/.exec(item);
  if (match && readChoice(match[2]!, conditionStatuses, conditionStatusLabels)) return match[1]!;
  return item;
}
