// npm run import -- FILE [--mapping NAME | --mapping-file FILE] [--map "Field=Column"]…
//   [--map "Field={Column} {Other column}"]… [--value "Field:Value=choice"]… [--default "Field=Value"]…
//   [--kind "Stakeholder=kind"]… [--round] [--skip-invalid [--rejected FILE]] [--withdraw-missing]
//   [--save-mapping NAME] [--errors FILE] [--dry-run] [--as EMAIL]
// Imports pledges from a CSV or XLSX file (or a whole dataset.json export into an empty database)
// into the database named by DATABASE_URL. Prints the preview; writes nothing unless every row is
// valid (or --skip-invalid leaves the invalid ones out); exits 1 naming the bad rows (the header is
// row 1), by kind when there are many, or the fields no column fills, with the flags that would map
// them; 2 for a usage mistake.
import { inEnglish } from "../i18n/translate";
import { createReadStream, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "../lib/zod";
import { roleAllows, type Principal } from "../lib/access";
import { readDataset } from "../features/imports/dataset";
import {
  fieldForHeader,
  importFieldLabels,
  importFields,
  valueChoiceLabels,
  valueMappedFields,
  type ValueMappedField,
} from "../features/imports/fields";
import { DatasetTargetNotEmptyError, importDataset, saveImportMapping } from "../features/imports/mutations";
import { stringify } from "csv-stringify/sync";
import { utf8Mark } from "../lib/csv-cells";
import { cellContent, cellText, readChoice } from "../features/imports/cell-values";
import { problemsCsv, summarizeErrors } from "../features/imports/error-summary";
import { getImportMapping, UnreadableMappingError } from "../features/imports/queries";
import { ImportFileError, readSpreadsheet } from "../features/imports/read-spreadsheet";
import { isTemplate, rowPlaceholder } from "../features/imports/derived-columns";
import {
  runImport,
  type ImportPreview,
  type ImportProgress,
  type MappingAdditions,
} from "../features/imports/run-import";
import { stakeholderKindLabels, stakeholderKinds } from "../lib/rules/vocabulary";
import { mappingName, savedMappingSchema, type SavedMapping } from "../features/imports/schemas";
import { db } from "../server/db";
import { requireDatabaseUrl } from "../server/env";
import { loadEnv } from "../server/load-env";

/** Up to this many row errors are printed one by one; more are summarised by kind. */
const errorsListed = 20;
/** Changed rows and missing pledges printed one by one. */
const changesListed = 20;

const usage = `usage: npm run import -- FILE [--mapping NAME | --mapping-file FILE] [--map "Field=Column"]…
         [--map "Field={Column} {Other column}"]… [--map "External ID=#row"] [--value "Field:Value=choice"]…
         [--default "Field=Value"]… [--kind "Stakeholder=kind"]… [--round] [--skip-invalid [--rejected FILE]]
         [--withdraw-missing] [--save-mapping NAME] [--errors FILE] [--dry-run] [--as EMAIL]`;

const argsSchema = z
  .object({
    file: z.string({ error: "name the file to import" }),
    mapping: mappingName.optional(),
    "mapping-file": z.string().optional(),
    map: z.array(z.string()).default([]),
    value: z.array(z.string()).default([]),
    default: z.array(z.string()).default([]),
    kind: z.array(z.string()).default([]),
    round: z.boolean().default(false),
    corrections: z.boolean().default(false),
    "skip-invalid": z.boolean().default(false),
    "withdraw-missing": z.boolean().default(false),
    rejected: z.string().min(1, "--rejected names the CSV file for the rows left out").optional(),
    "save-mapping": mappingName.optional(),
    errors: z.string().min(1, "--errors names the CSV file to write the problems to").optional(),
    "dry-run": z.boolean().default(false),
    as: z.email({ error: "--as must be an account's email address" }).optional(),
  })
  .refine((args) => !(args.mapping && args["mapping-file"]), "give --mapping or --mapping-file, not both")
  .refine((args) => !args.rejected || args["skip-invalid"], "--rejected goes with --skip-invalid");

/** What to say of a flag naming no pledge field: the fields there are. */
const notAField = (flag: string, name: string) =>
  `${flag}: "${name}" is not a pledge field; the fields are ${importFields.map((f) => importFieldLabels[f]).join(", ")}`;

/**
 * `--map "Title=Measure"`: the column (after the first "=") that fills the field (its header or
 * name). `--map "Title={Donor} {Date}"` composes it from columns, `--map "External ID=#row"` (or
 * "kiel-{#row}") from the row number.
 */
function readMapFlags(flags: readonly string[]): Pick<SavedMapping, "columns" | "composed"> | string {
  const columns: SavedMapping["columns"] = {};
  const composed: SavedMapping["composed"] = {};
  for (const flag of flags) {
    const at = flag.indexOf("=");
    const column = flag.slice(at + 1);
    if (at <= 0 || column === "")
      return `--map "${flag}": write it as --map "Field=Column", e.g. --map "Title=Measure"`;
    const field = fieldForHeader(flag.slice(0, at));
    if (!field) return notAField(`--map "${flag}"`, flag.slice(0, at));
    if (column === rowPlaceholder) composed[field] = `{${rowPlaceholder}}`;
    else if (isTemplate(column)) composed[field] = column;
    else columns[column] = field;
  }
  return { columns, composed };
}

/** `--default "Unit=EUR"`: the value of a field for rows that leave it blank or have no column for it. */
function readDefaultFlags(flags: readonly string[]): SavedMapping["defaults"] | string {
  const defaults: SavedMapping["defaults"] = {};
  for (const flag of flags) {
    const at = flag.indexOf("=");
    const value = flag.slice(at + 1).trim();
    if (at <= 0 || value === "")
      return `--default "${flag}": write it as --default "Field=Value", e.g. --default "Unit=EUR"`;
    const field = fieldForHeader(flag.slice(0, at));
    if (!field) return notAField(`--default "${flag}"`, flag.slice(0, at));
    defaults[field] = value;
  }
  return defaults;
}

/** `--kind "EU Institutions=organisation"`: the kind of a stakeholder the import creates. */
function readKindFlags(flags: readonly string[]): SavedMapping["stakeholderKinds"] | string {
  const kinds: SavedMapping["stakeholderKinds"] = {};
  for (const flag of flags) {
    const at = flag.lastIndexOf("=");
    const name = flag.slice(0, Math.max(at, 0)).trim();
    const kind = readChoice(flag.slice(at + 1), stakeholderKinds, stakeholderKindLabels);
    if (at <= 0 || name === "" || !kind) {
      return `--kind "${flag}": write it as --kind "Stakeholder=kind", the kind one of ${stakeholderKinds.join(", ")}`;
    }
    kinds[name] = kind;
  }
  return kinds;
}

/** `--value "Category:Military=assistance"`: what a file's value means, for a field with fixed choices. */
function readValueFlags(flags: readonly string[]): SavedMapping["values"] | string {
  const into: SavedMapping["values"] = {};
  for (const flag of flags) {
    const colon = flag.indexOf(":");
    const equals = flag.lastIndexOf("=");
    const field = colon > 0 ? fieldForHeader(flag.slice(0, colon)) : null;
    if (colon <= 0 || equals < colon) {
      return `--value "${flag}": write it as --value "Field:Value=choice", e.g. --value "Category:Military=assistance"`;
    }
    if (!field || !(valueMappedFields as readonly string[]).includes(field)) {
      return `--value "${flag}": values can be mapped for ${valueMappedFields.map((f) => importFieldLabels[f]).join(", ")}`;
    }
    const choices = valueChoiceLabels[field as ValueMappedField];
    const target = flag.slice(equals + 1);
    // The same reading as a cell's: an identifier or a label, whatever the case and spacing.
    const choice = readChoice(target, Object.keys(choices), choices);
    if (!choice) {
      return `--value "${flag}": "${target}" is not a ${importFieldLabels[field]}; the choices are ${Object.keys(choices).join(", ")}`;
    }
    const values = (into[field as ValueMappedField] ??= {});
    values[flag.slice(colon + 1, equals)] = choice;
  }
  return into;
}

async function readMappingFile(file: string): Promise<SavedMapping | string> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return `--mapping-file ${file}: not a JSON file that can be read`;
  }
  const parsed = savedMappingSchema.safeParse(json);
  if (!parsed.success) {
    return `--mapping-file ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "mapping"}: ${inEnglish(i.message)}`).join("; ")}`;
  }
  return parsed.data;
}

/** The required fields no column fills, the file's headers, the likely columns and the flags that map them. */
function printMissing(preview: ImportPreview, given: readonly string[]) {
  if (preview.missing.length === 0) return;
  console.log(
    `Required fields no column fills: ${preview.missing.map((f) => importFieldLabels[f]).join(", ")}.`,
  );
  console.log(`The file's columns: ${preview.headers.map((h) => h || "(no header)").join(", ")}.`);
  if (preview.guesses.length > 0) {
    console.log("Best guesses:");
    for (const { field, header } of preview.guesses)
      console.log(`  ${header} → ${importFieldLabels[field]}?`);
  }
  const flags = preview.missing.map((field) => {
    const guess = preview.guesses.find((g) => g.field === field);
    return `--map "${importFieldLabels[field]}=${guess?.header ?? "Column"}"`;
  });
  const extra = preview.guesses
    .filter((g) => !preview.missing.includes(g.field))
    .map((g) => `--map "${importFieldLabels[g.field]}=${g.header}"`);
  // The command as it was run (quoted for a POSIX shell), with the flags that map the rest.
  const quoted = given.map((arg) => (/^[\w./=:-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`));
  const command = [...quoted.filter((arg) => arg !== "--dry-run"), ...flags, ...extra, "--dry-run"];
  console.log(`Map them, for example:\n  npm run import -- ${command.join(" ")}`);
}

/** A progress bar on a terminal; a line every 10 % when the output is a log. */
function progressPrinter(totalBytes: number) {
  let lastStep = -1;
  return (progress: ImportProgress) => {
    const [fraction, label] =
      progress.phase === "reading"
        ? [progress.bytes / totalBytes, `reading: ${progress.rows.toLocaleString("en-GB")} rows`]
        : progress.phase === "planning"
          ? [1, `checking ${progress.rows.toLocaleString("en-GB")} rows against the database`]
          : [
              progress.done / progress.total,
              `writing: ${progress.done.toLocaleString("en-GB")} of ${progress.total.toLocaleString("en-GB")}`,
            ];
    const percent = Math.min(100, Math.round(fraction * 100));
    if (process.stderr.isTTY) {
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      process.stderr.write(
        `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(percent).padStart(3)}% ${label}\x1b[K`,
      );
      if (progress.phase === "planning") process.stderr.write("\n");
    } else if (Math.floor(percent / 10) !== lastStep || progress.phase === "planning") {
      lastStep = Math.floor(percent / 10);
      process.stderr.write(`${String(percent).padStart(3)}% ${label}\n`);
    }
  };
}

const count = (n: number) => n.toLocaleString("en-GB");

/** "EU Institutions (organisation: not a country)". */
function stakeholderWords({ name, kind, basis }: ImportPreview["newStakeholders"][number]): string {
  const why = {
    named: "--kind",
    column: "its column",
    country: "a country",
    "not a country": "not a country",
  };
  return `${name} (${stakeholderKindLabels[kind].toLowerCase()}: ${why[basis]})`;
}

/** What to add to the command line so that rows of this kind are accepted. */
const fixFlags: Record<NonNullable<ImportPreview["errors"][number]["fix"]>, string> = {
  round: "use --round to round them to the unit's precision",
  corrections: "use --corrections to read them as corrections of earlier rows",
};

/** The first updates, field by field: "Row 3, kiel-2: quantity_low 100 → 120". */
function printChanges(preview: ImportPreview) {
  const updates = preview.changes.filter((change) => change.action === "update");
  if (updates.length === 0) return;
  console.log(
    `Changes (${updates.length === preview.counts.update ? "" : "the first "}${count(updates.length)}):`,
  );
  for (const change of updates.slice(0, changesListed)) {
    const fields = change.details.map(({ field, from, to }) =>
      from === "" && to === "" ? `${field} changed` : `${field} ${from || "(none)"} → ${to || "(none)"}`,
    );
    console.log(`  Row ${change.row}, "${change.title}": ${fields.join("; ")}`);
  }
  if (updates.length > changesListed)
    console.log(`  … and ${count(preview.counts.update - changesListed)} more.`);
}

/** The pledges of the release this file updates that it no longer has, and what happens to them. */
function printRelease(preview: ImportPreview) {
  const { previousFiles, missing, missingCount, withdrawMissing } = preview.release;
  if (missingCount === 0) return;
  console.log(
    `Missing from this file (${count(missingCount)}), though ${previousFiles.join(", ")} had them: ${missing
      .slice(0, changesListed)
      .map((p) => `${p.title} (${p.externalId})`)
      .join("; ")}${missingCount > changesListed ? "; …" : ""}.`,
  );
  console.log(
    withdrawMissing
      ? "  They will be recorded as withdrawn, citing this file (--withdraw-missing)."
      : "  They are kept as they are; record them as withdrawn with --withdraw-missing.",
  );
}

function printPreview(preview: ImportPreview) {
  console.log(
    `${preview.fileName} (${preview.format.toUpperCase()}, ${preview.rows.toLocaleString("en-GB")} rows below the header)`,
  );
  console.log("Columns:");
  for (const header of preview.headers) {
    const field = preview.mapping.columns[header];
    console.log(`  ${header || "(no header)"} → ${field ? importFieldLabels[field] : "ignored"}`);
  }
  for (const problem of preview.problems) console.log(`Mapping problem: ${problem}`);
  for (const warning of preview.warnings) console.log(`Note: ${warning}`);
  if (preview.problems.length > 0) return;
  const { create, update, skip, invalid } = preview.counts;
  console.log(`Will create ${create}, update ${update}, skip ${skip}; ${invalid} invalid rows.`);
  const list = (what: string, names: string[]) => {
    if (names.length > 0) console.log(`${what} that will be created (${names.length}): ${names.join("; ")}`);
  };
  list("Stakeholders", preview.newStakeholders.map(stakeholderWords));
  if (preview.newStakeholders.length > 0) {
    console.log(
      '  A kind is wrong? Say it with --kind "Name=organisation" (state, organisation, coalition, person).',
    );
  }
  list("Conditions", preview.newConditions);
  list("Sources", preview.newSources);
  printChanges(preview);
  printRelease(preview);
  for (const { unit, rows, total } of preview.corrections) {
    console.log(
      `Corrections (--corrections): ${count(rows)} negative ${unit} ${rows === 1 ? "row lowers" : "rows lower"} the latest earlier row of the same stakeholders, category and unit, by ${total} ${unit} in all.`,
    );
  }
  for (const { unit, amounts, rows, total } of preview.rounding) {
    console.log(
      `Rounded (--round): ${count(amounts)} ${unit} amounts in ${count(rows)} rows to the unit's precision; their sum changed by ${total} ${unit}.`,
    );
  }
  if (preview.errors.length <= errorsListed) {
    for (const error of preview.errors)
      console.log(
        `Row ${error.row}, column "${error.column}": ${error.message}${error.fix ? ` (${fixFlags[error.fix]})` : ""}`,
      );
    return;
  }
  // Thousands of errors read as a few kinds, each with its first rows and an example.
  console.log(`${count(preview.errors.length)} problems, by kind:`);
  for (const kind of summarizeErrors(preview.errors)) {
    const more = kind.count > kind.rows.length ? ", …" : "";
    console.log(
      `  ${count(kind.count)} ${kind.count === 1 ? "row" : "rows"}, column "${kind.column}": ${kind.kind} (rows ${kind.rows.join(", ")}${more})${kind.fix ? ` — ${fixFlags[kind.fix]}` : ""}`,
    );
    if (kind.example !== kind.kind) console.log(`    e.g. row ${kind.rows[0]}: ${kind.example}`);
  }
}

/**
 * The rows left out, as the file has them (read again, so that nothing was held while importing),
 * with a last column saying what is wrong with each: fix them there and import that file.
 */
async function writeRejectedRows(
  file: string,
  target: string,
  errors: ImportPreview["errors"],
): Promise<number> {
  const problems = new Map<number, string[]>();
  for (const error of errors) {
    const list = problems.get(error.row) ?? [];
    list.push(`${error.column}: ${error.message}`);
    problems.set(error.row, list);
  }
  const lines: string[][] = [];
  for await (const event of readSpreadsheet(createReadStream(file))) {
    if (event.type === "header") {
      lines.push([...event.headers, "Problems"]);
      continue;
    }
    const found = problems.get(event.row);
    if (!found) continue;
    const cells = event.cells.map((cell) => {
      const content = cellContent(cell);
      return content.ok ? cellText(content.value) : "";
    });
    lines.push([
      ...cells,
      ...Array<string>(Math.max(0, lines[0]!.length - 1 - cells.length)).fill(""),
      found.join("; "),
    ]);
  }
  // Raw, as the file had them (to fix and import again), behind a byte-order mark for spreadsheets.
  writeFileSync(target, utf8Mark + stringify(lines));
  return problems.size;
}

/** Every problem as CSV (row, column, value, problem), for a spreadsheet next to the file. */
function writeErrors(file: string, errors: ImportPreview["errors"]) {
  writeFileSync(file, problemsCsv(errors));
  console.log(`Every problem (${errors.length.toLocaleString("en-GB")}) written to ${file}.`);
}

async function actorFor(email: string | undefined): Promise<Principal | string> {
  if (!email)
    return {
      kind: "system",
      id: "command-line",
      name: `Command line (${userInfo().username})`,
      role: "admin",
    };
  const user = await db().user.findUnique({ where: { email }, select: { id: true, name: true, role: true } });
  if (!user) return `There is no account with the email ${email}.`;
  if (!roleAllows(user.role, "edit")) return `${email} is a ${user.role}; imports need an analyst or admin.`;
  return { kind: "user", id: user.id, name: user.name, role: user.role };
}

async function importDatasetFile(file: string, actor: Principal, dryRun: boolean): Promise<number> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch {
    console.error(`${file} is not valid JSON.`);
    return 1;
  }
  const dataset = readDataset(json);
  if (!dataset.ok) {
    for (const error of dataset.errors) console.error(error);
    return 1;
  }
  const counts = Object.entries(dataset.rows).map(([table, rows]) => `${table} ${rows.length}`);
  console.log(`Dataset ${path.basename(file)}: ${counts.join(", ")}.`);
  if (dryRun) return 0;
  try {
    const result = await importDataset(actor, dataset.rows, path.basename(file));
    console.log(`Imported ${Object.values(result.rows).reduce((a, b) => a + b, 0)} rows.`);
    if (result.placeholderAuthors > 0) {
      console.log(
        `${result.placeholderAuthors} authors of history entries had no account here: they now have accounts without a password, so that the history keeps their names.`,
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof DatasetTargetNotEmptyError) {
      console.error(inEnglish(error.message));
      return 1;
    }
    throw error;
  }
}

const parseCommandLine = () =>
  parseArgs({
    options: {
      mapping: { type: "string" },
      "mapping-file": { type: "string" },
      map: { type: "string", multiple: true },
      value: { type: "string", multiple: true },
      default: { type: "string", multiple: true },
      kind: { type: "string", multiple: true },
      round: { type: "boolean" },
      corrections: { type: "boolean" },
      "skip-invalid": { type: "boolean" },
      "withdraw-missing": { type: "boolean" },
      rejected: { type: "string" },
      "save-mapping": { type: "string" },
      errors: { type: "string" },
      "dry-run": { type: "boolean" },
      as: { type: "string" },
    },
    allowPositionals: true,
  });

/** What `--map`, `--value`, `--default`, `--kind` and `--round` add to the mapping, or what is wrong with one. */
function flagAdditions(args: z.output<typeof argsSchema>): MappingAdditions | string {
  const mapped = readMapFlags(args.map);
  const values = readValueFlags(args.value);
  const defaults = readDefaultFlags(args.default);
  const stakeholderKinds = readKindFlags(args.kind);
  for (const read of [mapped, values, defaults, stakeholderKinds]) if (typeof read === "string") return read;
  return {
    ...(mapped as Pick<SavedMapping, "columns" | "composed">),
    values: values as SavedMapping["values"],
    defaults: defaults as SavedMapping["defaults"],
    stakeholderKinds: stakeholderKinds as SavedMapping["stakeholderKinds"],
    ...(args.round ? { round: true } : {}),
    ...(args.corrections ? { corrections: true } : {}),
  };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { values, positionals } = args;
  const parsed = argsSchema.safeParse({ ...values, file: positionals[0] });
  if (!parsed.success || positionals.length > 1) {
    console.error(
      `${parsed.error?.issues.map((i) => inEnglish(i.message)).join("; ") ?? "give one file"}\n${usage}`,
    );
    return 2;
  }
  const { file, mapping: mappingNameArg, "dry-run": dryRun, as } = parsed.data;
  const additions = flagAdditions(parsed.data);
  if (typeof additions === "string") {
    console.error(additions);
    return 2;
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    console.error(`Cannot read ${file}: no such file.`);
    return 2;
  }
  loadEnv();
  requireDatabaseUrl();
  const actor = await actorFor(as);
  if (typeof actor === "string") {
    console.error(actor);
    return 2;
  }
  if (file.toLowerCase().endsWith(".json")) return importDatasetFile(file, actor, dryRun);

  const given = parsed.data["mapping-file"]
    ? await readMappingFile(parsed.data["mapping-file"])
    : mappingNameArg
      ? ((await getImportMapping(mappingNameArg).catch((error: unknown) => {
          if (error instanceof UnreadableMappingError) return inEnglish(error.message);
          throw error;
        })) ?? `There is no saved mapping named "${mappingNameArg}".`)
      : undefined;
  if (typeof given === "string") {
    console.error(given);
    return 2;
  }
  try {
    const outcome = await runImport(createReadStream(file), {
      fileName: path.basename(file),
      mapping: given,
      also: additions,
      skipInvalid: parsed.data["skip-invalid"],
      withdrawMissing: parsed.data["withdraw-missing"],
      commit: dryRun ? undefined : { actor, expect: "any" },
      onProgress: progressPrinter(size || 1),
    });
    printPreview(outcome.preview);
    printMissing(outcome.preview, process.argv.slice(2));
    const { problems, errors } = outcome.preview;
    const saveAs = parsed.data["save-mapping"];
    if (saveAs && problems.length === 0) {
      await saveImportMapping(actor, saveAs, outcome.preview.mapping);
      console.log(
        `Mapping saved as "${saveAs}": use it again with --mapping "${saveAs}", here or in the browser.`,
      );
    } else if (saveAs) {
      console.log(`The mapping was not saved as "${saveAs}": it has the problems above.`);
    }
    if (parsed.data.errors && errors.length > 0) writeErrors(parsed.data.errors, errors);
    const skipping = outcome.preview.skipInvalid && problems.length === 0 && errors.length > 0;
    if (skipping) {
      const rejected =
        parsed.data.rejected ?? path.join(path.dirname(file), `${path.parse(file).name}.rejected.csv`);
      const rows = await writeRejectedRows(file, rejected, errors);
      console.log(
        `${count(rows)} invalid ${rows === 1 ? "row" : "rows"} ${outcome.kind === "committed" ? "left out" : "would be left out"} (--skip-invalid): written with ${rows === 1 ? "its" : "their"} problems to ${rejected}, to fix and import again.`,
      );
    } else if (problems.length > 0 || errors.length > 0) {
      console.log(
        "Nothing was imported: fix the rows above (or the mapping) and run the import again, or import the valid rows alone with --skip-invalid.",
      );
      return 1;
    }
    switch (outcome.kind) {
      case "preview":
        console.log("Dry run: nothing was written.");
        return 0;
      case "conflict":
        console.error(inEnglish(outcome.message));
        return 1;
      case "committed":
        console.log(
          outcome.result.created + outcome.result.updated + outcome.result.withdrawn === 0
            ? skipping && outcome.preview.counts.create + outcome.preview.counts.skip === 0
              ? "Nothing was imported: no row of the file is valid."
              : "Nothing to change: the database already matches the file."
            : `Imported: ${outcome.result.created} created, ${outcome.result.updated} updated${outcome.result.withdrawn > 0 ? `, ${outcome.result.withdrawn} withdrawn as missing from this release` : ""}.`,
        );
        return 0;
    }
  } catch (error) {
    if (error instanceof ImportFileError) {
      console.error(inEnglish(error.message));
      return 1;
    }
    throw error;
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
