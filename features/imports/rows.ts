// One spreadsheet row, read through the mapping into a pledge as Pledgewatch stores it, or the
// list of what is wrong with it: each problem names the row as the spreadsheet shows it (the
// header is row 1), the column, and the reason.
import type { PledgeColumns } from "@/lib/rules/pledge-fields";
import { pledgeTextLimits, pledgeShapeProblems } from "@/lib/rules/pledge-rules";
import { canonicalUnit, unitRuleMessage } from "@/lib/rules/units";
import { isWebAddress } from "@/lib/web-address";
import {
  categoryLabels,
  pledgeCategories,
  pledgeStatuses,
  pledgeStatusLabels,
  qualifierLabels,
  quantityQualifiers,
} from "@/lib/rules/vocabulary";
import {
  cellContent,
  cellText,
  readAmount,
  readChoice,
  readConditionName,
  readDate,
  readStakeholder,
  splitList,
  type CellValue,
  type NamedStakeholder,
} from "./cell-values";
import { importFieldLabels, type ColumnMapping, type ImportField, type ValueMappedField } from "./fields";

/** What the analyst mapped each file value to, per field: `{ status: { Commitment: "committed" } }`. */
export type ValueMapping = Partial<Record<ValueMappedField, Record<string, string>>>;

export interface RowError {
  /** The row number the spreadsheet shows: the header is row 1. */
  row: number;
  /** The column's header, or the field's name when the problem is a missing column. */
  column: string;
  message: string;
}

/** A row as a pledge's columns (lib/rules/pledge-fields.ts), its links by name, and its source. */
export interface ImportedPledge extends PledgeColumns {
  row: number;
  /** The fields the file supplies: an update changes only these. */
  fields: ReadonlySet<ImportField>;
  stakeholders: NamedStakeholder[];
  conditions: string[];
  source: { title: string; url: string | null; quote: string } | null;
}

export type RowOutcome =
  { kind: "pledge"; pledge: ImportedPledge } | { kind: "blank" } | { kind: "invalid"; errors: RowError[] };

const limits: Partial<Record<ImportField, number>> = {
  externalId: pledgeTextLimits.externalId,
  title: pledgeTextLimits.title,
  description: pledgeTextLimits.description,
  scope: pledgeTextLimits.scope,
  sourceTitle: pledgeTextLimits.sourceTitle,
  sourceQuote: pledgeTextLimits.quote,
};

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
): RowOutcome {
  const errors: RowError[] = [];
  const columnOf = new Map<ImportField, string>();
  const raw = new Map<ImportField, string | number | boolean | Date | null>();
  headers.forEach((header, index) => {
    // A header may be any text, "constructor" too: only the mapping's own keys count.
    const field = Object.hasOwn(mapping, header) ? mapping[header] : undefined;
    if (!field) return;
    columnOf.set(field, header);
    const content = cellContent(cells[index] ?? null);
    if (!content.ok) {
      errors.push({ row, column: header, message: `the cell ${content.message}` });
      return;
    }
    raw.set(field, content.value);
  });
  const present = new Set(columnOf.keys());
  const isBlank = (field: ImportField) => cellText(raw.get(field) ?? null) === "";
  if (errors.length === 0 && [...present].every(isBlank)) return { kind: "blank" };

  const problem = (field: ImportField, message: string) =>
    errors.push({ row, column: columnOf.get(field) ?? importFieldLabels[field], message });

  const text = (field: ImportField, required = false): string | null => {
    const value = cellText(raw.get(field) ?? null);
    if (value === "") {
      if (required) problem(field, `${importFieldLabels[field]} is required`);
      return null;
    }
    const limit = limits[field];
    if (limit && value.length > limit) {
      problem(field, `is ${value.length} characters long; at most ${limit} fit`);
      return null;
    }
    return value;
  };

  const choice = <T extends string>(
    field: ValueMappedField,
    choices: readonly T[],
    labels: Record<T, string>,
    fallback: T | null,
  ): T | null => {
    const value = text(field, fallback === null);
    if (value === null) return fallback;
    const chosen = readChoice(value, choices, labels, values[field]);
    if (!chosen) {
      problem(
        field,
        `"${value}" is not a known ${importFieldLabels[field].toLowerCase()}; map it to one of: ${choices.join(", ")}`,
      );
    }
    return chosen;
  };

  const date = (field: ImportField, required: boolean): Date | null => {
    if (isBlank(field)) {
      if (required) problem(field, `${importFieldLabels[field]} is required`);
      return null;
    }
    const read = readDate(raw.get(field) ?? null);
    if (!read.ok) problem(field, read.message);
    return read.ok ? read.value : null;
  };

  const title = text("title", true);
  const externalId = text("externalId");
  const category = choice("category", pledgeCategories, categoryLabels, null);
  const status = choice("status", pledgeStatuses, pledgeStatusLabels, "announced");
  const quantityQualifier = choice("quantityQualifier", quantityQualifiers, qualifierLabels, "exact");
  const announcedOn = date("announcedOn", true);
  const dueOn = date("dueOn", false);

  const unitText = text("quantityUnit");
  const quantityUnit = unitText === null ? null : canonicalUnit(unitText);
  if (unitText !== null && quantityUnit === null) {
    problem("quantityUnit", `"${unitText}" is not a unit: ${unitRuleMessage}`);
  }
  const amount = (field: ImportField): bigint | null => {
    if (isBlank(field)) return null;
    if (!quantityUnit) {
      if (!columnOf.has("quantityUnit") || isBlank("quantityUnit")) {
        problem(field, "an amount needs a unit or currency (personnel, EUR, …)");
      }
      return null;
    }
    const read = readAmount(raw.get(field) ?? null, quantityUnit);
    if (!read.ok) problem(field, read.message);
    return read.ok ? read.value : null;
  };
  const quantityLow = amount("quantityLow");
  let quantityHigh = amount("quantityHigh");
  const deliveredQuantity = amount("deliveredQuantity");
  for (const [field, message] of Object.entries(
    pledgeShapeProblems({ quantityLow, quantityHigh, announcedOn, dueOn }),
  )) {
    problem(field as ImportField, message);
  }
  if (quantityLow !== null) quantityHigh ??= quantityLow;

  const stakeholders = splitList(text("stakeholders") ?? "").map(readStakeholder);
  const longName = stakeholders.find((s) => s.name.length > 200);
  if (longName)
    problem("stakeholders", `"${longName.name.slice(0, 40)}…" is too long for a stakeholder's name`);
  const conditions = splitList(text("conditions") ?? "").map(readConditionName);
  const longCondition = conditions.find((name) => name.length > 300);
  if (longCondition) problem("conditions", `"${longCondition.slice(0, 40)}…" is too long for a condition`);

  const sourceTitle = text("sourceTitle");
  const sourceUrl = text("sourceUrl");
  const sourceQuote = text("sourceQuote");
  if (sourceUrl !== null && !isWebAddress(sourceUrl)) {
    problem("sourceUrl", `"${sourceUrl}" is not a web address (https://…)`);
  }
  if ((sourceUrl || sourceQuote) && !sourceTitle) {
    problem("sourceTitle", "a source URL or quote needs the source's title");
  }

  const description = text("description");
  const scope = text("scope");
  if (errors.length > 0) return { kind: "invalid", errors };
  return {
    kind: "pledge",
    pledge: {
      row,
      fields: present,
      externalId,
      title: title!,
      stakeholders,
      category: category!,
      quantityUnit: quantityLow === null && deliveredQuantity === null ? null : quantityUnit,
      quantityLow,
      quantityHigh,
      quantityQualifier: quantityQualifier!,
      deliveredQuantity,
      status: status!,
      announcedOn: announcedOn!,
      dueOn,
      conditions,
      source: sourceTitle ? { title: sourceTitle, url: sourceUrl, quote: sourceQuote ?? "" } : null,
      description,
      scope,
    },
  };
}
