import "server-only";
import { createHash } from "node:crypto";
import type { Principal } from "@/lib/access";
import { cellContent, cellText, readChoice } from "./cell-values";
import {
  guessColumns,
  mappingProblems,
  missingFields,
  normalizeName,
  proposeMapping,
  valueChoiceLabels,
  valueMappedFields,
  type ImportField,
  type ValueMappedField,
} from "./fields";
import { commitImportPlan, ImportConflictError, type CommitResult } from "./mutations";
import { planImport, type ImportPlan } from "./plan";
import { loadImportSnapshot } from "./queries";
import { readSpreadsheet, type SpreadsheetFormat } from "./read-spreadsheet";
import { readPledgeRow, type ImportedPledge, type RowError } from "./rows";
import type { SavedMapping } from "./schemas";

// One import from start to end, shared by the web upload and `npm run import`: read the file as it
// streams in, check every row, plan against the database, and (when asked) commit the plan.

export type ImportProgress =
  | { phase: "reading"; rows: number; bytes: number }
  | { phase: "planning"; rows: number }
  | { phase: "writing"; done: number; total: number };

export interface ValueChoice {
  value: string;
  count: number;
  /** The identifier the value stands for, or null when it needs mapping. */
  mappedTo: string | null;
}

/** What an import would do, in a form that can be sent as JSON. */
export interface ImportPreview {
  fileName: string;
  format: SpreadsheetFormat;
  sha256: string;
  headers: string[];
  /** The mapping the preview used: the one given, or the one proposed from the headers. */
  mapping: SavedMapping;
  /** Problems with the mapping itself; while there are any, rows are not checked. */
  problems: string[];
  /** The required fields no column fills, and the columns that look like them ("Donor → Stakeholders?"). */
  missing: ImportField[];
  guesses: { field: ImportField; header: string }[];
  /** Each distinct value of the status, category and qualifier columns, and what it maps to. */
  valueChoices: Partial<Record<ValueMappedField, ValueChoice[]>>;
  rows: number;
  counts: ImportPlan["counts"];
  errors: RowError[];
  newStakeholders: string[];
  newConditions: string[];
  newSources: string[];
  /** The first rows that change something, for the analyst to look over. */
  changes: { row: number; action: "create" | "update"; title: string; changed: string[] }[];
  /** Identifies this plan: a commit names it, and is refused if the plan has changed since. */
  digest: string;
}

export type ImportOutcome =
  | { kind: "preview"; preview: ImportPreview }
  | { kind: "committed"; preview: ImportPreview; result: CommitResult }
  | { kind: "conflict"; preview: ImportPreview; message: string };

/** One line of the web upload's NDJSON answer: progress while it runs, then the outcome or an error. */
export type ImportStreamEvent =
  | ({ type: "progress" } & ImportProgress)
  | { type: "result"; outcome: ImportOutcome; errorsTotal: number }
  | { type: "error"; status: number; message: string };

const maxDistinctValues = 100;

async function* hashed(body: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>) {
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
}

function planDigest(preview: Omit<ImportPreview, "digest" | "changes">, plan: ImportPlan): string {
  const rows = plan.rows.map((r) =>
    r.action === "update"
      ? [r.row, r.action, r.existing.id, r.existing.version, r.changed]
      : [r.row, r.action],
  );
  return createHash("sha256")
    .update(
      JSON.stringify([
        preview.sha256,
        preview.mapping,
        rows,
        plan.errors.length,
        plan.newStakeholders,
        plan.newConditions,
        plan.newSources,
      ]),
    )
    .digest("hex");
}

/** Columns and values mapped on top of a mapping, as the command line's `--map` and `--value` give them. */
type MappingAdditions = { columns: Record<string, ImportField>; values: SavedMapping["values"] };

/** `mapping` with `also` on top: a field given a column there loses any other; values are added. */
function withAlso(mapping: SavedMapping, also: MappingAdditions | undefined): SavedMapping {
  if (!also) return mapping;
  const fields = new Set(Object.values(also.columns));
  const kept = Object.entries(mapping.columns).filter(([, field]) => !fields.has(field));
  const values = { ...mapping.values };
  for (const [field, given] of Object.entries(also.values) as [ValueMappedField, Record<string, string>][]) {
    // Values match ignoring case and spacing (readChoice): a given value replaces its look-alikes.
    const replaced = new Set(Object.keys(given).map(normalizeName));
    const kept = Object.entries(values[field] ?? {}).filter(([value]) => !replaced.has(normalizeName(value)));
    values[field] = { ...Object.fromEntries(kept), ...given };
  }
  return { columns: { ...Object.fromEntries(kept), ...also.columns }, values };
}

export async function runImport(
  body: AsyncIterable<Uint8Array>,
  options: {
    fileName: string;
    mapping?: SavedMapping;
    /** Mapped on top of the mapping, given or proposed. */
    also?: MappingAdditions;
    /** Commit only if the plan's digest is this one (the preview the analyst confirmed); "any" commits any plan without errors. */
    commit?: { actor: Principal; expect: string | "any" };
    onProgress?: (progress: ImportProgress) => void;
    /** Stops the work (nothing written) once aborted: checked between rows and write batches. */
    signal?: AbortSignal;
  },
): Promise<ImportOutcome> {
  const { signal } = options;
  const report = options.onProgress ?? (() => {});
  const progress = (step: ImportProgress) => {
    signal?.throwIfAborted();
    report(step);
  };
  const fileHash = createHash("sha256");
  let format: SpreadsheetFormat = "csv";
  let headers: string[] = [];
  let mapping: SavedMapping = { columns: {}, values: {} };
  let problems: string[] = [];
  let rowCount = 0;
  const pledges: ImportedPledge[] = [];
  const rowErrors: RowError[] = [];
  const blankRows: number[] = [];
  const distinct = new Map<ValueMappedField, Map<string, number>>();
  const valueColumns: [ValueMappedField, number][] = [];

  for await (const event of readSpreadsheet(hashed(body, fileHash))) {
    if (event.type === "header") {
      format = event.format;
      headers = event.headers;
      mapping = withAlso(options.mapping ?? { columns: proposeMapping(headers), values: {} }, options.also);
      problems = mappingProblems(headers, mapping.columns);
      for (const field of valueMappedFields) {
        const header = Object.entries(mapping.columns).find(([, f]) => f === field)?.[0];
        if (header !== undefined) valueColumns.push([field, headers.indexOf(header)]);
      }
      continue;
    }
    rowCount++;
    if (rowCount % 1000 === 0) progress({ phase: "reading", rows: rowCount, bytes: event.bytes });
    // With the mapping wrong every row would fail alike: the rest of the file is only counted (and
    // hashed), so the answer names the whole file and comes as soon as it has arrived.
    if (problems.length > 0) continue;
    const outcome = readPledgeRow(event.row, headers, event.cells, mapping.columns, mapping.values);
    if (outcome.kind === "pledge") pledges.push(outcome.pledge);
    else if (outcome.kind === "blank") blankRows.push(event.row);
    else rowErrors.push(...outcome.errors);
    for (const [field, index] of valueColumns) {
      const content = cellContent(event.cells[index] ?? null);
      const text = content.ok ? cellText(content.value) : "";
      if (text === "") continue;
      const counts = distinct.get(field) ?? new Map<string, number>();
      if (counts.size < maxDistinctValues || counts.has(text)) counts.set(text, (counts.get(text) ?? 0) + 1);
      distinct.set(field, counts);
    }
  }

  progress({ phase: "planning", rows: rowCount });
  const snapshot = await loadImportSnapshot(problems.length > 0 ? [] : pledges);
  signal?.throwIfAborted();
  const plan = planImport(problems.length > 0 ? [] : pledges, rowErrors, snapshot, blankRows);
  const valueChoices: ImportPreview["valueChoices"] = {};
  for (const [field, counts] of distinct) {
    const labels = valueChoiceLabels[field];
    valueChoices[field] = [...counts].map(([value, count]) => ({
      value,
      count,
      mappedTo: readChoice(value, Object.keys(labels), labels, mapping.values[field]),
    }));
  }
  const base = {
    fileName: options.fileName,
    format,
    sha256: fileHash.digest("hex"),
    headers,
    mapping,
    problems,
    missing: missingFields(headers, mapping.columns),
    guesses: guessColumns(headers, mapping.columns),
    valueChoices,
    rows: rowCount,
    counts: plan.counts,
    errors: plan.errors,
    newStakeholders: plan.newStakeholders,
    newConditions: plan.newConditions,
    newSources: plan.newSources,
  };
  const preview: ImportPreview = {
    ...base,
    changes: plan.rows
      .flatMap((r) =>
        r.action === "skip"
          ? []
          : [
              {
                row: r.row,
                action: r.action,
                title: r.pledge.title,
                changed: r.action === "update" ? r.changed : [],
              },
            ],
      )
      .slice(0, 200),
    digest: planDigest(base, plan),
  };

  const commit = options.commit;
  if (!commit) return { kind: "preview", preview };
  if (problems.length > 0 || plan.errors.length > 0) return { kind: "preview", preview };
  if (commit.expect !== "any" && commit.expect !== preview.digest) {
    return {
      kind: "conflict",
      preview,
      message:
        "The data or the file changed since the preview, so the plan is different. Check the new preview and import again.",
    };
  }
  try {
    const result = await commitImportPlan(
      commit.actor,
      plan,
      snapshot,
      { name: options.fileName, sha256: preview.sha256 },
      (done, total) => progress({ phase: "writing", done, total }),
    );
    return { kind: "committed", preview, result };
  } catch (error) {
    if (error instanceof ImportConflictError) return { kind: "conflict", preview, message: error.message };
    throw error;
  }
}
