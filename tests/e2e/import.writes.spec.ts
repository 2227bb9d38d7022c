// Importing a spreadsheet in the browser: preview with row errors, value mapping, a saved mapping,
// the commit with its progress, and a second import of the same file changing nothing. Quantities
// are in items so that the personnel figures other specs check do not move.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { englishLeaks } from "./support/english-leaks";
import { expectNoAxeViolations } from "./support/page-checks";

test.describe.configure({ mode: "serial" });

const header = "External ID,Title,Stakeholders,Category,Quantity low,Unit,Qualifier,Status,Announced";

function csv(rows: string[]) {
  return Buffer.from([header, ...rows].join("\n"), "utf8");
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.getByLabel(/Spreadsheet \(CSV or XLSX/).setInputFiles({ name, mimeType: "text/csv", buffer });
}

const main = (page: Page) => page.getByRole("main");

test.describe("importing pledges", () => {
  test("invalid rows are listed by kind and row, downloadable, and left out only when asked", async ({
    page,
  }) => {
    await page.goto("/import");
    await expectNoAxeViolations(page);
    await upload(
      page,
      "broken.csv",
      csv([
        'e2e-skip-1,E2E radars kept,France,Enablers,"1,200",items,up to,announced,2026-02-01',
        "e2e-skip-2,Bad date,France,Enablers,3,items,,announced,06/02/2026",
      ]),
    );
    await page.getByRole("button", { name: "Preview" }).click();
    const kinds = page.getByRole("table", { name: "Problems by kind" });
    await expect(kinds).toContainText("1 problem in 1 row; nothing can be imported");
    await expect(kinds.getByRole("row").nth(1)).toContainText(
      /1\s*Announced\s*"06\/02\/2026" could be day\/month or month\/day.*\s*3/,
    );
    await page.getByText("Each problem").click();
    await expect(page.getByRole("table", { name: "Rows with errors" }).getByRole("row").nth(1)).toContainText(
      /3\s*Announced\s*06\/02\/2026\s*"06\/02\/2026" could be/,
    );
    await expect(page.getByRole("button", { name: /^Import \d+ pledges?$/ })).toBeDisabled();
    await expectNoAxeViolations(page);

    await page.getByLabel("Import the valid rows and leave out the invalid one").check();
    await page.getByRole("button", { name: "Update preview" }).click();
    await page.getByRole("button", { name: "Import 1 pledge and leave out 1 invalid row" }).click();
    await expect(main(page).getByRole("status").first()).toContainText(
      "Imported 1 new and 0 updated pledges from broken.csv",
    );

    // The problems can still be downloaded after the import. Last, because a CI run once hung on
    // the next click after this download, waiting for the page's animation frames.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download every problem (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("broken-problems.csv");
    const written = readFileSync((await download.path())!, "utf8");
    expect(written).toBe(
      '\uFEFFrow,column,value,problem\n3,Announced,06/02/2026,"""06/02/2026"" could be day/month or month/day; write it as YYYY-MM-DD"\n',
    );
  });

  test("a file whose columns miss a required field says which, and a guess fills it", async ({ page }) => {
    await page.goto("/import");
    await upload(
      page,
      "foreign.csv",
      Buffer.from("Donor,Date,Category,Measure\nFrance,2026-02-01,Enablers,E2E foreign measure\n", "utf8"),
    );
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("missing-fields")).toHaveText(
      "Choose a column for each required field: Title.",
    );
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Use “Measure” for Title" }).click();
    await expect(page.getByTestId("missing-fields")).toHaveCount(0);
    await expect(page.getByLabel("Field for column Measure")).toHaveValue("title");

    // An id composed from the row number, amounts rounded: both kept in the mapping and used.
    await page.getByRole("combobox", { name: "Field", exact: true }).selectOption("externalId");
    await page.getByRole("combobox", { name: "How", exact: true }).selectOption("composed");
    await page.getByLabel("Template: {Column}, {#row}").fill("e2e-foreign-{#row}");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(main(page)).toContainText("External ID is composed as e2e-foreign-{#row}");
    await page.getByLabel(/Round amounts to their unit’s precision/).check();
    await page.getByRole("button", { name: "Update preview" }).click();
    await expect(page.getByTestId("import-counts")).toHaveText(
      "1 row: 1 will be created, 0 updated, 0 skipped; 0 invalid.",
    );
    await expect(page.getByRole("button", { name: "Remove External ID" })).toBeVisible();
    await expect(page.getByLabel(/Round amounts/)).toBeChecked();
    await expectNoAxeViolations(page);
  });

  test("values are mapped, the mapping saved, and the file imported with progress", async ({ page }) => {
    await page.goto("/import");
    const file = csv([
      'e2e-imp-1,E2E imported radars,France (lead); E2E Atlantis,Enablers,"1,200",items,up to,Commitment,2026-02-01',
      "e2e-imp-2,E2E imported trucks,E2E Atlantis,Assistance,40,items,,Allocation,6 February 2026",
    ]);
    await upload(page, "tracker.csv", file);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("import-counts")).toContainText("2 invalid");
    await page.getByLabel("Status for “Commitment”").selectOption("committed");
    await page.getByLabel("Status for “Allocation”").selectOption("in_progress");
    await expect(page.getByText("The mapping changed")).toBeVisible();
    await page.getByRole("button", { name: "Update preview" }).click();
    await expect(page.getByTestId("import-counts")).toHaveText(
      "2 rows: 2 will be created, 0 updated, 0 skipped; 0 invalid.",
    );
    const created = page.getByRole("table", { name: "Stakeholders that will be created (1)" });
    await expect(created.getByRole("row", { name: /E2E Atlantis/ })).toContainText("not a country");
    await expect(created.getByLabel("Kind of E2E Atlantis")).toHaveValue("organisation");
    await created.getByLabel("Kind of E2E Atlantis").selectOption("state");
    await page.getByRole("button", { name: "Update preview" }).click();
    await expect(created.getByRole("row", { name: /E2E Atlantis/ })).toContainText("chosen here");

    await page.getByLabel("Save this mapping as").fill("E2E tracker");
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect(main(page).getByRole("status")).toHaveText("Saved as “E2E tracker”.");

    await page.getByRole("button", { name: "Import 2 pledges" }).click();
    await expect(main(page).getByRole("status").first()).toContainText(
      "Imported 2 new and 0 updated pledges from tracker.csv",
    );

    await page.goto("/pledges?q=E2E%20imported");
    await expect(main(page).getByRole("link", { name: "E2E imported radars", exact: true })).toBeVisible();
    await main(page).getByRole("link", { name: "E2E imported radars", exact: true }).click();
    await expect(main(page)).toContainText("1,200 items");
    await expect(main(page)).toContainText("Imported from tracker.csv, row 2.");

    // The same file again, with the saved mapping: nothing left to do.
    await page.goto("/import");
    await upload(page, "tracker.csv", file);
    await page.getByLabel("Saved mapping").selectOption("E2E tracker");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("import-counts")).toHaveText(
      "2 rows: 0 will be created, 0 updated, 2 skipped; 0 invalid.",
    );
    await expect(page.getByRole("button", { name: "Import 0 pledges" })).toBeDisabled();
  });

  test("a new release lists what it no longer has and withdraws it when asked; negative amounts correct earlier rows", async ({
    page,
  }) => {
    await page.goto("/import");
    await upload(
      page,
      "release-1.csv",
      csv([
        "e2e-rel-1,E2E release radars,E2E Release land,Enablers,100,items,,announced,2026-02-01",
        "e2e-rel-2,E2E release trucks,E2E Release land,Enablers,50,items,,announced,2026-02-01",
        "e2e-rel-3,E2E release boats,E2E Release land,Enablers,10,items,,announced,2026-02",
      ]),
    );
    await page.getByRole("button", { name: "Preview" }).click();
    await page.getByRole("button", { name: "Import 3 pledges" }).click();
    await expect(main(page).getByRole("status").first()).toContainText(
      "Imported 3 new and 0 updated pledges",
    );

    // The next release: the boats are gone, the trucks moved to March, and a correction lowers the
    // radars (the only row of the same stakeholders, category and unit announced before it).
    await page.goto("/import");
    await upload(
      page,
      "release-2.csv",
      csv([
        "e2e-rel-1,E2E release radars,E2E Release land,Enablers,100,items,,announced,2026-02-01",
        "e2e-rel-2,E2E release trucks,E2E Release land,Enablers,50,items,,announced,2026-03-05",
        "e2e-rel-1c,E2E radars returned,E2E Release land,Enablers,-20,items,,announced,2026-03-01",
      ]),
    );
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("import-counts")).toContainText("1 invalid");
    await page.getByLabel(/Read negative amounts as corrections/).check();
    await page.getByRole("button", { name: "Update preview" }).click();
    await expect(page.getByTestId("corrections")).toHaveText(
      "1 row of negative items amounts corrects the latest earlier row of the same stakeholders, category and unit, by -20 items in all.",
    );
    const missing = page.getByTestId("missing-from-release");
    await expect(missing).toContainText("1 pledge imported from release-1.csv is missing from this file.");
    await missing.getByText("The missing pledges").click();
    await expect(missing.getByRole("listitem")).toHaveText(["E2E release boats (e2e-rel-3)"]);
    await expectNoAxeViolations(page);
    await missing.getByLabel("Record it as withdrawn, citing this file").check();
    await page.getByRole("button", { name: "Update preview" }).click();
    await page
      .getByRole("button", { name: "Import 2 pledges and record 1 missing pledge as withdrawn" })
      .click();
    await expect(main(page).getByRole("status").first()).toContainText("0 new and 2 updated pledges");

    await page.goto("/pledges?q=E2E%20release%20boats");
    await main(page).getByRole("link", { name: "E2E release boats", exact: true }).click();
    await expect(main(page)).toContainText("Withdrawn");
    await expect(main(page)).toContainText("release-2.csv");
    // Announced in February 2026, no day given: its history says no more than that.
    await expect(page.getByTestId("ledger-event").filter({ hasText: /^Feb 2026: / })).not.toHaveCount(0);
    await expect(page.getByTestId("status-change").filter({ hasText: /^Feb 2026 · / })).toHaveCount(1);
    await expect(main(page)).not.toContainText("1 Feb 2026");
    // Deleted again, so that the dashboard's count of withdrawn pledges, which a later spec checks,
    // stays as the seed has it.
    await page.goto(`${new URL(page.url()).pathname}/edit`);
    await page.getByRole("button", { name: "Delete this pledge" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(/\/pledges$/);
    await page.goto("/pledges?q=E2E%20release%20radars");
    await main(page).getByRole("link", { name: "E2E release radars", exact: true }).click();
    await expect(main(page)).toContainText("80 items");
  });

  test("a large file streams with a progress bar; non-spreadsheets are refused with a reason", async ({
    page,
  }) => {
    await page.goto("/import");
    const rows = Array.from(
      { length: 30_000 },
      (_, i) => `e2e-big-${i},E2E big ${i},France,Enablers,${i},items,,announced,2026-02-01`,
    );
    await upload(page, "big.csv", csv(rows));
    // Over a slow connection the upload shows how much has gone; cancelled while it runs, the
    // preview says so and frees its place: the next one runs.
    const network = await page.context().newCDPSession(page);
    await network.send("Network.enable");
    await network.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await page.getByRole("button", { name: "Preview" }).click();
    const progress = page.getByRole("progressbar", { name: "Preview progress" });
    await expect(progress).toBeVisible();
    await expect(main(page).getByText(/^Sending the file: \d\.\d of 2\.\d MB/)).toBeVisible();
    await expect
      .poll(async () => Number(await progress.getAttribute("value")), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.getByRole("button", { name: "Cancel the preview" }).click();
    await expect(main(page).getByRole("alert")).toHaveText("Preview cancelled.");
    await network.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    // The server may still be stopping the first when the second arrives: then it says so, and
    // the next click goes through.
    await expect(async () => {
      await page.getByRole("button", { name: "Preview" }).click();
      await expect(page.getByTestId("import-counts")).toHaveText(
        "30,000 rows: 30,000 will be created, 0 updated, 0 skipped; 0 invalid.",
        { timeout: 25_000 },
      );
    }).toPass({ timeout: 60_000 });

    await page.getByLabel(/Spreadsheet \(CSV or XLSX/).setInputFiles({
      name: "photo.png",
      mimeType: "image/png",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    await expect(main(page).getByRole("alert")).toHaveText(
      "photo.png is not a spreadsheet: choose a CSV or XLSX file.",
    );

    await upload(
      page,
      "disguised.csv",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    );
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(main(page).getByRole("alert")).toHaveText(
      "This is not a spreadsheet: upload a CSV (UTF-8 text) or an XLSX workbook.",
    );
  });

  test("an import in Ukrainian: the server's refusal and a row's problem are in Ukrainian", async ({
    page,
  }) => {
    await page
      .context()
      .addCookies([{ name: "pw-locale", value: "uk", url: test.info().project.use.baseURL! }]);
    await page.goto("/import");
    await expect(page.locator("html")).toHaveAttribute("lang", "uk");
    const file = page.getByLabel(/Таблиця \(CSV або XLSX/);
    const preview = page.getByRole("button", { name: "Попередній перегляд" });

    // Refused by the server (its bytes are a PNG's), in the page's language.
    await file.setInputFiles({
      name: "disguised.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    });
    await preview.click();
    await expect(main(page).getByRole("alert")).toHaveText(
      "Це не таблиця: завантажте CSV (текст UTF-8) або книгу XLSX.",
    );

    // A row's problem, found by the server's rules, worded in Ukrainian too.
    const row = "e2e-uk-1,E2E date in doubt,France,Enablers,3,items,,announced,06/02/2026";
    await file.setInputFiles({ name: "uk.csv", mimeType: "text/csv", buffer: csv([row]) });
    await preview.click();
    const kinds = page.getByRole("table", { name: "Проблеми за видами" });
    await expect(kinds).toContainText("«06/02/2026» можна прочитати як день/місяць або місяць/день");
    // The file's own words (its headers and cells, shown as the file has them) are not leaks, nor the
    // headers the import matches, which the page names in English on purpose.
    const english = JSON.parse(readFileSync("messages/en.json", "utf8")) as {
      imports: { field: Record<string, string> };
    };
    const filesWords = new Set([
      ...header.split(","),
      ...row.split(","),
      ...Object.values(english.imports.field),
    ]);
    expect((await englishLeaks(page, "uk")).filter((text) => !filesWords.has(text))).toEqual([]);
  });
});
