import "server-only";
import { createHash } from "node:crypto";
import type { Principal } from "@/lib/access";
import type { Locale } from "@/i18n/locales";
import { invalid } from "@/lib/validation-message";
import { importWords } from "./import-words";
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
import { isoDateAt } from "@/lib/format";
import { stringPool } from "@/lib/string-pool";
import { today as utcToday } from "@/server/ledger";
import { addDecimals, decimalText, toDecimal, type Decimal } from "@/lib/rules/units";
import { deriveColumns, rowPlaceholder } from "./derived-columns";
import type { ErrorKind } from "./error-summary";
import { commitImportPlan, ImportConflictError, type CommitResult } from "./mutations";
import { planImport, type ExistingPledge, type ImportPlan, type NewStakeholder } from "./plan";
import { loadImportSnapshot, loadReleaseGaps, type MissingPledge } from "./queries";
import { readSpreadsheet, type SpreadsheetFormat } from "./read-spreadsheet";
import { readPledgeRow, type ImportedPledge, type RowError } from "./rows";
import { mappingOfColumns, type SavedMapping } from "./schemas";

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
  /** What the analyst should know about how the file is read, which does not stop the import. */
  warnings: string[];
  /** The required fields no column fills, and the columns that look like them ("Donor → Stakeholders?"). */
  missing: ImportField[];
  guesses: { field: ImportField; header: string }[];
  /** Each distinct value of the status, category and qualifier columns, and what it maps to. */
  valueChoices: Partial<Record<ValueMappedField, ValueChoice[]>>;
  rows: number;
  counts: ImportPlan["counts"];
  errors: RowError[];
  /** With `round`: per unit, how many amounts were rounded (in how many rows) and by how much in all. */
  rounding: { unit: string; amounts: number; rows: number; total: string }[];
  /** With `corrections`: per unit, how many rows corrected earlier ones and by how much in all. */
  corrections: { unit: string; rows: number; total: string }[];
  /** The invalid rows are left out and the valid ones imported, instead of nothing. */
  skipInvalid: boolean;
  /**
   * Reconciling a new release: the files imported before whose pledges this file matches, and
   * those files' pledges it no longer has (never deleted; withdrawn only when asked).
   */
  release: {
    previousFiles: string[];
    missing: Pick<MissingPledge, "id" | "externalId" | "title" | "status">[];
    missingCount: number;
    withdrawMissing: boolean;
  };
  newStakeholders: NewStakeholder[];
  newConditions: string[];
  newSources: string[];
  /** The first rows that change something, for the analyst to look over, field by field. */
  changes: {
    row: number;
    action: "create" | "update";
    title: string;
    changed: string[];
    details: { field: string; from: string; to: string }[];
  }[];
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
  /** The preview's row errors, a slice per line, before the result (whose preview then has none). */
  | { type: "errors"; errors: RowError[] }
  | { type: "result"; outcome: ImportOutcome; errorsTotal: number; errorKinds: ErrorKind[] }
  | { type: "error"; status: number; message: string };

const maxDistinctValues = 100;
/** Pledges missing from a new release listed in the preview; the count says how many in all. */
const missingListed = 200;

async function* hashed(body: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>) {
  for await (const chunk of body) {
    hash.update(chunk);
    yield chunk;
  }
}

/**
 * Identifies what a commit of this preview would write: the file and how it is read, each row's
 * action (and the version of what it updates), the records it creates, the pledges it withdraws
 * (as they were), and the day an unknown date stands for.
 */
function planDigest(
  preview: Omit<ImportPreview, "digest" | "changes">,
  plan: ImportPlan,
  withdrawn: readonly MissingPledge[],
  today: Date,
): string {
  const rows = plan.rows.map((r) =>
    r.action === "update"
      ? [r.row, r.action, r.existing.id, r.existing.version, r.changed]
      : [r.row, r.action],
  );
  return createHash("sha256")
    .update(
      JSON.stringify([
        preview.sha256,
        preview.fileName,
        today,
        preview.mapping,
        preview.skipInvalid,
        withdrawn.map((p) => [p.id, p.version, p.status]),
        rows,
        plan.errors.length,
        plan.newStakeholders,
        plan.newConditions,
        plan.newSources,
      ]),
    )
    .digest("hex");
}

/** What the command line's `--map`, `--value`, `--default`, `--kind` and `--round` add to a mapping. */
export type MappingAdditions = Partial<SavedMapping>;

/**
 * `mapping` with `also` on top: a field given a column or a template there loses any other column
 * or template; values, defaults and kinds are added.
 */
function withAlso(mapping: SavedMapping, also: MappingAdditions | undefined): SavedMapping {
  if (!also) return mapping;
  const columns = also.columns ?? {};
  const composed = also.composed ?? {};
  const fields = new Set<ImportField>([
    ...Object.values(columns),
    ...(Object.keys(composed) as ImportField[]),
  ]);
  const kept = Object.entries(mapping.columns).filter(([, field]) => !fields.has(field));
  const keptComposed = Object.entries(mapping.composed).filter(
    ([field]) => !fields.has(field as ImportField),
  );
  const values = { ...mapping.values };
  for (const [field, given] of Object.entries(also.values ?? {}) as [
    ValueMappedField,
    Record<string, string>,
  ][]) {
    // Values match ignoring case and spacing (readChoice): a given value replaces its look-alikes.
    const replaced = new Set(Object.keys(given).map(normalizeName));
    const kept = Object.entries(values[field] ?? {}).filter(([value]) => !replaced.has(normalizeName(value)));
    values[field] = { ...Object.fromEntries(kept), ...given };
  }
  return {
    columns: { ...Object.fromEntries(kept), ...columns },
    values,
    composed: { ...Object.fromEntries(keptComposed), ...composed },
    defaults: { ...mapping.defaults, ...also.defaults },
    round: also.round ?? mapping.round,
    corrections: also.corrections ?? mapping.corrections,
    stakeholderKinds: { ...mapping.stakeholderKinds, ...also.stakeholderKinds },
  };
}

/** Per unit, what rounding did to the amounts of the rows to be imported. */
function roundingOf(pledges: readonly ImportedPledge[]): ImportPreview["rounding"] {
  const units = new Map<string, { amounts: number; rows: number; total: Decimal }>();
  for (const pledge of pledges) {
    if (pledge.roundedBy.length === 0 || !pledge.quantityUnit) continue;
    const entry = units.get(pledge.quantityUnit) ?? { amounts: 0, rows: 0, total: { units: 0n, scale: 0 } };
    entry.rows++;
    for (const by of pledge.roundedBy) {
      entry.amounts++;
      entry.total = addDecimals(entry.total, by);
    }
    units.set(pledge.quantityUnit, entry);
  }
  return [...units].map(([unit, { amounts, rows, total }]) => ({
    unit,
    amounts,
    rows,
    total: decimalText(total),
  }));
}

/** A changed field's value as the preview shows it: amounts in major units, dates at their precision. */
function fieldText(pledge: ExistingPledge | ImportedPledge, field: string): string {
  const value = (pledge as unknown as Record<string, unknown>)[field];
  if (value === null || value === undefined) return "";
  if (typeof value === "bigint")
    return pledge.quantityUnit ? toDecimal(value, pledge.quantityUnit) : String(value);
  if (value instanceof Date)
    return isoDateAt(value, field === "announcedOn" ? pledge.announcedPrecision : "day");
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Each changed field of an update, from what is stored to what the row says; links are named only. */
function changeDetails(pledge: ImportedPledge, existing: ExistingPledge, changed: readonly string[]) {
  return changed.map((field) =>
    field === "stakeholders" || field === "conditions" || field === "sources"
      ? { field, from: "", to: "" }
      : { field, from: fieldText(existing, field), to: fieldText(pledge, field) },
  );
}

/** Whether the mapping makes external ids from row numbers. */
const rowNumberIds = (mapping: SavedMapping) =>
  mapping.composed.externalId?.includes(`{${rowPlaceholder}}`) ?? false;

/** Per unit, the corrections the plan applied. */
function correctionsOf(plan: ImportPlan): ImportPreview["corrections"] {
  const units = new Map<string, { rows: number; total: bigint }>();
  for (const { unit, amount } of plan.corrections) {
    const entry = units.get(unit) ?? { rows: 0, total: 0n };
    units.set(unit, { rows: entry.rows + 1, total: entry.total + amount });
  }
  return [...units].map(([unit, { rows, total }]) => ({ unit, rows, total: toDecimal(total, unit) }));
}

/** What the source standing for the file says of how it was read. */
function readingNotes(preview: ImportPreview): string[] {
  const notes: string[] = [];
  const invalid = preview.counts.invalid;
  if (preview.skipInvalid && invalid > 0) {
    const rows = [...new Set(preview.errors.map((e) => e.row))];
    notes.push(
      `${invalid} invalid ${invalid === 1 ? "row was" : "rows were"} left out (${invalid === 1 ? "row" : "rows"} ${rows.slice(0, 20).join(", ")}${rows.length > 20 ? ", …" : ""}).`,
    );
  }
  const withdrawn = preview.release.withdrawMissing ? preview.release.missingCount : 0;
  if (withdrawn > 0) {
    notes.push(
      `${withdrawn} ${withdrawn === 1 ? "pledge" : "pledges"} of ${preview.release.previousFiles.join(", ")} missing from this file recorded as withdrawn.`,
    );
  }
  for (const { unit, rows, total } of preview.corrections) {
    notes.push(
      `${rows} ${rows === 1 ? "row" : "rows"} of negative ${unit} amounts corrected earlier rows of the same stakeholders, category and unit, by ${total} ${unit} in all.`,
    );
  }
  for (const { unit, amounts, total } of preview.rounding) {
    notes.push(
      `${amounts} ${unit} ${amounts === 1 ? "amount was" : "amounts were"} rounded to the unit's precision, changing their sum by ${total} ${unit}.`,
    );
  }
  return notes;
}

export async function runImport(
  body: AsyncIterable<Uint8Array>,
  options: {
    fileName: string;
    mapping?: SavedMapping;
    /** Mapped on top of the mapping, given or proposed. */
    also?: MappingAdditions;
    /** Import the valid rows and leave out the invalid ones, rather than nothing. */
    skipInvalid?: boolean;
    /** Record the pledges of the release this file updates that it no longer has as withdrawn. */
    withdrawMissing?: boolean;
    /** Commit only if the plan's digest is this one (the preview the analyst confirmed); "any" commits any plan without errors. */
    commit?: { actor: Principal; expect: string | "any" };
    onProgress?: (progress: ImportProgress) => void;
    /** Stops the work (nothing written) once aborted: checked between rows and write batches. */
    signal?: AbortSignal;
    /** The language of the problems and warnings (the import page's); English by default. */
    locale?: Locale;
  },
): Promise<ImportOutcome> {
  const locale = options.locale ?? "en";
  const { say, label } = importWords(locale);
  const { signal } = options;
  const report = options.onProgress ?? (() => {});
  const progress = (step: ImportProgress) => {
    signal?.throwIfAborted();
    report(step);
  };
  const fileHash = createHash("sha256");
  // The day an "unknown" date stands for, the same for every row.
  const today = utcToday();
  // One copy of each name the rows repeat, for as long as the import runs.
  const shared = stringPool();
  let format: SpreadsheetFormat = "csv";
  let headers: string[] = [];
  let mapping = mappingOfColumns({});
  let derived = deriveColumns([], mapping);
  let problems: string[] = [];
  let rowCount = 0;
  const pledges: ImportedPledge[] = [];
  const rowErrors: RowError[] = [];
  const blankRows: number[] = [];
  const distinct = new Map<ValueMappedField, Map<string, number>>();
  // Every external id the file has, invalid rows' included: none of them is missing from it.
  const fileIds = new Set<string>();
  let idColumn = -1;
  const valueColumns: [ValueMappedField, number][] = [];

  for await (const event of readSpreadsheet(hashed(body, fileHash))) {
    if (event.type === "header") {
      format = event.format;
      headers = event.headers;
      mapping = withAlso(options.mapping ?? mappingOfColumns(proposeMapping(headers)), options.also);
      derived = deriveColumns(headers, mapping, label);
      problems = [...mappingProblems(headers, mapping, label), ...derived.problems].map(say);
      if (rowNumberIds(mapping) && options.withdrawMissing)
        problems.push(say(invalid("row.rowNumberWithdraw")));
      idColumn = derived.headers.findIndex((h) => derived.columns[h] === "externalId");
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
    const cells = derived.cells(event.row, event.cells);
    if (idColumn !== -1) {
      const id = cellContent(cells[idColumn] ?? null);
      if (id.ok && cellText(id.value) !== "") fileIds.add(cellText(id.value));
    }
    const outcome = readPledgeRow(event.row, derived.headers, cells, derived.columns, mapping.values, {
      round: mapping.round,
      corrections: mapping.corrections,
      today,
      shared,
      locale,
    });
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
  const plan = await planImport(
    problems.length > 0 ? [] : pledges,
    rowErrors,
    snapshot,
    blankRows,
    mapping.stakeholderKinds,
    locale,
  );
  const gaps =
    problems.length > 0
      ? { previousFiles: [], missing: [] }
      : await loadReleaseGaps(plan.matchedIds, fileIds);
  signal?.throwIfAborted();
  const withdrawn = options.withdrawMissing ? gaps.missing : [];
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
    warnings: [...(rowNumberIds(mapping) ? [say(invalid("row.rowNumberIds"))] : []), ...plan.warnings],
    missing: missingFields(headers, mapping),
    guesses: guessColumns(headers, mapping),
    valueChoices,
    rows: rowCount,
    counts: plan.counts,
    errors: plan.errors,
    rounding: roundingOf(pledges),
    corrections: correctionsOf(plan),
    skipInvalid: options.skipInvalid ?? false,
    release: {
      previousFiles: gaps.previousFiles,
      // The first of them: the digest covers them all.
      missing: gaps.missing
        .slice(0, missingListed)
        .map(({ id, externalId, title, status }) => ({ id, externalId, title, status })),
      missingCount: gaps.missing.length,
      withdrawMissing: options.withdrawMissing ?? false,
    },
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
                details: r.action === "update" ? changeDetails(r.pledge, r.existing, r.changed) : [],
              },
            ],
      )
      .slice(0, 200),
    digest: planDigest(base, plan, withdrawn, today),
  };

  const commit = options.commit;
  if (!commit) return { kind: "preview", preview };
  if (problems.length > 0 || (plan.errors.length > 0 && !preview.skipInvalid)) {
    return { kind: "preview", preview };
  }
  if (commit.expect !== "any" && commit.expect !== preview.digest) {
    return {
      kind: "conflict",
      preview,
      message: say(invalid("refusal.importPlanChanged")),
    };
  }
  try {
    const result = await commitImportPlan(
      commit.actor,
      plan,
      snapshot,
      {
        name: options.fileName,
        sha256: preview.sha256,
        notes: readingNotes(preview),
        skipInvalid: preview.skipInvalid,
        withdraw: withdrawn,
      },
      (done, total) => progress({ phase: "writing", done, total }),
    );
    return { kind: "committed", preview, result };
  } catch (error) {
    if (error instanceof ImportConflictError)
      return { kind: "conflict", preview, message: say(error.message) };
    throw error;
  }
}
