// npm run import -- FILE [--mapping NAME] [--dry-run] [--as EMAIL]
// Imports pledges from a CSV or XLSX file (or a whole dataset.json export into an empty database)
// into the database named by DATABASE_URL. Prints the preview; writes nothing unless every row is
// valid; exits 1 naming each bad row (the header is row 1), 2 for a usage mistake.
import { createReadStream, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { roleAllows, type Principal } from "../lib/access";
import { readDataset } from "../features/imports/dataset";
import { importFieldLabels } from "../features/imports/fields";
import { DatasetTargetNotEmptyError, importDataset } from "../features/imports/mutations";
import { getImportMapping } from "../features/imports/queries";
import { ImportFileError } from "../features/imports/read-spreadsheet";
import { runImport, type ImportPreview, type ImportProgress } from "../features/imports/run-import";
import { mappingName } from "../features/imports/schemas";
import { db } from "../server/db";
import { requireDatabaseUrl } from "../server/env";
import { loadEnv } from "../server/load-env";

const usage = "usage: npm run import -- FILE [--mapping NAME] [--dry-run] [--as EMAIL]";

const argsSchema = z.object({
  file: z.string({ error: "name the file to import" }),
  mapping: mappingName.optional(),
  "dry-run": z.boolean().default(false),
  as: z.email({ error: "--as must be an account's email address" }).optional(),
});

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
  for (const error of preview.errors)
    console.log(`Row ${error.row}, column "${error.column}": ${error.message}`);
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

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { mapping: { type: "string" }, "dry-run": { type: "boolean" }, as: { type: "string" } },
    allowPositionals: true,
  });
  const parsed = argsSchema.safeParse({ ...values, file: positionals[0] });
  if (!parsed.success || positionals.length > 1) {
    console.error(`${parsed.error?.issues.map((i) => i.message).join("; ") ?? "give one file"}\n${usage}`);
    return 2;
  }
  const { file, mapping: mappingNameArg, "dry-run": dryRun, as } = parsed.data;
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

  const mapping = mappingNameArg ? await getImportMapping(mappingNameArg) : undefined;
  if (mapping === null) {
    console.error(`There is no saved mapping named "${mappingNameArg}".`);
    return 2;
  }
  try {
    const outcome = await runImport(createReadStream(file), {
      fileName: path.basename(file),
      mapping,
      commit: dryRun ? undefined : { actor, expect: "any" },
      onProgress: progressPrinter(size || 1),
    });
    printPreview(outcome.preview);
    const { problems, errors } = outcome.preview;
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
