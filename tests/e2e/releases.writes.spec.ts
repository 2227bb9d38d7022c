// Named releases end to end: an analyst publishes one in the browser; its files (the briefing
// printed by Chromium, read back by pdftotext) download byte for byte the same before and after a
// later edit, which its corrections then list with their evidence; its dashboard and pledge list
// lead to the same views as known at its moment; viewers read it, only analysts publish.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { insertPledge } from "./support/database";
import { expectNoAxeViolations } from "./support/page-checks";
import { storageStateOf } from "./support/users";

const files = [
  "briefing.pdf",
  "report.xlsx",
  "pledges.csv",
  "datapackage.zip",
  "dataset.json",
  "summary.json",
];

async function download(request: APIRequestContext, number: string) {
  return Promise.all(
    files.map(async (name) => {
      const response = await request.get(`/releases/${number}/exports/${name}`);
      expect(response.status(), name).toBe(200);
      return response.body();
    }),
  );
}

test("a release keeps its files byte for byte, and lists the corrections recorded after it", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const title = `Brigade before release ${Date.now()}`;
  const id = await insertPledge({ title, low: 1_500n });

  await page.goto("/releases");
  await expect(page.getByRole("heading", { level: 1, name: "Releases" })).toBeVisible();
  const heading = await page.getByRole("heading", { name: /^Publish release \d+$/ }).textContent();
  const number = heading!.replace(/\D/g, "");
  await page.getByRole("textbox", { name: "Title" }).fill("Weekly update");
  await page.getByRole("textbox", { name: "Notes" }).fill("Adds the brigade announced this week.");
  await page.getByRole("button", { name: `Publish release ${number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Release ${number}: Weekly update` })).toBeVisible(
    {
      timeout: 60_000,
    },
  );
  await expect(page).toHaveURL(new RegExp(`/releases/${number}$`));
  await expect(page.getByTestId("release-files").getByRole("row")).toHaveCount(files.length + 1);
  // Other tests write meanwhile (their events may correct it): its own corrections are checked below.
  await expectNoAxeViolations(page);

  const viewer = await playwright.request.newContext({ baseURL, storageState: storageStateOf("viewer") });
  const before = await download(viewer, number);
  const work = mkdtempSync(path.join(tmpdir(), "release-"));
  try {
    const pdf = path.join(work, "briefing.pdf");
    writeFileSync(pdf, before[0]!);
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Pledgewatch briefing");
    expect(text).toContain("as the tracker knew it at");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  expect(before[2]!.toString()).toContain(title);

  // Later, an analyst renames the pledge and records that it was withdrawn today, citing a source.
  const analyst = await playwright.request.newContext({ baseURL, storageState: storageStateOf("analyst") });
  const version = async () =>
    ((await (await analyst.get(`/api/v1/pledges/${id}`)).json()) as { data: { version: number } }).data
      .version;
  const renamed = await analyst.patch(`/api/v1/pledges/${id}`, {
    headers: { origin: baseURL! },
    data: { version: await version(), title: `${title} (renamed)` },
  });
  expect(renamed.status()).toBe(200);
  const sources = (await (await analyst.get("/api/v1/sources")).json()) as { data: { id: string }[] };
  const withdrawn = await analyst.post(`/api/v1/pledges/${id}/status`, {
    headers: { origin: baseURL! },
    data: {
      status: "withdrawn",
      note: "The brigade stays home",
      version: await version(),
      sourceId: sources.data[0]!.id,
      quote: "the brigade will not deploy",
    },
  });
  expect(withdrawn.status()).toBe(200);

  const after = await download(viewer, number);
  for (const [n, bytes] of after.entries()) expect(bytes.equals(before[n]!), files[n]).toBe(true);
  expect(after[2]!.toString()).not.toContain("(renamed)");

  // Corrections are read from the ledger: the next page has them.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("corrections")).toContainText(`${title} (renamed): `, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("corrections")).toContainText("“the brigade will not deploy”");

  // Its dashboard is the dashboard as known at its moment.
  await page.getByRole("link", { name: "Its dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard\?.*knownAt=/);
  await expect(page.getByText(/as the tracker knew it at/i).first()).toBeVisible();

  // A viewer reads it but cannot publish; the API says why.
  const refused = await viewer.post("/api/v1/releases", {
    headers: { origin: baseURL! },
    data: { title: "Not mine to publish" },
  });
  expect(refused.status()).toBe(403);
  const viewerPage = await (
    await page
      .context()
      .browser()!
      .newContext({ storageState: storageStateOf("viewer") })
  ).newPage();
  await viewerPage.goto(`/releases/${number}`);
  await expect(
    viewerPage.getByRole("heading", { level: 1, name: `Release ${number}: Weekly update` }),
  ).toBeVisible();
  await viewerPage.goto("/releases");
  await expect(viewerPage.getByRole("link", { name: `Release ${number}: Weekly update` })).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: /Publish release/ })).toHaveCount(0);
  await viewerPage.context().close();
  await viewer.dispose();
  await analyst.dispose();
});
