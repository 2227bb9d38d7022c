import { expect, test, type Page } from "@playwright/test";
import { expectNoHorizontalOverflow } from "./support/page-checks";
import { storageStateOf } from "./support/users";

const rows = (page: Page) => page.getByTestId("pledge-row");

test.describe("pledge list", () => {
  test("shows the seeded Paris pledges with quantities as stated and effective status", async ({ page }) => {
    await page.goto("/pledges");
    await expect(page.getByRole("heading", { name: "Pledges", level: 1 })).toBeVisible();
    await expect(
      page.getByRole("heading", { name: /^9 pledges · sorted by announced, descending$/ }),
    ).toBeVisible();

    const force = rows(page).filter({ hasText: "Multinational deterrence force" });
    await expect(force).toContainText("up to 30,000 personnel");
    await expect(force).toContainText("Conditional");
    await expect(force).toContainText("Russia agrees to a ceasefire");
    await expect(force).toContainText("Coalition of the Willing");

    const assistance = rows(page).filter({ hasText: "Short- and long-term military assistance" });
    await expect(assistance).toContainText("Committed");
    await expect(assistance).not.toContainText("Conditional");
    await page.screenshot({ path: "test-results/screenshots/pledge-list.png", fullPage: true });
  });

  test("sorts by its column headings without reloading, the order in the address, from the keyboard", async ({
    page,
  }) => {
    await page.goto("/pledges");
    const documents: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") documents.push(request.url());
    });
    const table = page.getByRole("table", { name: "Pledges matching the filters" });
    const heading = (name: string) => table.getByRole("columnheader", { name: new RegExp(`^${name}`) });
    await expect(heading("Announced")).toHaveAttribute("aria-sort", "descending");
    await expect(heading("Pledge")).toHaveAttribute("aria-sort", "none");
    const titles = async () => (await rows(page).getByRole("link").allTextContents()).filter(Boolean);
    const firstTitles = () => rows(page).locator("td:first-child a");

    const byTitle = page.getByRole("link", { name: /^Pledge ?, sort ascending$/ });
    await byTitle.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=title&dir=asc/);
    await expect(page.getByRole("heading", { name: /sorted by title, ascending$/ })).toBeVisible();
    await expect(heading("Pledge")).toHaveAttribute("aria-sort", "ascending");
    await expect(heading("Announced")).toHaveAttribute("aria-sort", "none");
    const ascending = await firstTitles().allTextContents();
    expect(ascending).toEqual([...ascending].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    // The same heading, now offering the other direction, keeps the focus.
    await expect(page.getByRole("link", { name: /^Pledge ?, sort descending$/ })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/sort=title&dir=desc/);
    await expect(firstTitles()).toHaveText([...ascending].reverse());

    await heading("Quantity").getByRole("link").click();
    await expect(page).toHaveURL(/sort=quantity&dir=desc/);
    await expect(firstTitles().first()).toHaveText("Multinational deterrence force");
    expect(await titles()).not.toHaveLength(0);
    expect(documents).toEqual([]);
  });

  test("totals every page of the filtered list as the summary API does, and offers page sizes", async ({
    page,
  }) => {
    await page.goto("/pledges?category=force&pageSize=50");
    const { data: summary } = (await (await page.request.get("/api/v1/summary?category=force")).json()) as {
      data: { pledged: { high: number }; unconditional: { high: number }; delivered: { high: number } };
    };
    const personnel = page.getByTestId("list-totals").getByRole("row", { name: /^personnel/ });
    const cells = personnel.getByRole("cell");
    await expect(cells.nth(0)).toContainText(summary.pledged.high.toLocaleString("en-GB"));
    await expect(cells.nth(1)).toContainText(summary.unconditional.high.toLocaleString("en-GB"));
    await expect(cells.nth(2)).toContainText(summary.delivered.high.toLocaleString("en-GB"));
    const sizes = page.getByRole("navigation", { name: "Pledges per page" });
    await expect(sizes.getByText("50", { exact: true })).toHaveAttribute("aria-current", "page");
    await sizes.getByRole("link", { name: "100" }).click();
    await expect(page).toHaveURL(/category=force&pageSize=100$/);
    await expect(rows(page)).toHaveCount(2);
    await page.goto("/pledges?pageSize=30&sort=colour");
    const problems = page.getByRole("alert").filter({ hasText: "could not be used" });
    await expect(problems).toContainText("pageSize must be one of 25, 50, 100, 200");
    await expect(problems).toContainText('"colour" is not a known column to sort by');
  });

  // One test a filter kind: each step is a page load, and together they ran past 30 s on busy cores.
  test("filters by category from the form, keeping it in the URL", async ({ page }) => {
    await page.goto("/pledges");
    await page.getByRole("checkbox", { name: "Force (troops, deterrence)" }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/category=force/);
    await expect(rows(page)).toHaveCount(2);
  });

  test("filters by stakeholder, then by condition from the form", async ({ page }) => {
    await page.goto("/pledges?stakeholder=poland");
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page)).toContainText("Poland as a logistics hub");
    await expect(page.getByLabel("Stakeholder")).toHaveValue("poland");

    await page.getByLabel("Stakeholder").selectOption("");
    await page
      .getByLabel("Condition", { exact: true })
      .selectOption({ label: "Boundaries of the ceasefire line agreed" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/condition=ceasefire-line-agreed/);
    await expect(page).not.toHaveURL(/stakeholder=poland/);
    await expect(rows(page)).toHaveCount(1);
  });

  test("filters by effective status, stated status, text and date from the URL", async ({ page }) => {
    await page.goto("/pledges?effective=conditional");
    await expect(rows(page)).toHaveCount(6);
    await page.goto("/pledges?effective=committed&effective=announced");
    await expect(rows(page)).toHaveCount(3);
    await page.goto("/pledges?status=committed&category=infrastructure");
    await expect(rows(page)).toHaveCount(1);
    await page.goto("/pledges?q=hubs");
    await expect(rows(page)).toHaveCount(2);
    await page.goto("/pledges?from=2026-01-07");
    await expect(page.getByText("No pledge matches these filters.")).toBeVisible();
  });

  test("explains bad filters instead of failing", async ({ page }) => {
    const response = await page.goto("/pledges?status=finished&from=2026-13-45&page=99999999999999999999");
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: "could not be used" });
    await expect(alert).toContainText('"finished" is not a known lifecycle status');
    await expect(alert).toContainText("2026-13-45 is not a calendar date");
    await expect(alert).toContainText("page is at most 10,000");
    await expect(rows(page)).toHaveCount(0);
    await alert.getByRole("link", { name: "clear all filters" }).click();
    await expect(rows(page)).toHaveCount(9);
  });

  test("shows the list as it stood on a date, and keeps the date and scenario when filtering", async ({
    page,
  }) => {
    await page.goto("/pledges?asOf=2026-01-05");
    await expect(page.getByText("As it stood at the end of 5 Jan 2026")).toBeVisible();
    await expect(rows(page)).toHaveCount(0);
    await page.goto(
      "/pledges?asOf=2026-01-06&assume=russia-agrees-to-ceasefire&assume=ceasefire-line-agreed",
    );
    await expect(rows(page)).toHaveCount(9);
    await expect(rows(page).filter({ hasText: "Multinational deterrence force" })).not.toContainText(
      "Conditional",
    );
    await page.getByRole("checkbox", { name: "Force (troops, deterrence)" }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/asOf=2026-01-06/);
    await expect(page).toHaveURL(/assume=ceasefire-line-agreed/);
    await expect(rows(page)).toHaveCount(2);
  });

  test("works from the keyboard", async ({ page }) => {
    await page.goto("/pledges");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.getByLabel("Search").focus();
    await page.keyboard.type("guarantees");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=guarantees/);
    await expect(rows(page)).toHaveCount(1);
    await rows(page).getByRole("link", { name: "Legally binding security guarantees" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Legally binding security guarantees");
  });
});

test.describe("pledge page", () => {
  test("shows who pledged what, conditions, evidence and history", async ({ page }) => {
    await page.goto("/pledges");
    await page.getByRole("link", { name: "Multinational deterrence force" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Multinational deterrence force");

    const facts = page.getByRole("region", { name: "What was pledged" });
    await expect(facts).toContainText("up to 30,000 personnel");
    await expect(facts).toContainText("Announced");
    await expect(page.getByTestId("effective-status")).toHaveText("Conditional");
    await expect(
      page.getByText("Waiting on Boundaries of the ceasefire line agreed; Russia agrees to a ceasefire"),
    ).toBeVisible();

    const who = page.getByRole("region", { name: "Who" });
    await expect(who).toContainText("Coalition of the Willing");
    await expect(who).toContainText("France — Lead");

    const conditions = page.getByTestId("condition-row");
    await expect(conditions).toHaveCount(2);
    await expect(conditions.filter({ hasText: "Russia agrees to a ceasefire" })).toContainText("Unmet");
    await expect(conditions.filter({ hasText: "Russia agrees to a ceasefire" })).toContainText("Russia");

    await expect(page.getByRole("region", { name: "Evidence" })).toContainText(
      "Negotiations moved closer to finalizing a multinational security presence of up to 30,000 personnel.",
    );
    const history = page.getByTestId("status-change");
    await expect(history).toHaveCount(1);
    await expect(history).toContainText("6 Jan 2026");
    await expect(history).toContainText("Recorded as → Announced");
    await expect(history).toContainText("000_cc456be6a0119d59.txt");
    await page.screenshot({ path: "test-results/screenshots/pledge-page.png", fullPage: true });
  });

  test("answers 404 for a pledge that does not exist", async ({ page }) => {
    for (const id of ["no-such-pledge", "%3Cscript%3E", "x".repeat(300)]) {
      const response = await page.goto(`/pledges/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    }
  });

  test("reads well on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/pledges");
    await page.waitForLoadState("networkidle");
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: "test-results/screenshots/pledge-list-phone.png", fullPage: true });
  });
});

test.describe("pledge list, for an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("records a status change or a delivery from the pledge's row, and adds a pledge from the header", async ({
    page,
  }) => {
    await page.goto("/pledges");
    await page
      .getByRole("link", { name: "Record a status change of Multinational deterrence force" })
      .click();
    await expect(page).toHaveURL(/\/pledges\/[^/]+\/status$/);
    await page.goBack();
    await page.getByRole("link", { name: "Record a delivery of Multinational deterrence force" }).click();
    await expect(page).toHaveURL(/\/pledges\/[^/]+\/delivery$/);
    await page.getByRole("banner").getByRole("link", { name: "Add a pledge" }).click();
    await expect(page).toHaveURL(/\/pledges\/new$/);
  });
});

test("a viewer is offered neither", async ({ page }) => {
  await page.goto("/pledges");
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /^Record a/ })).toHaveCount(0);
  await expect(page.getByRole("banner").getByRole("link", { name: "Add a pledge" })).toHaveCount(0);
});
