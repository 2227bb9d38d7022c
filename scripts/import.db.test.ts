// `npm run import` as a person runs it: exit codes, the preview it prints, and that a file with any
// bad row writes nothing.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { seededTestDatabase } from "../tests/support/seeded-database";
import { createMigratedDatabase } from "../tests/support/temp-database";

const { db, database } = await seededTestDatabase();
const { streamDatasetRows } = await import("@/features/reports/queries");
const { datasetJson } = await import("@/features/reports/exports/dataset");

async function runCli(args: string[], url = database.url) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      "npx",
      ["tsx", "--conditions=react-server", "scripts/import.ts", ...args],
      { env: { ...process.env, DATABASE_URL: url } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function file(name: string, content: string) {
  const target = path.join(database.dir, name);
  writeFileSync(target, content);
  return target;
}

const header =
  "External ID,Title,Stakeholders,Category,Quantity low,Quantity-High,unit,QUALIFIER,Status,Announced,Source URL,Source title";

describe("npm run import", () => {
  it("exits 1 naming each bad row as the spreadsheet shows it, and writes nothing", async () => {
    const before = await db().pledge.count();
    const bad = file(
      "bad.csv",
      [
        header,
        'cli-1,CLI pledge,France,Force,"1,200",,personnel,up to,announced,2026-01-06,,',
        "cli-2,CLI bad,France,Force,many,,personnel,,announced,2026-13-01,,",
      ].join("\n"),
    );
    const run = await runCli([bad]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Row 3, column "Quantity low": "many" is not a number');
    expect(run.stdout).toContain('Row 3, column "Announced": "2026-13-01" is not a calendar date');
    expect(run.stdout).toContain("Nothing was imported");
    expect(await db().pledge.count()).toBe(before);
  });

  it("maps headers and values by name, reads 1,200, and a second run changes nothing", async () => {
    const good = file(
      "good.csv",
      [
        header,
        'cli-1,CLI pledge,France,Force,"1,200","1,500",personnel,up to,In progress,2026-01-06,https://example.org/cli,CLI source',
      ].join("\n"),
    );
    const dry = await runCli([good, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Quantity-High → Quantity high");
    expect(dry.stdout).toContain("Will create 1, update 0, skip 0; 0 invalid rows.");
    expect(dry.stdout).toContain("Sources that will be created (1): CLI source");
    expect(await db().pledge.count({ where: { externalId: "cli-1" } })).toBe(0);

    const run = await runCli([good]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Imported: 1 created, 0 updated.");
    expect(run.stderr).toContain("100%");
    const pledge = await db().pledge.findUniqueOrThrow({ where: { externalId: "cli-1" } });
    expect(pledge).toMatchObject({
      quantityLow: 1200n,
      quantityHigh: 1500n,
      quantityQualifier: "up_to",
      status: "in_progress",
    });

    const again = await runCli([good]);
    expect(again.stdout).toContain("Nothing to change: the database already matches the file.");
  });

  it("refuses unknown saved mappings and missing files as usage mistakes", async () => {
    expect((await runCli([file("x.csv", "Title\nx\n"), "--mapping", "Nope"])).code).toBe(2);
    expect((await runCli(["/no/such/file.csv"])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
  });

  it("names the required fields a file's columns miss, with guesses and the flags that map them", async () => {
    const foreign = file(
      "foreign.csv",
      [
        "Donor,Date,Category,Measure,Value in EUR",
        "CLI donor,2026-01-06,Military,CLI measure one,12.50",
      ].join("\n"),
    );
    const run = await runCli([foreign, "--dry-run"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Required fields no column fills: Title.");
    expect(run.stdout).toContain("The file's columns: Donor, Date, Category, Measure, Value in EUR.");
    expect(run.stdout).toContain("Measure → Title?");
    expect(run.stdout).toContain("Donor → Stakeholders?");
    expect(run.stdout).toContain('--map "Title=Measure" --map "Stakeholders=Donor"');
  });

  it("maps columns and values from flags, saves the mapping, and imports with it again", async () => {
    const foreign = file(
      "foreign-mapped.csv",
      [
        "Donor,Date,Category,Measure,Value,Currency",
        "CLI donor,2026-01-06,Military,CLI mapped measure,12.50,EUR",
      ].join("\n"),
    );
    const flags = ["--map", "Title=Measure", "--map", "Stakeholders=Donor", "--map", "Quantity low=Value"];
    const run = await runCli([
      foreign,
      ...flags,
      "--value",
      "Category:Military=assistance",
      "--save-mapping",
      "CLI foreign",
    ]);
    expect(run.stdout).toContain('Mapping saved as "CLI foreign"');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const pledge = await db().pledge.findFirstOrThrow({ where: { title: "CLI mapped measure" } });
    expect(pledge).toMatchObject({ category: "assistance", quantityUnit: "EUR", quantityLow: 1250n });
    const again = await runCli([foreign, "--mapping", "CLI foreign"]);
    expect(again.stdout).toContain("Nothing to change");
    // The same mapping from a file, in the shape the browser saves.
    const saved = await db().importMapping.findFirstOrThrow({ where: { name: "CLI foreign" } });
    const mappingFile = file(
      "mapping.json",
      JSON.stringify({ columns: JSON.parse(saved.columns), values: JSON.parse(saved.values) }),
    );
    expect((await runCli([foreign, "--mapping-file", mappingFile])).stdout).toContain("Nothing to change");
  });

  it("summarises many row errors by kind, and writes every one to a CSV file", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `CLI many ${i},France,Force,2022-0${1 + (i % 9)}`);
    const many = file("many.csv", ["Title,Stakeholders,Category,Announced", ...rows].join("\n"));
    const errorsFile = path.join(database.dir, "problems.csv");
    const run = await runCli([many, "--dry-run", "--errors", errorsFile]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '30 rows, column "Announced": … is not a date; write it as YYYY-MM-DD (rows 2, 3, 4, 5, 6, …)',
    );
    expect(run.stdout).toContain('e.g. row 2: "2022-01" is not a date');
    expect(run.stdout).not.toContain("Row 7, column");
    const written = parse(readFileSync(errorsFile, "utf8")) as string[][];
    expect(written[0]).toEqual(["row", "column", "value", "problem"]);
    expect(written).toHaveLength(31);
    expect(written[30]).toEqual(["31", "Announced", "2022-03", '"2022-03" is not a date; write it as YYYY-MM-DD']);
  });

  it("refuses flags it cannot read, saying how to write them", async () => {
    const any = file("any.csv", "Title\nx\n");
    const map = await runCli([any, "--map", "Colour=Title"]);
    expect(map.code).toBe(2);
    expect(map.stderr).toContain('"Colour" is not a pledge field');
    const value = await runCli([any, "--value", "Category:Military=tanks"]);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('"tanks" is not a Category');
    expect((await runCli([any, "--mapping-file", file("bad.json", "{")])).stderr).toContain(
      "not a JSON file",
    );
    expect((await runCli([any, "--no-such-flag"])).code).toBe(2);
  });

  it("imports a dataset.json export into an empty database", async () => {
    let text = "";
    for await (const chunk of datasetJson(streamDatasetRows(), new Date())) text += chunk;
    const exported = file("dataset.json", text);
    const fresh = createMigratedDatabase();
    try {
      const run = await runCli([exported], fresh.url);
      expect(run.stdout).toContain("Imported");
      expect(run.code).toBe(0);
      const again = await runCli([exported], fresh.url);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("only be imported into a database with no pledge data");
    } finally {
      await fresh.remove();
    }
  });
});
