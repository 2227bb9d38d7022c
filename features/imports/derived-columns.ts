// Fields a mapping fills without a column of their own: composed from other columns' text and the
// row number ("{Donor} {Category} {Date}", "kiel-{#row}"), or given a default for the rows that
// leave them blank ("EUR"). Each becomes one more column of every row, so that one reader
// (rows.ts) reads every row, and a problem names the template or default it came from.
import { invalid } from "@/lib/validation-message";
import { isoDay } from "@/lib/format";
import { cellContent, cellText, type CellValue } from "./cell-values";
import {
  importFieldLabels,
  normalizeName,
  type ColumnMapping,
  type FieldSources,
  type ImportField,
} from "./fields";

/** The row number the spreadsheet shows, in a template. */
export const rowPlaceholder = "#row";

/** Placeholders one template may hold, and the characters it may make: more than any field keeps. */
const templateLimits = { placeholders: 20, characters: 10_000 };

/** Whether a mapping's text is a template ("{Donor} {Date}") rather than a column's header. */
export const isTemplate = (text: string) => text === rowPlaceholder || /\{[^{}]+\}/.test(text);

type Part = { text: string } | { column: number } | { row: true };

export interface DerivedColumns {
  /** The file's headers, then one header per composed or defaulted field that has no column. */
  headers: string[];
  /** Which field each of those headers fills. */
  columns: ColumnMapping;
  /** Templates naming columns the file lacks. */
  problems: string[];
  /** A row's cells with the derived ones: composed text, or the default where the cell is blank. */
  cells: (row: number, cells: readonly CellValue[]) => readonly CellValue[];
}

/** What a cell shows, as a template puts it into text: dates as days. */
function cellWords(cell: CellValue): string {
  const content = cellContent(cell);
  if (!content.ok) return "";
  const value = content.value;
  if (value instanceof Date && !Number.isNaN(value.getTime()) && value.getTime() % 86_400_000 === 0) {
    return isoDay(value);
  }
  return cellText(value);
}

/** "{Donor} – {#row}" → its literal text and the columns (by index) and row number it names. */
function parseTemplate(template: string, headers: readonly string[]): { parts: Part[]; unknown: string[] } {
  const parts: Part[] = [];
  const unknown: string[] = [];
  let at = 0;
  for (const match of template.matchAll(/\{([^{}]+)\}/g)) {
    if (match.index > at) parts.push({ text: template.slice(at, match.index) });
    at = match.index + match[0].length;
    const name = match[1]!.trim();
    if (name === rowPlaceholder) {
      parts.push({ row: true });
      continue;
    }
    // The header as written, else one that differs only in case and spacing.
    let column = headers.indexOf(name);
    if (column === -1) column = headers.findIndex((h) => normalizeName(h) === normalizeName(name));
    if (column === -1) unknown.push(name);
    else parts.push({ column });
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  return { parts, unknown };
}

/** The extra columns `mapping` derives for a file headed by `headers`. */
export function deriveColumns(
  headers: readonly string[],
  mapping: FieldSources,
  /** A field as the reader's import page names it; the problems are references, worded by the caller. */
  label: (field: ImportField) => string = (field) => importFieldLabels[field],
): DerivedColumns {
  const composed = Object.entries(mapping.composed ?? {}) as [ImportField, string][];
  const defaults = new Map(Object.entries(mapping.defaults ?? {}) as [ImportField, string][]);
  if (composed.length === 0 && defaults.size === 0) {
    return { headers: [...headers], columns: mapping.columns, problems: [], cells: (_row, cells) => cells };
  }
  const problems: string[] = [];
  const allHeaders = [...headers];
  const columns: ColumnMapping = { ...mapping.columns };
  const fillers: ((row: number, cells: readonly CellValue[]) => CellValue)[] = [];
  /** A header of its own for a derived field, different from every header of the file. */
  const addColumn = (field: ImportField, header: string, fill: (typeof fillers)[number]) => {
    while (allHeaders.includes(header)) header += " ";
    allHeaders.push(header);
    columns[header] = field;
    fillers.push(fill);
  };

  for (const [field, template] of composed) {
    const { parts, unknown } = parseTemplate(template, headers);
    if (parts.filter((part) => !("text" in part)).length > templateLimits.placeholders) {
      problems.push(
        invalid("row.composedTooMany", { field: label(field), max: String(templateLimits.placeholders) }),
      );
    }
    for (const name of unknown) {
      problems.push(invalid("row.composedMissing", { field: label(field), template, name }));
    }
    const fallback = defaults.get(field) ?? "";
    defaults.delete(field);
    addColumn(field, `${importFieldLabels[field]} = ${template}`, (row, cells) => {
      let text = "";
      let named = false;
      for (const part of parts) {
        if (text.length > templateLimits.characters) break;
        if ("text" in part) text += part.text;
        else if ("row" in part) text += String(row);
        else {
          const words = cellWords(cells[part.column] ?? null);
          named ||= words !== "";
          text += words;
        }
      }
      // Every column it names blank: the field is blank (or its default), not the template's punctuation.
      const hasColumns = parts.some((part) => "column" in part);
      text = text.slice(0, templateLimits.characters).replace(/\s+/g, " ").trim();
      return hasColumns && !named ? fallback : text || fallback;
    });
  }

  const blankFilled: [index: number, value: string][] = [];
  for (const [field, value] of defaults) {
    const index = headers.findIndex(
      (header) => Object.hasOwn(mapping.columns, header) && mapping.columns[header] === field,
    );
    // With a column, its blank cells read as the default; without one, a column of defaults.
    if (index === -1) addColumn(field, `${importFieldLabels[field]} (default "${value}")`, () => value);
    else blankFilled.push([index, value]);
  }

  return {
    headers: allHeaders,
    columns,
    problems,
    cells: (row, cells) => {
      const all: CellValue[] = [...cells];
      // Short rows are padded so that the derived cells sit under their headers.
      all.length = headers.length;
      for (const [index, value] of blankFilled) {
        const content = cellContent(all[index] ?? null);
        if (content.ok && cellText(content.value) === "") all[index] = value;
      }
      for (const fill of fillers) all.push(fill(row, all));
      return all;
    },
  };
}
