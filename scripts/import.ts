// npm run import -- FILE [--mapping NAME | --mapping-file FILE] [--map "Field=Column"]…
//   [--value "Field:Value=choice"]… [--save-mapping NAME] [--errors FILE] [--dry-run] [--as EMAIL]
// Imports pledges from a CSV or XLSX file (or a whole dataset.json export into an empty database)
// into the database named by DATABASE_URL. Prints the preview; writes nothing unless every row is
// valid; exits 1 naming each bad row (the header is row 1) or the fields no column fills, with the
// flags that would map them; 2 for a usage mistake.
import { createReadStream, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { roleAllows, type Principal } from "../lib/access";
import { readDataset } from "../features/imports/dataset";
import {
  fieldForHeader,
  importFieldLabels,
  importFields,
  valueChoiceLabels,
  valueMappedFields,
  type ImportField,
  type ValueMappedField,
} from "../features/imports/fields";
import { DatasetTargetNotEmptyError, importDataset, saveImportMapping } from "../features/imports/mutations";
import { stringify } from "csv-stringify/sync";
import { readChoice } from "../features/imports/cell-values";
import { summarizeErrors } from "../features/imports/error-summary";
import { getImportMapping } from "../features/imports/queries";
import { ImportFileError } from "../features/imports/read-spreadsheet";
import { runImport, type ImportPreview, type ImportProgress } from "../features/imports/run-import";
import { mappingName, savedMappingSchema, type SavedMapping } from "../features/imports/schemas";
import { db } from "../server/db";
import { requireDatabaseUrl } from "../server/env";
import { loadEnv } from "../server/load-env";

/** Up to this many row errors are printed one by one; more are summarised by kind. */
const errorsListed = 20;

const usage = `usage: npm run import -- FILE [--mapping NAME | --mapping-file FILE] [--map "Field=Column"]…
         [--value "Field:Value=choice"]… [--save-mapping NAME] [--errors FILE] [--dry-run] [--as EMAIL]`;

const argsSchema = z
  .object({
    file: z.string({ error: "name the file to import" }),
    mapping: mappingName.optional(),
    "mapping-file": z.string().optional(),
    map: z.array(z.string()).default([]),
    value: z.array(z.string()).default([]),
    "save-mapping": mappingName.optional(),
    errors: z.string().min(1, "--errors names the CSV file to write the problems to").optional(),
    "dry-run": z.boolean().default(false),
    as: z.email({ error: "--as must be an account's email address" }).optional(),
  })
  .refine((args) => !(args.mapping && args["mapping-file"]), "give --mapping or --mapping-file, not both");

/** `--map "Title=Measure"`: the column (after the first "=") that fills the field (its header or name). */
function readMapFlags(flags: readonly string[]): Record<string, ImportField> | string {
  const remap: Record<string, ImportField> = {};
  for (const flag of flags) {
    const at = flag.indexOf("=");
    const field = at > 0 ? fieldForHeader(flag.slice(0, at)) : null;
    const column = flag.slice(at + 1);
    if (at <= 0 || column === "")
      return `--map "${flag}": write it as --map "Field=Column", e.g. --map "Title=Measure"`;
    if (!field) {
      return `--map "${flag}": "${flag.slice(0, at)}" is not a pledge field; the fields are ${importFields.map((f) => importFieldLabels[f]).join(", ")}`;
    }
    remap[column] = field;
  }
  return remap;
}

/** `--value "Category:Military=assistance"`: what a file's value means, for a field with fixed choices. */
function readValueFlags(flags: readonly string[], into: SavedMapping["values"]): string | null {
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
  return null;
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
    return `--mapping-file ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "mapping"}: ${i.message}`).join("; ")}`;
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
  if (preview.problems.length > 0) return;
  const { create, update, skip, invalid } = preview.counts;
  console.log(`Will create ${create}, update ${update}, skip ${skip}; ${invalid} invalid rows.`);
  const list = (what: string, names: string[]) => {
    if (names.length > 0) console.log(`${what} that will be created (${names.length}): ${names.join("; ")}`);
  };
  list("Stakeholders", preview.newStakeholders);
  list("Conditions", preview.newConditions);
  list("Sources", preview.newSources);
  if (preview.errors.length <= errorsListed) {
    for (const error of preview.errors)
      console.log(`Row ${error.row}, column "${error.column}": ${error.message}`);
    return;
  }
  // Thousands of errors read as a few kinds, each with its first rows and an example.
  const count = (n: number) => n.toLocaleString("en-GB");
  console.log(`${count(preview.errors.length)} problems, by kind:`);
  for (const kind of summarizeErrors(preview.errors)) {
    const more = kind.count > kind.rows.length ? ", …" : "";
    console.log(
      `  ${count(kind.count)} ${kind.count === 1 ? "row" : "rows"}, column "${kind.column}": ${kind.kind} (rows ${kind.rows.join(", ")}${more})`,
    );
    if (kind.example !== kind.kind) console.log(`    e.g. row ${kind.rows[0]}: ${kind.example}`);
  }
}

/** Every problem as CSV (row, column, problem), for a spreadsheet next to the file. */
function writeErrors(file: string, errors: ImportPreview["errors"]) {
  const rows = errors.map((error) => [error.row, error.column, error.message]);
  writeFileSync(file, stringify([["row", "column", "problem"], ...rows]));
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
      console.error(error.message);
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
      "save-mapping": { type: "string" },
      errors: { type: "string" },
      "dry-run": { type: "boolean" },
      as: { type: "string" },
    },
    allowPositionals: true,
  });

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
    console.error(`${parsed.error?.issues.map((i) => i.message).join("; ") ?? "give one file"}\n${usage}`);
    return 2;
  }
  const { file, mapping: mappingNameArg, "dry-run": dryRun, as } = parsed.data;
  const remap = readMapFlags(parsed.data.map);
  if (typeof remap === "string") {
    console.error(remap);
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
      ? ((await getImportMapping(mappingNameArg)) ?? `There is no saved mapping named "${mappingNameArg}".`)
      : undefined;
  if (typeof given === "string") {
    console.error(given);
    return 2;
  }
  const mappedValues: SavedMapping["values"] = {};
  const valueProblem = readValueFlags(parsed.data.value, mappedValues);
  if (valueProblem) {
    console.error(valueProblem);
    return 2;
  }
  try {
    const outcome = await runImport(createReadStream(file), {
      fileName: path.basename(file),
      mapping: given,
      also: { columns: remap, values: mappedValues },
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
    if (problems.length > 0 || errors.length > 0) {
      console.log("Nothing was imported: fix the rows above (or the mapping) and run the import again.");
      return 1;
    }
    switch (outcome.kind) {
      case "preview":
        console.log("Dry run: nothing was written.");
        return 0;
      case "conflict":
        console.error(outcome.message);
        return 1;
      case "committed":
        console.log(
          outcome.result.created + outcome.result.updated === 0
            ? "Nothing to change: the database already matches the file."
            : `Imported: ${outcome.result.created} created, ${outcome.result.updated} updated.`,
        );
        return 0;
    }
  } catch (error) {
    if (error instanceof ImportFileError) {
      console.error(error.message);
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
