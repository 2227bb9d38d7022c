// Imports against a real seeded SQLite file: files in every shape a spreadsheet user sends, the
// plan, the all-or-nothing commit, idempotence and the dataset round trip.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/access";
import type { ImportedPledge } from "./rows";
import { refusal } from "@tests/refusal";
import { seededTestDatabase } from "@tests/seeded-database";
import { createMigratedDatabase } from "@tests/temp-database";
import { holdWriteLock } from "@tests/write-lock";
import { sortKeyDrift } from "@tests/sort-keys";
import { totalsJournalDrift } from "@tests/totals-journal";

const { db, database } = await seededTestDatabase();
const { runImport } = await import("./run-import");
const { readSpreadsheet, ImportFileError } = await import("./read-spreadsheet");
const { commitImportPlan, ImportConflictError, importDataset, saveImportMapping } =
  await import("./mutations");
const { getImportMapping, loadImportSnapshot } = await import("./queries");
const { planImport } = await import("./plan");
const { readPledgeRow } = await import("./rows");
const { proposeMapping } = await import("./fields");
const { readDataset } = await import("./dataset");
const { mappingOfColumns } = await import("./schemas");
const { streamDatasetRows } = await import("@/features/reports/queries");
const { datasetJson } = await import("@/features/reports/exports/dataset");
const { createPrismaClient } = await import("@/server/prisma-client");

let analyst: Principal;

beforeAll(async () => {
  const user = await db().user.create({
    data: { name: "Ann Analyst", email: "ann@example.org", role: "analyst" },
  });
  analyst = { kind: "user", id: user.id, name: user.name, role: "analyst" };
});

async function* bytes(content: string | Uint8Array, chunkSize = 7) {
  const all = typeof content === "string" ? new TextEncoder().encode(content) : content;
  for (let i = 0; i < all.length; i += chunkSize) yield all.subarray(i, i + chunkSize);
}

const header =
  "External ID,Title,Stakeholders,Category,Quantity low,Quantity high,Unit,Qualifier,Status,Announced,Conditions,Source title,Source URL,Source quote";

const preview = async (content: string | Uint8Array, mapping?: Parameters<typeof runImport>[1]["mapping"]) =>
  (await runImport(bytes(content), { fileName: "test.csv", mapping })).preview;

const commit = (content: string | Uint8Array, fileName = "pledges.csv", expect: string = "any") =>
  runImport(bytes(content), { fileName, commit: { actor: analyst, expect } });

async function tableCounts() {
  const client = db();
  const [pledges, stakeholders, conditions, sources, changes, citations, audit] = await Promise.all([
    client.pledge.count(),
    client.stakeholder.count(),
    client.condition.count(),
    client.source.count(),
    client.statusChange.count(),
    client.citation.count(),
    client.auditEntry.count(),
  ]);
  return { pledges, stakeholders, conditions, sources, changes, citations, audit };
}

describe("reading files", () => {
  it("reads UTF-8 with a byte-order mark, semicolons and quoted line breaks, numbering rows as a spreadsheet does", async () => {
    const csv = `\uFEFFTitle;Category;Announced;Description\n"Two-line; pledge";force;2026-01-06;"first\nsecond"\n\nLast;force;2026-01-07;x\n`;
    const rows = [];
    for await (const event of readSpreadsheet(bytes(csv))) rows.push(event);
    expect(rows[0]).toEqual({
      type: "header",
      format: "csv",
      headers: ["Title", "Category", "Announced", "Description"],
    });
    expect(rows.slice(1).map((e) => (e.type === "row" ? [e.row, e.cells[0]] : null))).toEqual([
      [2, "Two-line; pledge"],
      [3, ""],
      [4, "Last"],
    ]);
  });

  it("reads UTF-16 files that carry their byte-order mark", async () => {
    const text = "Title,Category,Announced\nÉlysée pledge,force,2026-01-06\n";
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const result = await preview(utf16);
    expect(result.errors).toEqual([]);
    expect(result.changes[0]?.title).toBe("Élysée pledge");
  });

  it("refuses text in another encoding instead of guessing, naming the line", async () => {
    const latin1 = Buffer.from(
      "Title,Category,Announced\nOK,force,2026-01-06\nÉlysée,force,2026-01-06\n",
      "latin1",
    );
    expect(await refusal(preview(latin1))).toMatch(/not UTF-8 text \(line 3/);
  });

  it("refuses files that are not spreadsheets, and files over the size limit", async () => {
    await expect(
      preview(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0])),
    ).rejects.toMatchObject({ status: 415 });
    expect(await refusal(preview("%PDF-1.7\n..."))).toMatch(/PDF, not a spreadsheet/);
    expect(await refusal(preview(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toMatch(
      /97–2003/,
    );
    expect(await refusal(preview(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])))).toMatch(
      /not an XLSX workbook/,
    );
    expect(await refusal(preview(""))).toMatch(/empty/);
    expect(await refusal(preview("Title,Category,Announced\n"))).toMatch(/nothing below it/);
    const big = `Title\n${"x".repeat(2000)}\n`;
    const reading = async () => {
      for await (const _ of readSpreadsheet(bytes(big, 100), { maxBytes: 1000 })) void _;
    };
    await expect(reading()).rejects.toMatchObject({ status: 413 });
    expect(await refusal(reading())).toMatch(/larger than/);
    await expect(reading()).rejects.toBeInstanceOf(ImportFileError);
  });

  it("reads XLSX: numbers, date cells, formulas with saved values; refuses formulas without one", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Pledges");
    sheet.addRow(["Title", "Category", "Quantity low", "Unit", "Announced"]);
    sheet.addRow(["Sheet pledge", "Force", 1200, "personnel", new Date(Date.UTC(2026, 0, 6))]);
    sheet.addRow(["Formula pledge", "Force", { formula: "C2*2", result: 2400 }, "personnel", "2026-01-06"]);
    sheet.addRow(["Unsaved formula", "Force", { formula: "C2*3" }, "personnel", "2026-01-06"]);
    sheet.getColumn(5).numFmt = "yyyy-mm-dd";
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await preview(file);
    expect(result.format).toBe("xlsx");
    expect(result.errors).toEqual([
      {
        row: 4,
        column: "Quantity low",
        message:
          "the cell holds the formula =C2*3 with no saved value; save it from a spreadsheet or paste values",
      },
    ]);
    expect(result.changes.map((c) => c.title)).toEqual(["Sheet pledge", "Formula pledge"]);
  });
});

describe("the preview", () => {
  it("names the missing required columns before reading any row", async () => {
    const result = await preview("Name of pledge,Amount\nx,1\n");
    expect(result.problems).toEqual([
      "No column is mapped to Title, which is required.",
      "No column is mapped to Category, which is required.",
      "No column is mapped to Announced, which is required.",
    ]);
    expect(result.counts).toEqual({ create: 0, update: 0, skip: 0, invalid: 0 });
  });

  it("names every bad row as the spreadsheet numbers it, with the column and the reason", async () => {
    const csv = [
      header,
      'p-1,Good,France,force,"1,200",,personnel,up to,announced,2026-01-06,,,,',
      "p-2,Bad date,France,force,,,,,announced,31/02/2026,,,,",
      'p-3,Decimal troops,France,force,"2,5",,personnel,,announced,2026-01-06,,,,',
      "p-4,Unknown status,France,force,,,,,Commitment,2026-01-06,,,,",
      'p-1,Good,France,force,"1,200",,personnel,up to,announced,2026-01-06,,,,',
      'p-1,Good but different,France,force,"1,300",,personnel,up to,announced,2026-01-06,,,,',
    ].join("\n");
    const result = await preview(csv);
    expect(result.errors).toEqual([
      {
        row: 3,
        column: "Announced",
        value: "31/02/2026",
        message: '"31/02/2026" is not a calendar date',
      },
      {
        row: 4,
        column: "Quantity low",
        value: "2,5",
        message: '"2.5" has decimals, but personnel are counted in whole numbers',
        fix: "round",
      },
      {
        row: 5,
        column: "Status",
        value: "Commitment",
        message:
          '"Commitment" is not a known status; map it to one of: announced, committed, in_progress, delivered, stalled, withdrawn',
      },
      {
        row: 7,
        column: "External ID",
        message: "row 2 already describes this pledge differently; keep one of the two rows",
      },
    ]);
    expect(result.counts).toEqual({ create: 1, update: 0, skip: 1, invalid: 4 });
  });

  it("maps a file's own words onto statuses, and lists what will be created", async () => {
    const csv = [
      header,
      "m-1,Mapped,Atlantis (lead); France,Force,,,,,Commitment,2026-01-06,Parliament approves,Gazette,https://example.org/gazette,quote",
    ].join("\n");
    const before = await preview(csv);
    expect(before.valueChoices.status).toEqual([{ value: "Commitment", count: 1, mappedTo: null }]);
    const after = await preview(csv, { ...before.mapping, values: { status: { Commitment: "committed" } } });
    expect(after.errors).toEqual([]);
    expect(after.valueChoices.status).toEqual([{ value: "Commitment", count: 1, mappedTo: "committed" }]);
    expect(after.newStakeholders).toEqual([
      { name: "Atlantis", kind: "organisation", countryCode: null, basis: "not a country" },
    ]);
    expect(after.newConditions).toEqual(["Parliament approves"]);
    expect(after.newSources).toEqual(["Gazette"]);
  });
});

describe("committing", () => {
  const file = [
    header,
    'c-1,Import force pledge,France (lead); Freedonia,force,"1,200",,personnel,up to,committed,2026-01-06,Russia agrees to a ceasefire,Gazette,https://example.org/g,"up to 1,200"',
    'c-2,Import money pledge,Freedonia,assistance,"1.234,56",,EUR,,announced,6 January 2026,,,,',
  ].join("\n");

  it("writes everything at once, attributed to the analyst, with history and audit citing the file", async () => {
    const before = await tableCounts();
    const outcome = await commit(file);
    expect(outcome.kind).toBe("committed");
    const after = await tableCounts();
    expect(after.pledges - before.pledges).toBe(2);
    expect(after.stakeholders - before.stakeholders).toBe(1);
    expect(after.changes - before.changes).toBe(2);

    const pledge = await db().pledge.findUniqueOrThrow({
      where: { externalId: "c-1" },
      include: {
        stakeholders: { include: { stakeholder: true } },
        conditions: true,
        statusChanges: { include: { citations: { include: { source: true } } } },
      },
    });
    expect(pledge).toMatchObject({
      quantityLow: 1200n,
      quantityHigh: 1200n,
      quantityQualifier: "up_to",
      status: "committed",
    });
    expect(pledge.stakeholders.map((s) => `${s.stakeholder.name}:${s.role}`).sort()).toEqual([
      "France:lead",
      "Freedonia:pledger",
    ]);
    expect(pledge.conditions).toHaveLength(1);
    expect(pledge.statusChanges[0]).toMatchObject({
      toPledgeStatus: "committed",
      recordedById: analyst.id,
      note: "Imported from pledges.csv, row 2.",
    });
    // Its evidence, as for a pledge added in the editor: the row's source with its quote, and the
    // row of the file, cited by the pledge, its stated figure and its first status entry alike.
    const cited = (citations: { quote: string; source: { fileName: string | null } }[]) =>
      citations.map((c) => `${c.source.fileName ?? "source"}: ${c.quote}`).sort();
    const evidence = ["pledges.csv: Row 2 of pledges.csv", "source: up to 1,200"];
    expect(cited(pledge.statusChanges[0]!.citations)).toEqual(evidence);
    const citationsOf = (where: object) => db().citation.findMany({ where, include: { source: true } });
    expect(cited(await citationsOf({ pledgeId: pledge.id }))).toEqual(evidence);
    expect(cited(await citationsOf({ ledgerEvent: { pledgeId: pledge.id, fact: "stated" } }))).toEqual(
      evidence,
    );
    const money = await db().pledge.findUniqueOrThrow({ where: { externalId: "c-2" } });
    expect(money).toMatchObject({ quantityLow: 123456n, quantityUnit: "EUR" });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { entityId: pledge.id } });
    expect(audit).toMatchObject({
      action: "create",
      actorUserId: analyst.id,
      note: "Imported from pledges.csv, row 2.",
    });
    // The list's sort keys and the totals' journal, kept by triggers, hold for what the import wrote.
    expect(await sortKeyDrift(db())).toEqual([]);
    expect(await totalsJournalDrift()).toEqual([]);
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await tableCounts();
    const outcome = await commit(file);
    expect(outcome.preview.counts).toEqual({ create: 0, update: 0, skip: 2, invalid: 0 });
    expect(outcome.kind === "committed" && outcome.result).toEqual({
      created: 0,
      updated: 0,
      withdrawn: 0,
      fileSourceId: null,
    });
    expect(await tableCounts()).toEqual(before);
  });

  it("updates only what changed, recording the status change from → to", async () => {
    const changed = file.replace(",committed,2026-01-06", ",delivered,2026-01-06");
    const before = await db().pledge.findUniqueOrThrow({ where: { externalId: "c-1" } });
    const outcome = await commit(changed, "update.csv");
    expect(outcome.preview.counts).toMatchObject({ create: 0, update: 1, skip: 1 });
    expect(outcome.preview.changes).toEqual([
      {
        row: 2,
        action: "update",
        title: "Import force pledge",
        changed: ["status"],
        details: [{ field: "status", from: "committed", to: "delivered" }],
      },
    ]);
    const after = await db().pledge.findUniqueOrThrow({ where: { externalId: "c-1" } });
    expect(after).toMatchObject({ status: "delivered", version: before.version + 1 });
    const change = await db().statusChange.findFirstOrThrow({
      where: { pledgeId: after.id, fromPledgeStatus: "committed" },
    });
    expect(change).toMatchObject({ toPledgeStatus: "delivered", note: "Imported from update.csv, row 2." });
  });

  it("records pledges in the audit log in the one shape the editor records them in", async () => {
    const { updatePledge } = await import("@/features/editing/mutations");
    const pledge = await db().pledge.findUniqueOrThrow({ where: { externalId: "c-1" } });
    await updatePledge(analyst, pledge.id, { version: pledge.version, scope: "Edited after the import" });
    const entries = await db().auditEntry.findMany({
      where: { entityType: "Pledge", entityId: pledge.id },
      orderBy: { occurredAt: "asc" },
    });
    // Created and updated by the import, then updated in the editor.
    expect(entries.map((e) => [e.action, e.note?.startsWith("Imported") ?? false])).toEqual([
      ["create", true],
      ["update", true],
      ["update", false],
    ]);
    const shapes = entries.flatMap((e) => [e.before, e.after]).filter((json) => json !== null);
    const keys = shapes.map((json) =>
      Object.keys(JSON.parse(json!) as object)
        .sort()
        .join(","),
    );
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toContain("conditionIds");
    expect(keys[0]).not.toMatch(/(^|,)conditions(,|$)/);
  });

  it("matches rows without an external id by title and stakeholders", async () => {
    const noId =
      "Title,Stakeholders,Category,Announced,Scope\nImport money pledge,Freedonia,assistance,2026-01-06,Kyiv\n";
    const outcome = await commit(noId, "no-id.csv");
    expect(outcome.preview.counts).toMatchObject({ update: 1, create: 0 });
    expect(await db().pledge.findUniqueOrThrow({ where: { externalId: "c-2" } })).toMatchObject({
      scope: "Kyiv",
    });
  });

  it("finds a pledge by title for a row whose external id is new only when the pledge has none of its own", async () => {
    const loose = await commit(
      "Title,Stakeholders,Category,Announced\nLoose radar pledge,France; Freedonia,enablers,2026-02-01\n",
      "loose.csv",
    );
    expect(loose.preview.counts).toMatchObject({ create: 1 });
    const withId = (id: string, title: string, stakeholders: string) =>
      `External ID,Title,Stakeholders,Category,Announced\n${id},${title},${stakeholders},enablers,2026-02-01\n`;
    // Case, spacing and the order of the stakeholders do not matter; the pledge takes the id.
    const named = await commit(withId("loose-1", " loose RADAR  pledge", "Freedonia; France"), "ids.csv");
    expect(named.preview.counts).toMatchObject({ create: 0, update: 1 });
    expect(named.preview.changes[0]?.changed).toEqual(["title", "externalId"]);
    const stored = await db().pledge.findUniqueOrThrow({ where: { externalId: "loose-1" } });
    expect(stored.title).toBe("loose RADAR  pledge");
    // The namesake now has an id of its own: another id is another pledge.
    const other = await commit(withId("loose-2", "loose RADAR  pledge", "France; Freedonia"), "ids-2.csv");
    expect(other.preview.counts).toMatchObject({ create: 1, update: 0 });
    expect(await db().pledge.count({ where: { title: "loose RADAR  pledge", deletedAt: null } })).toBe(2);
  });

  it("writes nothing when the plan changed after the preview, or a row is invalid", async () => {
    const changed = file.replace("Import force pledge", "Renamed force pledge");
    const { preview: seen } = await runImport(bytes(changed), { fileName: "x.csv" });
    const pledge = await db().pledge.findUniqueOrThrow({ where: { externalId: "c-1" } });
    await db().pledge.update({ where: { id: pledge.id }, data: { version: { increment: 1 } } });
    const before = await tableCounts();
    const outcome = await commit(changed, "x.csv", seen.digest);
    expect(outcome.kind).toBe("conflict");
    expect(await tableCounts()).toEqual(before);

    const invalid = await commit(`${changed}\nc-9,Bad,France,force,,,,,announced,not a date,,,,`);
    expect(invalid.kind).toBe("preview");
    expect(invalid.preview.errors).toHaveLength(1);
    expect(await tableCounts()).toEqual(before);
  });

  it("rolls back everything when a write fails part-way", async () => {
    // Planned, then a pledge the plan updates moves on, then the plan is written without the
    // digest check: the file's source, a new stakeholder and a new pledge go in before the update
    // finds its version gone, and all of them must go again.
    const csv = `${header}\nc-10,Rolled-back new pledge,Elbonia,force,,,,,announced,2026-01-06,,,,\nc-1,Renamed force pledge,France (lead); Freedonia,force,"1,200",,personnel,up to,delivered,2026-01-06,,,,`;
    let headers: string[] = [];
    const pledges: ImportedPledge[] = [];
    for await (const event of readSpreadsheet(bytes(csv))) {
      if (event.type === "header") headers = event.headers;
      else {
        const outcome = readPledgeRow(event.row, headers, event.cells, proposeMapping(headers));
        if (outcome.kind === "pledge") pledges.push(outcome.pledge);
      }
    }
    const snapshot = await loadImportSnapshot(pledges);
    const plan = await planImport(pledges, [], snapshot);
    expect(plan.rows.map((r) => r.action)).toEqual(["create", "update"]);
    expect(plan.newStakeholders.map((s) => s.name)).toEqual(["Elbonia"]);

    const target = await db().pledge.findUniqueOrThrow({ where: { externalId: "c-1" } });
    await db().pledge.update({ where: { id: target.id }, data: { version: { increment: 1 } } });
    const before = await tableCounts();
    await expect(
      commitImportPlan(analyst, plan, snapshot, {
        name: "r.csv",
        sha256: "0".repeat(64),
        notes: [],
        skipInvalid: false,
        withdraw: [],
      }),
    ).rejects.toBeInstanceOf(ImportConflictError);
    expect(await tableCounts()).toEqual(before);
    expect(await db().stakeholder.count({ where: { name: "Elbonia" } })).toBe(0);
  });
});

describe("a new release of a file already imported", () => {
  const release = (rows: string[]) =>
    ["External ID,Title,Stakeholders,Category,Quantity low,Unit,Announced", ...rows].join("\n");
  const first = release([
    "rel-1,Release radars,France,enablers,100,items,2022-03",
    "rel-2,Release trucks,France,assistance,20,items,2022-04",
    "rel-3,Release boats,France,assistance,3,items,2022-05",
  ]);
  const second = release([
    "rel-1,Release radars,France,enablers,120,items,2022-03",
    "rel-2,Release trucks,France,assistance,20,items,2022-04",
    "rel-4,Release drones,France,assistance,7,items,2022-06",
  ]);
  const run = (
    content: string,
    fileName: string,
    options: { withdrawMissing?: boolean; skipInvalid?: boolean } = {},
  ) => runImport(bytes(content), { fileName, commit: { actor: analyst, expect: "any" }, ...options });
  const statusOf = async (externalId: string) =>
    (await db().pledge.findUniqueOrThrow({ where: { externalId }, select: { status: true } })).status;

  it("says what is created, changed field by field, unchanged and missing; keeps the missing unless asked", async () => {
    expect(await run(first, "release-1.csv")).toMatchObject({ kind: "committed", result: { created: 3 } });
    const { preview } = await runImport(bytes(second), { fileName: "release-2.csv" });
    expect(preview.counts).toEqual({ create: 1, update: 1, skip: 1, invalid: 0 });
    expect(preview.changes.find((c) => c.action === "update")).toMatchObject({
      row: 2,
      details: [
        { field: "quantityLow", from: "100", to: "120" },
        { field: "quantityHigh", from: "100", to: "120" },
      ],
    });
    expect(preview.release).toEqual({
      previousFiles: ["release-1.csv"],
      missing: [
        expect.objectContaining({ externalId: "rel-3", title: "Release boats", status: "announced" }),
      ],
      missingCount: 1,
      withdrawMissing: false,
    });

    expect(await run(second, "release-2.csv")).toMatchObject({
      kind: "committed",
      result: { created: 1, updated: 1, withdrawn: 0 },
    });
    expect(await statusOf("rel-3")).toBe("announced");
    // The change went in as a ledger event citing the file's row.
    const radars = await db().pledge.findUniqueOrThrow({ where: { externalId: "rel-1" } });
    const events = await db().ledgerEvent.findMany({
      where: { pledgeId: radars.id, fact: "stated" },
      orderBy: { recordedAt: "asc" },
      select: {
        quantityLow: true,
        citations: { select: { quote: true, source: { select: { fileName: true } } } },
      },
    });
    expect(events.at(-1)).toEqual({
      quantityLow: 120n,
      citations: [{ quote: "Row 2 of release-2.csv", source: { fileName: "release-2.csv" } }],
    });
  });

  it("records the missing as withdrawn when asked, citing the file, and never takes a row left out for one missing", async () => {
    // rel-2's row is invalid and left out: it is still in the file, so not missing.
    const third = release([
      "rel-1,Release radars,France,enablers,120,items,2022-03",
      "rel-2,Release trucks,France,assistance,lots,items,2022-04",
      "rel-4,Release drones,France,assistance,7,items,2022-06",
    ]);
    const { preview } = await runImport(bytes(third), {
      fileName: "release-3.csv",
      skipInvalid: true,
      withdrawMissing: true,
    });
    expect(preview.release.previousFiles).toEqual(["release-1.csv", "release-2.csv"]);
    expect(preview.release.missing.map((p) => p.externalId)).toEqual(["rel-3"]);
    expect(await run(third, "release-3.csv", { skipInvalid: true, withdrawMissing: true })).toMatchObject({
      kind: "committed",
      result: { created: 0, updated: 0, withdrawn: 1 },
    });
    expect(await statusOf("rel-3")).toBe("withdrawn");
    expect(await statusOf("rel-2")).toBe("announced");
    const boats = await db().pledge.findUniqueOrThrow({ where: { externalId: "rel-3" } });
    const change = await db().statusChange.findFirstOrThrow({
      where: { pledgeId: boats.id, toPledgeStatus: "withdrawn" },
      select: { note: true, citations: { select: { quote: true, source: { select: { fileName: true } } } } },
    });
    expect(change.note).toMatch(/Not in release-3.csv/);
    expect(change.citations).toEqual([
      { quote: "No row of release-3.csv has rel-3", source: { fileName: "release-3.csv" } },
    ]);
    // Withdrawn, it is no longer missing from the next release.
    const again = await runImport(bytes(third), {
      fileName: "release-3.csv",
      skipInvalid: true,
      withdrawMissing: true,
    });
    expect(again.preview.release.missingCount).toBe(0);
  });
});

describe("negative amounts read as corrections", () => {
  const file = [
    "External ID,Title,Stakeholders,Category,Quantity low,Unit,Announced",
    "cor-1,Correction base old,Latvia,assistance,100,EUR,2022-01-10",
    "cor-2,Correction base new,Latvia,assistance,50,EUR,2022-06-01",
    "cor-3,Correction,Latvia,assistance,-20.5,EUR,2022-07-01",
    "cor-4,Correction of nothing,Lithuania,assistance,-5,EUR,2022-07-01",
    "cor-5,Correction too large,Latvia,assistance,-60,EUR,2022-08-01",
  ].join("\n");
  const corrections = { ...mappingOfColumns({}), corrections: true };
  const run = (content: string, commit = false) =>
    runImport(bytes(content), {
      fileName: "corrections.csv",
      also: corrections,
      skipInvalid: true,
      ...(commit ? { commit: { actor: analyst, expect: "any" } } : {}),
    });

  it("lowers the latest earlier row of the same stakeholders, category and unit; refuses one with nothing to lower or going below zero", async () => {
    const refused = (await runImport(bytes(file), { fileName: "corrections.csv" })).preview;
    expect(refused.errors.find((e) => e.row === 4)).toMatchObject({
      message: "must not be negative",
      fix: "corrections",
    });

    const { preview } = await run(file);
    expect(preview.corrections).toEqual([{ unit: "EUR", rows: 1, total: "-20.5" }]);
    expect(preview.errors.map((e) => [e.row, e.message])).toEqual([
      [5, expect.stringMatching(/this file has none announced on or before this one/)],
      [6, "this correction would take row 3's amount below zero"],
    ]);
    expect(preview.counts).toEqual({ create: 2, update: 0, skip: 1, invalid: 2 });

    expect(await run(file, true)).toMatchObject({ kind: "committed", result: { created: 2 } });
    const corrected = await db().pledge.findUniqueOrThrow({
      where: { externalId: "cor-2" },
      select: {
        quantityLow: true,
        ledgerEvents: {
          where: { fact: "stated" },
          orderBy: { occurredOn: "asc" },
          select: { quantityLow: true, occurredOn: true, citations: { select: { quote: true } } },
        },
      },
    });
    expect(corrected.quantityLow).toBe(2950n);
    expect(corrected.ledgerEvents).toEqual([
      {
        quantityLow: 5000n,
        occurredOn: new Date("2022-06-01T00:00:00Z"),
        citations: [{ quote: "Row 3 of corrections.csv" }],
      },
      {
        quantityLow: 2950n,
        occurredOn: new Date("2022-07-01T00:00:00Z"),
        citations: [{ quote: "Row 4 of corrections.csv" }],
      },
    ]);
    expect(
      (await db().pledge.findUniqueOrThrow({ where: { externalId: "cor-1" }, select: { quantityLow: true } }))
        .quantityLow,
    ).toBe(10000n);
    // The same file again: the corrected pledge already says its final amount.
    expect((await run(file)).preview.counts).toEqual({ create: 0, update: 0, skip: 3, invalid: 2 });
  });
});

describe("a database held by another writer", () => {
  it("refuses the import with a message after the busy timeout, writing nothing", async () => {
    const before = await tableCounts();
    const release = await holdWriteLock(database);
    try {
      const outcome = await commit(
        `${header}\nbusy-1,Blocked pledge,France,force,,,,,announced,2026-01-06,,,,`,
      );
      expect(outcome).toMatchObject({ kind: "conflict", message: expect.stringMatching(/database is busy/) });
    } finally {
      await release();
    }
    expect(await tableCounts()).toEqual(before);
  }, 20_000);
});

describe("saved mappings", () => {
  it("saves a mapping by name and reads it back; saving the name again replaces it", async () => {
    const mapping = {
      ...mappingOfColumns({ Pledge: "title", Kind: "category", When: "announcedOn" }),
      values: { category: { Troops: "force" } },
      composed: { externalId: "tracker-{#row}" },
      defaults: { quantityUnit: "EUR" },
      round: true,
      stakeholderKinds: { "EU Institutions": "organisation" as const },
    };
    await saveImportMapping(analyst, "Tracker export", mapping);
    expect(await getImportMapping("Tracker export")).toEqual(mapping);
    await saveImportMapping(analyst, "Tracker export", { ...mapping, values: {} });
    expect(await getImportMapping("Tracker export")).toEqual({ ...mapping, values: {} });
    const result = await preview("Pledge,Kind,When\nMapped by name,Troops,2026-01-06\n", mapping);
    expect(result.errors).toEqual([]);
  });
});

describe("dataset.json", () => {
  async function exportText(client = db()) {
    let text = "";
    for await (const chunk of datasetJson(streamDatasetRows(700, client), new Date(0))) text += chunk;
    return text;
  }

  it("round-trips: export → import into a fresh database → export again is identical", async () => {
    const first = await exportText();
    const fresh = createMigratedDatabase();
    const client = createPrismaClient(fresh.url);
    try {
      const dataset = readDataset(JSON.parse(first));
      if (!dataset.ok) throw new Error(dataset.errors.join("\n"));
      expect(dataset.rows.Pledge.length).toBeGreaterThan(10);
      await importDataset(
        analyst.kind === "user" ? { ...analyst, kind: "system" } : analyst,
        dataset.rows,
        "dataset.json",
        undefined,
        client,
      );
      expect(await sortKeyDrift(client)).toEqual([]);
      const again = await exportText(client);
      const tables = (text: string) => (JSON.parse(text) as { tables: Record<string, unknown[]> }).tables;
      for (const [name, rows] of Object.entries(tables(first)))
        expect(tables(again)[name], name).toEqual(rows);
      expect(again).toBe(first);
      await expect(
        importDataset({ ...analyst, kind: "system" }, dataset.rows, "dataset.json", undefined, client),
      ).rejects.toThrow(/only be imported into a database with no pledge data/);
    } finally {
      await client.$disconnect();
      await fresh.remove();
    }
  });

  it("refuses a file that is not a dataset, naming table, row and field", () => {
    expect(readDataset({ format: "other" })).toMatchObject({ ok: false });
    const bad = readDataset({
      format: "pledgewatch-dataset",
      version: 1,
      exportedAt: "2026-01-01T00:00:00Z",
      tables: { Pledge: [{ id: "p", title: 3 }] },
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0]).toMatch(/^Pledge row 1, /);
  });
});
