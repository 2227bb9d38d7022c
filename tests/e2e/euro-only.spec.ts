import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { breakdownResponse } from "@/features/api/schemas";
import { startOwnServer, type OwnServer } from "./support/own-server";
import { drawnChart, expectNoAxeViolations } from "./support/page-checks";
import { sheetsThroughLibreOffice } from "./support/readers";

// A tracker of money alone: a database whose pledges are all in EUR and that records no requirement,
// as a newcomer's first import of a donor spreadsheet leaves it. It gets a server of its own (the
// suite's database holds the Paris seed), readable by anyone.

// Germany 1,500,000,000 + 250,000,000.50; the EIB (an organisation) 900,000,000, once the war ends;
// Poland 75,000,000.
const tracker = [
  "Title,Stakeholders,Category,Quantity low,Unit,Announced,Status,Conditions",
  "Air defence package,Germany,assistance,1500000000,EUR,2026-01-06,committed,",
  "Demining equipment,Germany,assistance,250000000.50,EUR,2026-02-10,announced,",
  "Reconstruction loan,European Investment Bank,infrastructure,900000000,EUR,2026-01-20,committed,The war ends",
  "Field hospitals,Poland,assistance,75000000,EUR,2026-03-01,delivered,",
].join("\n");

let server: OwnServer;

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  server = await startOwnServer("euro", { PUBLIC_READ: "true" }, async ({ npm }) => {
    const file = path.join(tmpdir(), `pledgewatch-euro-tracker-${process.pid}.csv`);
    writeFileSync(file, tracker);
    await npm("import", [file]);
    rmSync(file);
  });
});

test.afterAll(() => server?.stop());

test("plain /dashboard on EUR pledges alone shows their totals and charts, with a note and no error", async ({
  page,
}) => {
  await page.goto(`${server.base}/dashboard`);
  await expect(page.getByLabel("Unit")).toHaveValue("EUR");
  await expect(page.getByTestId("headline")).toContainText("no requirement is recorded in EUR");
  await expect(page.getByTestId("no-requirement")).toContainText("No requirement is recorded for EUR");
  await expect(page.getByRole("alert").filter({ hasText: "could not be used" })).toHaveCount(0);
  await drawnChart(page, "gap-history-chart");
  const carried = await drawnChart(page, "carried-chart");
  await expect(carried.locator("svg text").filter({ hasText: "Germany" })).toHaveCount(1);
  await expect(page).toHaveURL(`${server.base}/dashboard`);
  await expectNoAxeViolations(page);
});

test("the figures are the file's sums, on the screen and in the API", async ({ page, request }) => {
  const breakdown = await request.get(`${server.base}/api/v1/breakdown?by=stakeholder&metric=EUR`);
  expect(breakdown.status()).toBe(200);
  const rows = breakdownResponse.parse(await breakdown.json()).data;
  expect(Object.fromEntries(rows.map((row) => [row.label, row.pledged?.low]))).toEqual({
    Germany: 1_750_000_000.5,
    "European Investment Bank": 900_000_000,
    Poland: 75_000_000,
  });
  await page.goto(`${server.base}/dashboard`);
  await expect(page.getByTestId("headline")).toContainText("Pledges total €2.7 bn, €1.8 bn of it free");
  // At a glance in the table, to the cent on hover and for screen readers, and for everyone on request.
  const table = page.getByTestId("by-stakeholder");
  const germany = table.getByRole("row", { name: /^Germany/ });
  await expect(germany.getByText("€1.8 bn").first()).toHaveAttribute("aria-hidden", "true");
  await expect(germany.locator("[title]").first()).toHaveAttribute("title", "1,750,000,000.50 EUR");
  const exact = page.getByRole("region", { name: "Who carries what" }).getByRole("checkbox", {
    name: "Exact amounts",
  });
  await exact.focus();
  await page.keyboard.press("Space");
  await expect(germany.getByRole("cell").nth(1)).toHaveText("1,750,000,000.50 EUR");
  await expect(exact).toBeFocused();
});

test("a condition's page says what meeting it is worth in the unit its pledges state", async ({ page }) => {
  await page.goto(`${server.base}/dashboard`);
  await page.getByRole("link", { name: "The war ends" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The war ends");
  const worth = page.getByTestId("condition-worth-EUR");
  await expect(worth).toContainText("Met alone, it releases1 pledge");
  await expect(page.getByTestId("condition-worth-personnel")).toHaveCount(0);
  await page.getByRole("link", { name: "See the dashboard as if it were met" }).click();
  await expect(page).toHaveURL(/\/dashboard\?metric=EUR&assume=the-war-ends$/);
  await expect(page.getByTestId("headline")).toContainText("If The war ends:");
});

test("the workbook shows euros to the cent, as LibreOffice reads it", async ({ request }) => {
  const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-euro-report-"));
  try {
    const response = await request.get(`${server.base}/api/v1/exports/report.xlsx?metric=EUR`);
    expect(response.status()).toBe(200);
    const file = path.join(dir, "report.xlsx");
    writeFileSync(file, await response.body());
    const shown = sheetsThroughLibreOffice(file, dir, { asShown: true });
    const pledges = shown.get("Pledges")!;
    const [title, low, delivered] = ["title", "quantity_low", "delivered"].map((name) =>
      pledges[0]!.indexOf(name),
    );
    const row = (name: string) => pledges.find((cells) => cells[title!] === name)!;
    expect(row("Demining equipment")[low!]).toBe("€250,000,000.50");
    expect(row("Air defence package")[low!]).toBe("€1,500,000,000.00");
    expect(delivered).toBe(low! + 2);
    const germany = shown.get("By stakeholder")!.find((cells) => cells[1] === "Germany")!;
    expect(germany.slice(3, 6)).toEqual(["€1,750,000,000.50", "€1,750,000,000.50", "1,750,000,000.50 EUR"]);
    const values = sheetsThroughLibreOffice(file, dir);
    const demining = values.get("Pledges")!.find((cells) => cells[title!] === "Demining equipment")!;
    expect(Number(demining[low!])).toBe(250_000_000.5);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
