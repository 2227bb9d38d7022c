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
import { bearerHeaders } from "../tests/support/api-auth";

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

// Each test starts the command line several times (about 2 s each, more on a busy machine).
describe("npm run import", { timeout: 120_000 }, () => {
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
    const rows = Array.from({ length: 30 }, (_, i) => `CLI many ${i},France,Force,Q${1 + (i % 4)} 2022`);
    const many = file("many.csv", ["Title,Stakeholders,Category,Announced", ...rows].join("\n"));
    const errorsFile = path.join(database.dir, "problems.csv");
    const run = await runCli([many, "--dry-run", "--errors", errorsFile]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '30 rows, column "Announced": … is not a date; write it as YYYY-MM-DD, YYYY-MM, YYYY or … (rows 2, 3, 4, 5, 6, …)',
    );
    expect(run.stdout).toContain('e.g. row 2: "Q1 2022" is not a date');
    expect(run.stdout).not.toContain("Row 7, column");
    const written = parse(readFileSync(errorsFile, "utf8"), { bom: true }) as string[][];
    expect(written[0]).toEqual(["row", "column", "value", "problem"]);
    expect(written).toHaveLength(31);
    expect(written[30]).toEqual([
      "31",
      "Announced",
      "Q2 2022",
      '"Q2 2022" is not a date; write it as YYYY-MM-DD, YYYY-MM, YYYY or "unknown"',
    ]);
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
    const kind = await runCli([any, "--kind", "EIB=bank"]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('--kind "EIB=bank": write it as --kind "Stakeholder=kind"');
    expect((await runCli([any, "--default", "Colour=red"])).stderr).toContain(
      '"Colour" is not a pledge field',
    );
    expect((await runCli([any, "--rejected", "x.csv"])).stderr).toContain(
      "--rejected goes with --skip-invalid",
    );
  });

  it("imports a tracker's own layout with one command line: composed titles, row ids, defaults, month and year dates, rounding, kinds, invalid rows left out", async () => {
    const tracker = file(
      "tracker.csv",
      [
        "Donor,Date,Category,Measure,Value in EUR",
        "Germany,2022-03,Military,Tanks,1000.005",
        "EU Institutions,2022,Financial,Loan,2000.004",
        "European Investment Bank,2022-05-03,Financial,Guarantee,500",
        "France,,Military,Shells,100",
        "Poland,20222,Military,Shells,100",
      ].join("\n"),
    );
    const rejected = path.join(database.dir, "tracker-rejected.csv");
    const flags = [
      ...["--map", "Title={Measure} ({Donor}, {Date})", "--map", "External ID=kiel-{#row}"],
      ...["--map", "Stakeholders=Donor", "--map", "Quantity low=Value in EUR", "--default", "Unit=EUR"],
      ...["--default", "Announced=unknown"],
      ...["--value", "Category:Military=assistance", "--value", "Category:Financial=assistance"],
      ...[
        "--kind",
        "European Investment Bank=coalition",
        "--round",
        "--skip-invalid",
        "--rejected",
        rejected,
      ],
    ];
    const dry = await runCli([tracker, ...flags, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Will create 4, update 0, skip 0; 1 invalid rows.");
    expect(dry.stdout).toContain(
      "Stakeholders that will be created (2): EU Institutions (organisation: not a country); European Investment Bank (coalition: --kind)",
    );
    expect(dry.stdout).toContain(
      "Rounded (--round): 2 EUR amounts in 2 rows to the unit's precision; their sum changed by 0.001 EUR.",
    );
    expect(dry.stdout).toContain(
      `1 invalid row would be left out (--skip-invalid): written with its problems to ${rejected}`,
    );
    expect(await db().pledge.count({ where: { externalId: { startsWith: "kiel-" } } })).toBe(0);

    const run = await runCli([tracker, ...flags]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Imported: 4 created, 0 updated.");
    const pledges = await db().pledge.findMany({
      where: { externalId: { startsWith: "kiel-" } },
      orderBy: { externalId: "asc" },
      select: {
        externalId: true,
        title: true,
        quantityLow: true,
        quantityUnit: true,
        category: true,
        announcedOn: true,
        announcedPrecision: true,
      },
    });
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const today = day(new Date().toISOString().slice(0, 10));
    const euros = { quantityUnit: "EUR", category: "assistance" };
    expect(pledges).toEqual([
      {
        externalId: "kiel-2",
        title: "Tanks (Germany, 2022-03)",
        quantityLow: 100001n,
        ...euros,
        announcedOn: day("2022-03-01"),
        announcedPrecision: "month",
      },
      {
        externalId: "kiel-3",
        title: "Loan (EU Institutions, 2022)",
        quantityLow: 200000n,
        ...euros,
        announcedOn: day("2022-01-01"),
        announcedPrecision: "year",
      },
      {
        externalId: "kiel-4",
        title: "Guarantee (European Investment Bank, 2022-05-03)",
        quantityLow: 50000n,
        ...euros,
        announcedOn: day("2022-05-03"),
        announcedPrecision: "day",
      },
      {
        externalId: "kiel-5",
        title: "Shells (France, unknown)",
        quantityLow: 10000n,
        ...euros,
        announcedOn: today,
        announcedPrecision: "unknown",
      },
    ]);
    const kinds = await db().stakeholder.findMany({
      where: { name: { in: ["EU Institutions", "European Investment Bank", "Germany"] } },
      orderBy: { name: "asc" },
      select: { name: true, kind: true },
    });
    expect(kinds).toEqual([
      { name: "EU Institutions", kind: "organisation" },
      { name: "European Investment Bank", kind: "coalition" },
      { name: "Germany", kind: "state" },
    ]);
    const source = await db().source.findFirstOrThrow({ where: { fileName: "tracker.csv" } });
    expect(source.description).toContain("1 invalid row was left out (row 6).");
    expect(source.description).toContain(
      "2 EUR amounts were rounded to the unit's precision, changing their sum by 0.001 EUR.",
    );
    const left = parse(readFileSync(rejected, "utf8"), { bom: true }) as string[][];
    expect(left).toEqual([
      ["Donor", "Date", "Category", "Measure", "Value in EUR", "Problems"],
      [
        "Poland",
        "20222",
        "Military",
        "Shells",
        "100",
        'Date: "20222" is not a date; write it as YYYY-MM-DD, YYYY-MM, YYYY or "unknown"',
      ],
    ]);
  });

  it("without --skip-invalid, suggests it and --round beside the errors they would accept, and writes nothing", async () => {
    const cents = file(
      "cents.csv",
      "Title,Category,Announced,Quantity low,Unit\nFractional,force,2026-01-06,1.005,EUR\nNo date,force,,1,EUR\n",
    );
    const run = await runCli([cents]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'Row 2, column "Quantity low": "1.005" has more than 2 decimals for EUR (use --round to round them to the unit\'s precision)',
    );
    expect(run.stdout).toContain("or import the valid rows alone with --skip-invalid");
    expect(await db().pledge.count({ where: { title: "Fractional" } })).toBe(0);
  });

  it("reconciles a new release: prints each change and the pledges missing, and withdraws them with --withdraw-missing", async () => {
    const release = (rows: string[]) =>
      ["External ID,Title,Category,Quantity low,Unit,Announced", ...rows].join("\n");
    const v1 = file(
      "cli-release-v1.csv",
      release(["cr-1,CLI release A,force,10,items,2022", "cr-2,CLI release B,force,5,items,2022"]),
    );
    expect((await runCli([v1])).code).toBe(0);
    const v2 = file("cli-release-v2.csv", release(["cr-1,CLI release A,force,12,items,2022"]));
    const dry = await runCli([v2, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Row 2, "CLI release A": quantityLow 10 → 12; quantityHigh 10 → 12');
    expect(dry.stdout).toContain(
      "Missing from this file (1), though cli-release-v1.csv had them: CLI release B (cr-2).",
    );
    expect(dry.stdout).toContain("record them as withdrawn with --withdraw-missing");
    const run = await runCli([v2, "--withdraw-missing"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Imported: 0 created, 1 updated, 1 withdrawn as missing from this release.");
    expect(
      await db().pledge.findUniqueOrThrow({ where: { externalId: "cr-2" }, select: { status: true } }),
    ).toEqual({
      status: "withdrawn",
    });
  });

  it("imports a generated 5,000-row tracker (foreign headers, fractional cents, month-only dates, negative corrections, organisations) with one command line; the API's per-stakeholder totals are the file's sums as rounded", async () => {
    const donors = [
      "Allemagne",
      "Pologne",
      "Estonie",
      "Institutions de l'UE",
      "Banque européenne d'investissement",
    ];
    const categories = ["Militaire", "Financier", "Humanitaire"];
    // Amounts in thousandths of a euro: most have a fractional cent. Every 250th row is a
    // correction, a negative amount at the end of 2024 lowering an earlier row of its donor.
    const isCorrection = (i: number) => i % 250 === 249;
    const milli = (i: number) =>
      isCorrection(i) ? -(100_125 + (i % 7) * 1000) : 1_000_000 + ((i * 7_919) % 50_000_000) * 10 + (i % 7);
    const rows = Array.from({ length: 5000 }, (_, i) => {
      const month = String(1 + (i % 12)).padStart(2, "0");
      const date = isCorrection(i)
        ? "2024-12-20"
        : i % 3 === 0
          ? `${2022 + (i % 3)}-${month}`
          : `${2022 + (i % 3)}-${month}-15`;
      const size = Math.abs(milli(i));
      const amount = `${milli(i) < 0 ? "-" : ""}${Math.floor(size / 1000)}.${String(size % 1000).padStart(3, "0")}`;
      return [donors[i % donors.length], date, categories[i % 3], `Mesure ${i}`, amount].join(",");
    });
    const generated = file(
      "generated-tracker.csv",
      ["Donateur,Date,Catégorie,Mesure,Montant (EUR)", ...rows].join("\n"),
    );
    const run = await runCli([
      generated,
      ...["--map", "Title={Mesure} ({Donateur}, {Date})", "--map", "External ID=gen-{#row}"],
      ...[
        "--map",
        "Stakeholders=Donateur",
        "--map",
        "Category=Catégorie",
        "--map",
        "Quantity low=Montant (EUR)",
      ],
      ...["--default", "Unit=EUR", "--round", "--corrections"],
      ...categories.flatMap((category) => ["--value", `Category:${category}=assistance`]),
    ]);
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Imported: 4980 created, 0 updated.");
    expect(run.stdout).toContain(
      "Corrections (--corrections): 20 negative EUR rows lower the latest earlier row of the same stakeholders, category and unit",
    );
    expect(run.stdout).toContain(
      "Stakeholders that will be created (5): Allemagne (state: a country); Pologne (state: a country); Estonie (state: a country); Institutions de l'UE (organisation: not a country); Banque européenne d'investissement (organisation: not a country)",
    );

    // The file's sums per donor, each amount rounded half away from zero to the cent as --round does.
    const rounded = (i: number) => {
      const size = Math.abs(milli(i));
      return Math.sign(milli(i)) * (Math.floor(size / 10) + (size % 10 >= 5 ? 1 : 0));
    };
    const cents = new Map<string, number>();
    let difference = 0;
    for (let i = 0; i < 5000; i++) {
      cents.set(donors[i % donors.length]!, (cents.get(donors[i % donors.length]!) ?? 0) + rounded(i));
      difference += rounded(i) * 10 - milli(i);
    }
    expect(run.stdout).toContain(`their sum changed by ${(difference / 1000).toString()} EUR`);
    const { GET } = await import("@/app/api/v1/breakdown/route");
    const response = await GET(
      new Request("http://localhost/api/v1/breakdown?by=stakeholder&metric=EUR", {
        headers: await bearerHeaders("viewer"),
      }),
      { params: Promise.resolve({}) },
    );
    const body = (await response.json()) as {
      data: { label: string; pledged: { low: number; high: number } }[];
    };
    for (const donor of donors) {
      const row = body.data.find((r) => r.label === donor);
      expect(row, donor).toBeDefined();
      expect(Math.round(row!.pledged.low * 100), donor).toBe(cents.get(donor));
      expect(row!.pledged.high, donor).toBe(row!.pledged.low);
    }
    const months = await db().pledge.count({
      where: { externalId: { startsWith: "gen-" }, announcedPrecision: "month" },
    });
    expect(months).toBe(1667 - 7);
  }, 120_000);

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
