// An analyst's day in the browser: add a pledge, edit it, update its status with evidence, meet a
// conflict and re-apply, change a condition knowing what it affects. Pledges made here are counted
// in items, so that the personnel figures other specs check do not move.
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { e2eDatabaseUrl } from "../../playwright.config";
import { expectNoAxeViolations } from "./support/page-checks";
import { chooseFirstSource, pickRecord, typeDay } from "./support/pickers";
import { storageStateOf } from "./support/users";

test.describe.configure({ mode: "serial" });

async function addPledge(page: Page, title: string) {
  await page.goto("/pledges/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Category").selectOption("enablers");
  await page.getByLabel("Unit", { exact: true }).fill("items");
  await page.getByLabel("Quantity (lowest)").fill("1,200");
  await typeDay(page, "Announced on", "01/02/2026");
  await expect(page.getByRole("group", { name: "Announced on" })).toHaveAccessibleDescription(
    /01 February 2026/,
  );
  await expect(page.getByText(/^1 Feb 2026/)).toBeVisible();
  await pickRecord(page, "Add a stakeholder", "France");
  await expect(page.getByLabel("Role of France")).toHaveValue("pledger");
  // Its evidence: a source already recorded, and the words it rests on.
  await chooseFirstSource(page);
  await page.getByLabel("Quote from it").fill(`${title}: 1,200 to be sent`);
  await page.getByRole("button", { name: "Add pledge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  return page.url().split("/").pop()!;
}

/** Fills the delivery form with one delivery (an increment) and a new source, and sends it. */
async function recordDelivery(
  page: Page,
  d: { amount: string; on: string; note: string; source: string; url: string; quote: string },
) {
  await page.getByLabel(/This delivery, added to/).check();
  await page.getByLabel("Delivered this time (items)").fill(d.amount);
  await typeDay(page, "Date of the delivery", d.on.split("-").reverse().join("/"));
  await page.getByLabel("Note: what was delivered").fill(d.note);
  await page.getByLabel("A new source").check();
  await page.getByLabel("Source title").fill(d.source);
  await page.getByLabel("Source URL").fill(d.url);
  await page.getByLabel("Quote").fill(d.quote);
  await page.getByRole("button", { name: "Record the delivery" }).click();
}

test.describe("editing as an analyst", () => {
  test("a new pledge appears with its quantity and stakeholder; per-field errors keep what was typed", async ({
    page,
  }) => {
    await page.goto("/pledges/new");
    await expectNoAxeViolations(page);
    await page.getByLabel("Title").fill("E2E drones");
    await page.getByLabel("Unit", { exact: true }).fill("items");
    await page.getByLabel("Quantity (lowest)").fill("12.5");
    await page.getByRole("button", { name: "Add pledge" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Some fields need attention");
    await expect(page.locator("#field-category-error")).toContainText("choose a category");
    await expect(page.locator("#field-announcedOn-error")).toBeVisible();
    await expect(page.locator("#field-sourceId-error")).toContainText("cite a source");
    await expect(page.getByLabel("Title")).toHaveValue("E2E drones");

    await addPledge(page, "E2E drones");
    await expect(page.getByText("1,200 items").first()).toBeVisible();
    await expect(page.getByText("France")).toBeVisible();
    // The new pledge shows its evidence and opens its history with it.
    await expect(page.getByText("E2E drones: 1,200 to be sent").first()).toBeVisible();
    await expect(page.getByText("Recorded with the pledge").first()).toBeVisible();
  });

  test("a status update needs a note and a source, then shows in the history with who and the quote", async ({
    page,
  }) => {
    const id = await addPledge(page, "E2E vehicles");
    await page.getByRole("link", { name: "Update status" }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel("New status").selectOption("stalled");
    await page.getByRole("button", { name: "Record the status change" }).click();
    await expect(page.locator("#field-note-error")).toContainText("note is required");
    await expect(page.locator("#field-sourceId-error")).toContainText("cite a source");

    // The note's limit is counted as one types, before any submission.
    const note = page.getByLabel("Note: what changed and why");
    await note.fill("x".repeat(2_003));
    await expect(page.getByTestId("field-note-count")).toHaveText("3 characters over the limit of 2,000");
    await note.fill("Procurement paused pending the ceasefire talks");
    await expect(page.getByTestId("field-note-count")).toHaveText("46 of 2,000 characters");
    await page.getByLabel("A new source").check();
    await page.getByLabel("Source title").fill("E2E ministry statement");
    await page.getByLabel("Source URL").fill("https://example.org/statement");
    await page.getByLabel("Quote").fill("Deliveries are paused.");
    await page.getByRole("button", { name: "Record the status change" }).click();

    await expect(page).toHaveURL(new RegExp(`/pledges/${id}$`));
    const latest = page.getByTestId("status-change").first();
    await expect(latest).toContainText("Announced → Stalled");
    await expect(latest).toContainText("by Ada Analyst");
    await expect(latest).toContainText("Procurement paused");
    await expect(latest).toContainText("Deliveries are paused.");
    await expect(latest.getByRole("link", { name: "E2E ministry statement", exact: true })).toHaveAttribute(
      "href",
      "https://example.org/statement",
    );
  });

  test("a status form refused because someone else changed the status shows the status now, then saves", async ({
    page,
    browser,
  }) => {
    const id = await addPledge(page, "E2E status race");
    const other = await browser.newContext({ storageState: storageStateOf("admin") });
    const otherPage = await other.newPage();
    const record = async (on: Page, status: string, note: string) => {
      await on.getByLabel("New status").selectOption(status);
      await on.getByLabel("Note: what changed and why").fill(note);
      await chooseFirstSource(on);
      await on.getByRole("button", { name: "Record the status change" }).click();
    };
    await page.goto(`/pledges/${id}/status`);
    await expect(page.getByTestId("current-status")).toContainText("Now: Announced");
    await otherPage.goto(`/pledges/${id}/status`);
    await record(otherPage, "committed", "Signed at the summit");
    await expect(otherPage).toHaveURL(new RegExp(`/pledges/${id}$`));

    await record(page, "in_progress", "First units moving");
    await expect(page.getByTestId("current-status")).toContainText(
      "Now: Committed (was Announced when you opened this form)",
    );
    await expect(page.getByRole("main")).toContainText("Erin Admin");
    await expect(page.getByLabel("Note: what changed and why")).toHaveValue("First units moving");
    await chooseFirstSource(page);
    await page.getByRole("button", { name: "Record the status change" }).click();
    await expect(page).toHaveURL(new RegExp(`/pledges/${id}$`));
    await expect(page.getByTestId("status-change").first()).toContainText("Committed → In progress");
    await other.close();
  });

  test("the analyst who saved sees the figures with the save on the next page, not a second later", async ({
    page,
  }) => {
    const pledgedItems = async () => {
      const answer = await page.request.get("/api/v1/summary?metric=items");
      return ((await answer.json()) as { data: { pledged: { high: number } } }).data.pledged.high;
    };
    // The dashboard's figures for items are held now; the save moves the data on.
    await addPledge(page, "E2E pledged before");
    await page.goto("/dashboard?metric=items");
    const before = await pledgedItems();
    // With no requirement in items, the headline says the total.
    const headline = page.getByText(/^Pledges total/);
    await expect(headline).toContainText(`Pledges total ${before.toLocaleString("en-GB")} items`);
    await addPledge(page, "E2E seen at once");
    // Other readers may be shown the held figures for up to a second; the one who saved is not:
    // the first page after the save has the new pledge's 1,200 items.
    await page.goto("/dashboard?metric=items");
    await expect(headline).toContainText(`Pledges total ${(before + 1200).toLocaleString("en-GB")} items`);
  });

  test("a delivery is recorded with its date and evidence, shows in the figures over time, and counts from its date", async ({
    page,
  }) => {
    const id = await addPledge(page, "E2E deliveries");
    await page.getByRole("link", { name: "Record a delivery", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Record a delivery" })).toBeVisible();
    await expectNoAxeViolations(page);
    await recordDelivery(page, {
      amount: "300",
      on: "2026-03-15",
      note: "First convoy of generators",
      source: "E2E logistics bulletin",
      url: "https://example.org/bulletin",
      quote: "300 generators were handed over on 15 March.",
    });

    await expect(page).toHaveURL(new RegExp(`/pledges/${id}$`));
    await expect(page.getByText("300 items").first()).toBeVisible();
    const latest = page.getByTestId("ledger-event").first();
    await expect(latest).toContainText("15 Mar 2026");
    await expect(latest).toContainText("Delivered so far 300 items");
    await expect(latest).toContainText("First convoy of generators");
    await expect(latest).toContainText("by Ada Analyst");
    await expect(latest).toContainText("300 generators were handed over on 15 March.");

    const delivered = async (asOf: string) => {
      const answer = await page.request.get(
        `/api/v1/pledges?q=${encodeURIComponent("E2E deliveries")}&asOf=${asOf}`,
      );
      const { data } = (await answer.json()) as { data: { id: string; delivered: number | null }[] };
      return data.find((row) => row.id === id)?.delivered;
    };
    expect(await delivered("2026-03-01")).toBeNull();
    expect(await delivered("2026-04-01")).toBe(300);

    // A second delivery takes the total above the 1,200 pledged: accepted, and said everywhere.
    await page.getByRole("link", { name: "Record a delivery", exact: true }).click();
    await recordDelivery(page, {
      amount: "1,000",
      on: "2026-03-20",
      note: "Second convoy, more than promised",
      source: "E2E logistics bulletin, second issue",
      url: "https://example.org/bulletin-2",
      quote: "1,000 more generators arrived on 20 March.",
    });
    await expect(page).toHaveURL(new RegExp(`/pledges/${id}$`));
    await expect(page.getByTestId("exceeds").first()).toBeVisible();
    const summary = async (asOf: string) => {
      const answer = await page.request.get(
        `/api/v1/summary?metric=items&q=${encodeURIComponent("E2E deliveries")}&asOf=${asOf}`,
      );
      return (
        (await answer.json()) as { data: { deliveredAbovePledge: number; delivered: { high: number } } }
      ).data;
    };
    expect(await summary("2026-03-19")).toMatchObject({ deliveredAbovePledge: 0, delivered: { high: 300 } });
    expect(await summary("2026-03-20")).toMatchObject({ deliveredAbovePledge: 1, delivered: { high: 1300 } });
  });

  test("two analysts edit at once: fields only one changed merge; a field both changed is theirs or mine by choice", async ({
    page,
    browser,
  }) => {
    const id = await addPledge(page, "E2E bridges");
    const other = await browser.newContext({ storageState: storageStateOf("admin") });
    const otherPage = await other.newPage();

    // Both open the form; the admin raises the figure from 1,200 to 6,000 and saves first.
    await page.goto(`/pledges/${id}/edit`);
    await otherPage.goto(`/pledges/${id}/edit`);
    await otherPage.getByLabel("Quantity (lowest)").fill("6,000");
    await otherPage.getByRole("button", { name: "Save changes" }).click();
    await expect(otherPage).toHaveURL(new RegExp(`/pledges/${id}$`));

    // The analyst's form still says 1,200, a field they never touched: saving their scope keeps 6,000.
    await page.getByLabel("Scope").fill("Dnipro crossings");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/pledges/${id}$`));
    await expect(page.getByText("Dnipro crossings")).toBeVisible();
    await expect(page.getByText("6,000 items").first()).toBeVisible();

    // Now both rename it.
    await page.goto(`/pledges/${id}/edit`);
    await otherPage.goto(`/pledges/${id}/edit`);
    await otherPage.getByLabel("Title").fill("E2E bridges (admin's title)");
    await pickRecord(otherPage, "Add a stakeholder", "Germany");
    await otherPage.getByRole("button", { name: "Save changes" }).click();
    await expect(otherPage).toHaveURL(new RegExp(`/pledges/${id}$`));
    await page.getByLabel("Title").fill("E2E bridges (analyst's title)");
    await page.getByLabel("Description").fill("Pontoon bridges");
    await pickRecord(page, "Add a stakeholder", "Poland");
    await page.getByRole("button", { name: "Save changes" }).click();

    const panel = page.getByRole("region", { name: /saved this pledge while you were editing it/ });
    await expect(panel).toBeFocused();
    await expect(panel).toContainText("Erin Admin saved this pledge while you were editing it");
    const row = panel.getByRole("row", { name: /^Title/ });
    await expect(row.getByRole("cell").nth(0)).toHaveText("E2E bridges (admin's title)");
    await expect(row.getByRole("cell").nth(1)).toHaveText("E2E bridges (analyst's title)");
    await expect(row.getByRole("cell").nth(2)).toHaveText("E2E bridges");
    await expect(panel).not.toContainText("Description");
    await expectNoAxeViolations(page);

    // The stakeholders, kept in the picker's state, follow the choice too.
    const links = panel.getByRole("row", { name: /^Stakeholders/ });
    await links.getByRole("button", { name: /^Take theirs/ }).click();
    await expect(page.getByLabel("Role of Germany")).toHaveValue("contributor");
    await expect(page.getByLabel("Role of Poland")).toHaveCount(0);
    await links.getByRole("button", { name: /^Keep mine/ }).click();
    await expect(page.getByLabel("Role of Poland")).toHaveValue("contributor");
    await expect(page.getByLabel("Role of Germany")).toHaveCount(0);
    await links.getByRole("button", { name: /^Take theirs/ }).click();

    await row.getByRole("button", { name: "Keep mine: Title" }).click();
    await expect(page.getByRole("textbox", { name: /^Title/ })).toHaveValue("E2E bridges (analyst's title)");
    await row.getByRole("button", { name: "Take theirs: Title" }).click();
    await expect(page.getByRole("textbox", { name: /^Title/ })).toHaveValue("E2E bridges (admin's title)");
    await expect(page.getByLabel("Description")).toHaveValue("Pontoon bridges");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(new RegExp(`/pledges/${id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("E2E bridges (admin's title)");
    await expect(page.getByText("Pontoon bridges")).toBeVisible();
    await expect(page.getByText("6,000 items").first()).toBeVisible();
    await expect(
      page.getByRole("main").getByRole("link", { name: "Germany", exact: true }).first(),
    ).toBeVisible();
    await other.close();

    // The pledge's change history reads in labels and values, filterable by person, and downloads.
    await page.getByRole("link", { name: "Change history" }).click();
    await expect(page).toHaveURL(/\/audit\?/);
    await expect(page.locator("#audit-results")).toContainText("changes to E2E bridges (admin's title)");
    const raise = page
      .getByTestId("audit-line")
      .filter({ hasText: "Erin Admin" })
      .filter({ hasText: "Quantity (lowest)" });
    await expect(raise).toContainText("Quantity (lowest): 1,200 → 6,000");
    await expect(raise).toContainText("Edited");
    await expectNoAxeViolations(page);
    await page.getByLabel("Person").selectOption("Ada Analyst");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByTestId("audit-line").filter({ hasText: "Erin Admin" })).toHaveCount(0);
    await expect(
      page.getByTestId("audit-line").filter({ hasText: "Scope: none → Dnipro crossings" }),
    ).toHaveCount(1);
    const csv = await page.request.get(
      (await page.getByRole("link", { name: "Download these changes (CSV)" }).getAttribute("href"))!,
    );
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain("Scope,none,Dnipro crossings");
    expect(text).not.toContain("Erin Admin");
  });

  test("a condition's status form lists the pledges it affects; deleting a pledge keeps it out of the list", async ({
    page,
  }) => {
    await page.goto("/manage/condition");
    await page
      .getByRole("link", { name: /ceasefire/i })
      .first()
      .click();
    await expect(page.getByTestId("affected-pledges")).toContainText(/affects \d+ pledges?/);
    await expectNoAxeViolations(page);

    const id = await addPledge(page, "E2E pledge to delete");
    await page.goto(`/pledges/${id}/edit`);
    await page.getByRole("button", { name: "Delete this pledge" }).click();
    // Asked in the page: focus moves to the answer, and Cancel (or Escape) takes the question back.
    const question = page.getByRole("group", { name: "Delete this pledge?" });
    await expect(question.getByRole("button", { name: "Yes, delete" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(question).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete this pledge" })).toBeFocused();
    await page.getByRole("button", { name: "Delete this pledge" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(/\/pledges$/);
    expect((await page.request.get(`/api/v1/pledges/${id}`)).status()).toBe(404);

    // The delete is confirmed with Undo, which brings the pledge back.
    const toast = page.getByRole("listitem").filter({ hasText: "Pledge deleted." });
    await expect(toast).toBeVisible();
    await toast.getByRole("button", { name: "Undo" }).click();
    await expect(page).toHaveURL(new RegExp(`/pledges/${id}$`));
    await expect(page.getByRole("listitem").filter({ hasText: "Pledge restored." })).toBeVisible();
    expect((await page.request.get(`/api/v1/pledges/${id}`)).status()).toBe(200);

    // Deleted again, it waits under "Recently deleted" to be restored.
    await page.goto(`/pledges/${id}/edit`);
    await page.getByRole("button", { name: "Delete this pledge" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page).toHaveURL(/\/pledges$/);
    await page.goto("/pledges/deleted");
    await expectNoAxeViolations(page);
    const row = page.getByTestId("deleted-pledge").filter({ hasText: "E2E pledge to delete" });
    await expect(row).toContainText("Ada Analyst");
    await row.getByRole("button", { name: "Restore E2E pledge to delete" }).click();
    await expect(page).toHaveURL(new RegExp(`/pledges/${id}$`));
    await expect(page.getByRole("heading", { level: 1, name: "E2E pledge to delete" })).toBeVisible();
  });

  test("plain records: add a stakeholder and a source, refuse to delete a source that is cited", async ({
    page,
  }) => {
    await page.goto("/manage/stakeholder/new");
    await page.getByLabel("Name").fill("E2E Ruritania");
    await page.getByLabel("Kind").selectOption("state");
    await page.getByLabel("Country code").fill("rr");
    await page.getByRole("button", { name: "Add stakeholder" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "E2E Ruritania" })).toBeVisible();
    await expect(page.getByLabel("Country code")).toHaveValue("RR");

    await page.goto("/manage/source/new");
    await page.getByLabel("Title").fill("E2E briefing note");
    await page.getByLabel("URL").fill("not a url");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.locator("#field-url-error")).toContainText("web address");
    await page.getByLabel("URL").fill("https://example.org/note");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "E2E briefing note" })).toBeVisible();

    await page.goto("/manage/source");
    await page.getByRole("link", { name: "E2E ministry statement", exact: true }).click();
    await page.getByRole("button", { name: "Delete this source" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("still linked to or cited");
    // Refused, the section offers the first button again rather than the question.
    await expect(page.getByRole("button", { name: "Yes, delete" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete this source" })).toBeFocused();
  });
});

test.describe("administration", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin creates a token, which works until it is revoked", async ({ page, playwright, baseURL }) => {
    await page.goto("/admin");
    await expectNoAxeViolations(page);
    await page.getByRole("textbox", { name: "Name", exact: true }).last().fill("E2E nightly export");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByTestId("new-token").inputValue();
    expect(token).toMatch(/^pw_/);

    const script = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const auth = { authorization: `Bearer ${token}` };
    expect((await script.get("/api/v1/summary", { headers: auth })).status()).toBe(200);
    // A viewer token reads but cannot write.
    expect((await script.patch("/api/v1/pledges/x", { headers: auth, data: {} })).status()).toBe(403);

    await expect(page.getByRole("button", { name: "Copy" })).toBeVisible();
    await page.reload();
    const row = page
      .getByRole("region", { name: "API tokens" })
      .getByRole("row", { name: /E2E nightly export/ });
    // Created for the default 90 days.
    await expect(row).toContainText(String(new Date(Date.now() + 90 * 86_400_000).getUTCFullYear()));
    await page.getByRole("button", { name: "Revoke E2E nightly export" }).click();
    // Revoking asks first, with the focus on the answer.
    const yes = page.getByRole("button", { name: "Yes, revoke" });
    await expect(yes).toBeFocused();
    await yes.click();
    await expect(row).toContainText("revoked");
    expect((await script.get("/api/v1/summary", { headers: auth })).status()).toBe(401);
    await script.dispose();
  });
});

test.describe("an API client", () => {
  test("that writes reads its own write at once, by sending back the cookie its write's answer set", async ({
    playwright,
    baseURL,
  }) => {
    const token = execFileSync(
      "npm",
      ["run", "--silent", "token", "--", "create", "--role", "analyst", "--name", "E2E script"],
      { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl }, encoding: "utf8" },
    )
      .trim()
      .split("\n")
      .pop()!;
    // A script's client with a cookie jar, as Playwright's and most HTTP libraries' are.
    const script = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    // This test's own pledge alone, whatever other specs write meanwhile.
    const title = "E2E pledge written through the API";
    const pledgedItems = async () =>
      (
        (await (await script.get(`/api/v1/summary?metric=items&q=${encodeURIComponent(title)}`)).json()) as {
          data: { pledged: { high: number } };
        }
      ).data.pledged.high;
    const before = await pledgedItems();
    const created = await script.post("/api/v1/pledges", {
      data: {
        title,
        category: "assistance",
        quantityUnit: "items",
        quantityLow: "700",
        quantityHigh: "700",
        quantityQualifier: "exact",
        announcedOn: "2026-02-01",
        stakeholders: [],
        conditionIds: [],
        source: { title: "E2E API bulletin", url: "https://example.org/api-bulletin", quote: "700 items" },
      },
    });
    expect(created.status()).toBe(201);
    // The write's data version, for the client's next reads (server/data-version.ts).
    expect(created.headers()["set-cookie"]).toMatch(/pw-wrote=\d+/);
    // Others may be given the figures held for up to a second; the writer is not.
    expect(before).toBe(0);
    expect(await pledgedItems()).toBe(700);
    await script.dispose();
  });
});
