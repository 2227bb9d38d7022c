// /changes in a browser, on the seed: the summit's pledges are new in a period that holds its day
// and absent from one before it; the figures at both ends; the page passes an axe scan.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/page-checks";

test.describe("what changed", () => {
  test("a period holding the summit lists its pledges as added, with the figures at both ends", async ({
    page,
  }) => {
    await page.goto("/changes?since=2026-01-01&until=2026-03-01");
    await expect(page.getByRole("heading", { level: 1, name: "What changed" })).toBeVisible();
    const figures = page.getByTestId("change-figures");
    await expect(figures.getByRole("row", { name: /^Pledges/ })).toContainText("09+9");
    await expect(page.getByRole("heading", { name: "9 pledges moved, largest change first" })).toBeVisible();
    const first = page.getByTestId("pledge-changes").getByRole("listitem").first();
    await expect(first).toContainText("Added:");
    // Its creation evidence, quoted.
    await expect(first.locator("blockquote").first()).toBeVisible();
    await expectNoAxeViolations(page);

    // The same period, from the API: the same figures.
    const api = await page.request.get("/api/v1/changes?since=2026-01-01&until=2026-03-01");
    const body = (await api.json()) as { total: number; data: { figures: { pledges: { change: number } } } };
    expect(body.total).toBe(9);
    expect(body.data.figures.pledges.change).toBe(9);
  });

  test("a period before the summit has nothing, and a period ending before it starts is refused", async ({
    page,
  }) => {
    await page.goto("/changes?since=2025-11-01&until=2025-12-31");
    await expect(page.getByText("No pledge changed.")).toBeVisible();
    await expect(page.getByText("No condition changed.")).toBeVisible();

    await page.getByLabel("From (first day)").fill("2026-03-01");
    await page.getByLabel("To (last day)").fill("2026-01-01");
    await page.getByRole("button", { name: "Show changes" }).click();
    await expect(page.getByText("until is before since")).toBeVisible();
  });

  test("is reached from the header", async ({ page }) => {
    await page.goto("/dashboard");
    await page.getByRole("banner").getByRole("link", { name: "Changes", exact: true }).click();
    await expect(page).toHaveURL(/\/changes$/);
    await expect(page.getByRole("heading", { level: 1, name: "What changed" })).toBeVisible();
  });
});

test.describe("feeds", () => {
  test("every page with a feed advertises it, and the feed answers as Atom", async ({ page }) => {
    const advertised = async () =>
      page.locator('link[rel="alternate"][type="application/atom+xml"]').getAttribute("href");
    await page.goto("/dashboard");
    expect(await advertised()).toBe("/feeds/changes.atom");
    await page.goto("/pledges?stakeholder=france&page=2");
    expect(await advertised()).toBe("/feeds/changes.atom?stakeholder=france");
    await page.goto("/pledges");
    // Loaded whole, as a feed reader looking for the feed does.
    const pledgePage = await page
      .getByRole("link", { name: "Multinational deterrence force" })
      .getAttribute("href");
    await page.goto(pledgePage!);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const pledgeFeed = await advertised();
    expect(pledgeFeed).toMatch(/^\/feeds\/changes\.atom\?pledge=/);

    const feed = await page.request.get(pledgeFeed!);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(await feed.text()).toContain("<title>Pledgewatch: Multinational deterrence force</title>");
  });
});
