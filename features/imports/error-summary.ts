// A file's row errors grouped by kind, so that 5,000 errors read as a few lines ("5,000 rows:
// Announced … is not a date"), each with its first rows and an example. Pure.
import { stringify } from "csv-stringify/browser/esm/sync";
import { csvText, utf8Mark } from "@/lib/csv-cells";
import type { RowError } from "./rows";

export interface ErrorKind {
  column: string;
  /** The message with the cell's own values left out: what the rows of this kind share. */
  kind: string;
  count: number;
  /** The first rows of this kind, in the file's order. */
  rows: number[];
  /** One message in full, values included. */
  example: string;
  /** The import option that would accept these cells (rows.ts). */
  fix?: RowError["fix"];
}

// A value is quoted "so" in English, «so» in Ukrainian and French.
const valuesLeftOut = (message: string) => message.replace(/"[^"]*"|«[^»]*»/g, "…");

/** Errors by column and kind, the most frequent first; `rowsShown` rows kept per kind. */
export function summarizeErrors(errors: readonly RowError[], rowsShown = 5): ErrorKind[] {
  const kinds = new Map<string, ErrorKind>();
  for (const error of errors) {
    const kind = valuesLeftOut(error.message);
    const key = `${error.column}\u0000${kind}`;
    const entry = kinds.get(key) ?? {
      column: error.column,
      kind,
      count: 0,
      rows: [],
      example: error.message,
      ...(error.fix ? { fix: error.fix } : {}),
    };
    entry.count++;
    if (entry.rows.length < rowsShown) entry.rows.push(error.row);
    kinds.set(key, entry);
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count);
}

/** Every problem as CSV (row, column, value, problem), for the browser's download and `--errors`. */
export function problemsCsv(errors: readonly RowError[]): string {
  const rows = errors.map((e) => [
    String(e.row),
    csvText(e.column),
    csvText(e.value ?? ""),
    csvText(e.message),
  ]);
  return utf8Mark + stringify([["row", "column", "value", "problem"], ...rows]);
}
