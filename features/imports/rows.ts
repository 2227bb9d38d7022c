// One spreadsheet row, read through the mapping into a pledge as Pledgewatch stores it, or the
// list of what is wrong with it: each problem names the row as the spreadsheet shows it (the
// header is row 1), the column, and the reason.
import type { PledgeColumns } from "@/lib/rules/pledge-fields";
import { pledgeTextLimits, pledgeShapeProblems } from "@/lib/rules/pledge-rules";
import { canonicalUnit } from "@/lib/rules/units";
import type { Locale } from "@/i18n/locales";
import { invalid } from "@/lib/validation-message";
import { importWords } from "./import-words";
import { today as utcToday } from "@/server/ledger";
import { isWebAddress } from "@/lib/web-address";
import {
  categoryLabels,
  pledgeCategories,
  pledgeStatuses,
  pledgeStatusLabels,
  qualifierLabels,
  quantityQualifiers,
  stakeholderKindLabels,
  stakeholderKinds,
  type StakeholderKind,
} from "@/lib/rules/vocabulary";
import type { Decimal } from "@/lib/rules/units";
import {
  cellContent,
  cellText,
  readAmount,
  readChoice,
  readConditionName,
  readDate,
  readDateAt,
  readStakeholder,
  splitList,
  type CellValue,
  type DateAt,
  type NamedStakeholder,
} from "./cell-values";
import type { ColumnMapping, ImportField, ValueMappedField } from "./fields";

/** What the analyst mapped each file value to, per field: `{ status: { Commitment: "committed" } }`. */
export type ValueMapping = Partial<Record<ValueMappedField, Record<string, string>>>;

export interface RowError {
  /** The row number the spreadsheet shows: the header is row 1. */
  row: number;
  /** The column's header, or the field's name when the problem is a missing column. */
  column: string;
  /** The cell as written, where one cell is at fault. */
  value?: string;
  message: string;
  /** The option of the import that would accept the cell: rounding, or reading corrections. */
  fix?: "round" | "corrections";
}

/** A row as a pledge's columns (lib/rules/pledge-fields.ts), its links by name, and its source. */
export interface ImportedPledge extends PledgeColumns {
  row: number;
  /** The fields the file supplies: an update changes only these. */
  fields: ReadonlySet<ImportField>;
  stakeholders: NamedStakeholder[];
  /** What the row says its stakeholders are, for those Pledgewatch does not know yet. */
  stakeholderKind: StakeholderKind | null;
  conditions: string[];
  source: { title: string; url: string | null; quote: string } | null;
  /** What rounding added to each of the row's amounts that had too many decimals (with `round`). */
  roundedBy: Decimal[];
  /** The later rows of the file correcting this pledge's amount (plan.ts), in date order. */
  corrections?: { row: number; amount: bigint; on: Date }[];
}

/** How cells are read: amounts rounded, negative amounts read as corrections, "unknown" dates as `today`. */
export interface ReadOptions {
  round?: boolean;
  corrections?: boolean;
  today?: Date;
  /** Names that rows repeat (stakeholders, conditions, sources) kept as one copy each (lib/string-pool.ts). */
  shared?: <T extends string | null>(text: T) => T;
  /** The language of the problems (the import page's; the CLI's English). */
  locale?: Locale;
}

export type RowOutcome =
  { kind: "pledge"; pledge: ImportedPledge } | { kind: "blank" } | { kind: "invalid"; errors: RowError[] };

/** Problems kept for one row; more are said in one line. */
const problemsPerRow = 5;

// The rows of a file fill the same fields: they share one set of them (50,000 sets took 17 MB).
const fieldSets = new Map<string, ReadonlySet<ImportField>>();
function sharedFields(fields: ReadonlySet<ImportField>): ReadonlySet<ImportField> {
  const key = [...fields].join(",");
  let set = fieldSets.get(key);
  if (!set) {
    if (fieldSets.size >= 100) fieldSets.clear();
    set = fields;
    fieldSets.set(key, set);
  }
  return set;
}

/** A cell or message as a problem quotes it: at most `length` characters. */
const clipped = (text: string, length = 200) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

const limits: Partial<Record<ImportField, number>> = {
  externalId: pledgeTextLimits.externalId,
  title: pledgeTextLimits.title,
  description: pledgeTextLimits.description,
  scope: pledgeTextLimits.scope,
  sourceTitle: pledgeTextLimits.sourceTitle,
  sourceQuote: pledgeTextLimits.quote,
};

/** The cells of one row, read field by field: each problem is noted against its column. */
function rowReader(
  row: number,
  headers: readonly string[],
  cells: readonly CellValue[],
  mapping: ColumnMapping,
  values: ValueMapping,
  options: Required<ReadOptions>,
) {
  const { round, corrections, today, locale } = options;
  const { say, label } = importWords(locale);
  const errors: RowError[] = [];
  const roundedBy: Decimal[] = [];
  const columnOf = new Map<ImportField, string>();
  const raw = new Map<ImportField, string | number | boolean | Date | null>();
  headers.forEach((header, index) => {
    // A header may be any text, "constructor" too: only the mapping's own keys count.
    const field = Object.hasOwn(mapping, header) ? mapping[header] : undefined;
    if (!field) return;
    columnOf.set(field, header);
    const content = cellContent(cells[index] ?? null);
    if (!content.ok) {
      const message = say(invalid("row.cell", { problem: content.message }));
      errors.push({ row, column: header, message: clipped(message, 300) });
      return;
    }
    raw.set(field, content.value);
  });
  const present = new Set(columnOf.keys());
  const isBlank = (field: ImportField) => cellText(raw.get(field) ?? null) === "";

  const problem = (field: ImportField, message: string, fix?: RowError["fix"]) => {
    // A row's first few problems are kept; a file of huge, broken cells must not fill the memory.
    if (errors.length === problemsPerRow) {
      errors.push({
        row,
        column: say(invalid("row.rowColumn")),
        message: say(invalid("row.moreProblems")),
      });
    }
    if (errors.length > problemsPerRow) return;
    errors.push({
      row,
      column: columnOf.get(field) ?? label(field),
      value: clipped(cellText(raw.get(field) ?? null)),
      // The rules' references worded here, in the reader's language.
      message: clipped(say(message), 300),
      ...(fix ? { fix } : {}),
    });
  };

  const text = (field: ImportField, required = false): string | null => {
    const value = cellText(raw.get(field) ?? null);
    if (value === "") {
      if (required) problem(field, invalid("row.required", { field: label(field) }));
      return null;
    }
    const limit = limits[field];
    if (limit && value.length > limit) {
      problem(field, invalid("row.tooLong", { length: String(value.length), max: String(limit) }));
      return null;
    }
    return value;
  };

  const choice = <T extends string>(
    field: ValueMappedField,
    choices: readonly T[],
    labels: Record<T, string>,
    fallback: T | null,
    required = fallback === null,
  ): T | null => {
    const value = text(field, required);
    if (value === null) return fallback;
    const chosen = readChoice(value, choices, labels, values[field]);
    if (!chosen) {
      problem(
        field,
        invalid("row.notKnown", {
          value,
          field: locale === "en" ? label(field).toLowerCase() : label(field),
          choices: choices.join(", "),
        }),
      );
    }
    return chosen;
  };

  /** The announcement date, which may be known only to the month or year, or not at all. */
  const dateAt = (field: ImportField): DateAt | null => {
    if (isBlank(field)) {
      problem(field, invalid("row.requiredOrUnknown", { field: label(field) }));
      return null;
    }
    const read = readDateAt(raw.get(field) ?? null, today);
    if (!read.ok) problem(field, read.message);
    return read.ok ? read.value : null;
  };

  const date = (field: ImportField, required: boolean): Date | null => {
    if (isBlank(field)) {
      if (required) problem(field, invalid("row.required", { field: label(field) }));
      return null;
    }
    const read = readDate(raw.get(field) ?? null);
    if (!read.ok) problem(field, read.message);
    return read.ok ? read.value : null;
  };

  /** An amount in `unit`; without a unit, a problem unless the unit's own cell already has one. */
  const amount = (field: ImportField, unit: string | null): bigint | null => {
    if (isBlank(field)) return null;
    if (!unit) {
      if (!present.has("quantityUnit") || isBlank("quantityUnit")) {
        problem(field, invalid("row.amountNeedsUnit"));
      }
      return null;
    }
    // With corrections read, a pledged amount may be negative; what was delivered never is.
    const correctable = field !== "deliveredQuantity";
    const read = readAmount(raw.get(field) ?? null, unit, {
      round,
      negative: corrections && correctable,
      correctable,
    });
    if (!read.ok) {
      problem(field, read.message, read.fix);
      return null;
    }
    // The pledged amount's rounding is what moves the totals; the others follow it or are apart.
    if (read.value.roundedBy && field === "quantityLow") roundedBy.push(read.value.roundedBy);
    return read.value.minor;
  };

  return { errors, roundedBy, present, isBlank, problem, text, choice, dateAt, date, amount };
}

type RowReader = ReturnType<typeof rowReader>;

/** The unit and amounts, checked against each other and the dates (rules/pledge-rules.ts). */
function readQuantities(read: RowReader, dates: { announcedOn: Date | null; dueOn: Date | null }) {
  const unitText = read.text("quantityUnit");
  const quantityUnit = unitText === null ? null : canonicalUnit(unitText);
  if (unitText !== null && quantityUnit === null) {
    read.problem("quantityUnit", invalid("notUnit", { text: unitText }));
  }
  const quantityLow = read.amount("quantityLow", quantityUnit);
  let quantityHigh = read.amount("quantityHigh", quantityUnit);
  const deliveredQuantity = read.amount("deliveredQuantity", quantityUnit);
  for (const [field, message] of Object.entries(
    pledgeShapeProblems({ quantityLow, quantityHigh, ...dates }),
  )) {
    read.problem(field as ImportField, message);
  }
  if (quantityLow !== null) quantityHigh ??= quantityLow;
  // A correction lowers an earlier pledge by one amount: a range or a delivery has no meaning there.
  const correcting =
    (quantityLow !== null && quantityLow < 0n) || (quantityHigh !== null && quantityHigh < 0n);
  if (correcting && (quantityHigh !== quantityLow || deliveredQuantity !== null)) {
    read.problem("quantityLow", invalid("row.correctionOneAmount"));
  }
  return {
    quantityUnit: quantityLow === null && deliveredQuantity === null ? null : quantityUnit,
    quantityLow,
    quantityHigh,
    deliveredQuantity,
  };
}

/** The stakeholders (with their roles) and conditions a row names. */
function readLinks(read: RowReader) {
  const stakeholders = splitList(read.text("stakeholders") ?? "").map(readStakeholder);
  const longName = stakeholders.find((s) => s.name.length > 200);
  if (longName) {
    read.problem("stakeholders", invalid("row.stakeholderNameTooLong", { name: longName.name.slice(0, 40) }));
  }
  const conditions = splitList(read.text("conditions") ?? "").map(readConditionName);
  const longCondition = conditions.find((name) => name.length > 300);
  if (longCondition)
    read.problem("conditions", invalid("row.conditionTooLong", { name: longCondition.slice(0, 40) }));
  return { stakeholders, conditions };
}

/** The source a row cites, if any: a title, and perhaps its address and the quote. */
function readSource(read: RowReader) {
  const title = read.text("sourceTitle");
  const url = read.text("sourceUrl");
  const quote = read.text("sourceQuote");
  if (url !== null && !isWebAddress(url)) read.problem("sourceUrl", invalid("row.notWebAddress", { url }));
  if ((url || quote) && !title) read.problem("sourceTitle", invalid("row.sourceNeedsTitle"));
  return title ? { title, url, quote: quote ?? "" } : null;
}

/**
 * Reads `cells` (in the file's column order, headed by `headers`) as a pledge. `row` is the
 * spreadsheet's row number, used in every message.
 */
export function readPledgeRow(
  row: number,
  headers: readonly string[],
  cells: readonly CellValue[],
  mapping: ColumnMapping,
  values: ValueMapping = {},
  options: ReadOptions = {},
): RowOutcome {
  const { shared = (text) => text } = options;
  const read = rowReader(row, headers, cells, mapping, values, {
    round: options.round ?? false,
    corrections: options.corrections ?? false,
    today: options.today ?? utcToday(),
    shared,
    locale: options.locale ?? "en",
  });
  if (read.errors.length === 0 && [...read.present].every(read.isBlank)) return { kind: "blank" };

  const title = read.text("title", true);
  const externalId = read.text("externalId");
  const category = read.choice("category", pledgeCategories, categoryLabels, null);
  const status = read.choice("status", pledgeStatuses, pledgeStatusLabels, "announced");
  const quantityQualifier = read.choice("quantityQualifier", quantityQualifiers, qualifierLabels, "exact");
  const announced = read.dateAt("announcedOn");
  const announcedOn = announced?.date ?? null;
  const dueOn = read.date("dueOn", false);
  const quantities = readQuantities(read, { announcedOn, dueOn });
  const { stakeholders, conditions } = readLinks(read);
  const stakeholderKind = read.choice(
    "stakeholderKind",
    stakeholderKinds,
    stakeholderKindLabels,
    null,
    false,
  );
  const source = readSource(read);
  const description = read.text("description");
  const scope = read.text("scope");
  if (read.errors.length > 0) return { kind: "invalid", errors: read.errors };
  return {
    kind: "pledge",
    pledge: {
      row,
      fields: sharedFields(read.present),
      externalId,
      title: title!,
      stakeholders: stakeholders.map(({ name, role }) => ({ name: shared(name), role })),
      stakeholderKind,
      category: category!,
      ...quantities,
      quantityQualifier: quantityQualifier!,
      status: status!,
      announcedOn: announcedOn!,
      announcedPrecision: announced!.precision,
      dueOn,
      conditions: conditions.map(shared),
      source: source && { title: shared(source.title), url: shared(source.url), quote: source.quote },
      roundedBy: read.roundedBy,
      description,
      scope,
    },
  };
}
