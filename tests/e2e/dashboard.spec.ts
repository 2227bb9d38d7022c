import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  drawnChart,
  expectChartTextInside,
  expectNoAxeViolations,
  expectNoHorizontalOverflow,
} from "./support/page-checks";

const card = (page: Page, name: string) => page.getByTestId(`kpi-${name}`);

test.describe("dashboard", () => {
  test("answers pledged, required, shortfall and coverage at a glance", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("headline")).toHaveText(
      /^Pledges cover at most 30–60 % of the 50,000–100,000 personnel needed, and those free of conditions 0 %, as recorded on \d+ \w+ 20\d\d\.$/,
    );
    await expect(card(page, "required")).toContainText("50,000–100,000 personnel");
    await expect(card(page, "pledged")).toContainText("up to 30,000 personnel");
    await expect(card(page, "unconditional")).toContainText("0 personnel");
    await expect(card(page, "delivered")).toContainText("0 personnel");
    await expect(card(page, "shortfall")).toContainText("at least 20,000–70,000 personnel");
    await expect(card(page, "coverage")).toContainText("at most 30–60 %");

    // The chart's numbers, as a table.
    const table = page.getByTestId("gap-table");
    await expect(table.getByRole("row", { name: /^Pledged/ })).toContainText("up to 30,000 personnel");
    await expect(table.getByRole("row", { name: /British Army/ })).toContainText("about 70,000 personnel");
    await expect(
      (await drawnChart(page, "gap-chart")).locator(".recharts-bar-rectangle").first(),
    ).toBeVisible();

    await expect(page.getByTestId("by-status").getByRole("row", { name: /Conditional/ })).toContainText("6");
    await expect(page.getByTestId("by-stakeholder").getByRole("row", { name: /France/ })).toContainText(
      "up to 30,000 personnel",
    );
    await page.getByRole("link", { name: "sources" }).first().click();
    await expect(page).toHaveURL(/#evidence$/);
    await expect(page.locator("#evidence")).toContainText("between 50,000 and 100,000 troops");
    await page.screenshot({ path: "test-results/screenshots/dashboard.png", fullPage: true });
  });

  test("recomputes every figure when a condition is assumed met, without reloading the page, and keeps the scenario in the URL", async ({
    page,
  }) => {
    await page.goto("/dashboard");
    const documents: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") documents.push(request.url());
    });
    const conditions = page.getByTestId("conditions-table");
    await expect(conditions.getByRole("row", { name: /Russia agrees to a ceasefire/ })).toContainText(
      "5 pledges",
    );

    const ceasefire = page.getByRole("checkbox", { name: "Russia agrees to a ceasefire" });
    await ceasefire.check();
    await expect(page).toHaveURL(/assume=russia-agrees-to-ceasefire/);
    await expect(page.getByTestId("headline")).toContainText(
      "If Russia agrees to a ceasefire: pledges cover",
    );
    await expect(ceasefire).toBeFocused();
    // The deterrence force also waits on the ceasefire line, so nothing is unconditional yet…
    await expect(card(page, "unconditional")).toContainText("0 personnel");
    await expect(conditions.getByRole("row", { name: /Boundaries of the ceasefire line/ })).toContainText(
      "1 pledge, up to 30,000 personnel",
    );
    await expect(page.getByTestId("by-status").getByRole("row", { name: /Conditional/ })).toContainText("1");

    // …and with both conditions met, the whole 30,000 is.
    await page.getByRole("checkbox", { name: "Boundaries of the ceasefire line agreed" }).check();
    await expect(card(page, "unconditional")).toContainText("up to 30,000 personnel");
    await expect(
      page.getByTestId("gap-table").getByRole("row", { name: /Coverage \(unconditional\)/ }),
    ).toContainText("at most 30–60 %");
    // A date too: the figures as they stood before the summit, still without a page load.
    await page.getByLabel("As of").fill("2026-01-05");
    await expect(page).toHaveURL(/asOf=2026-01-05/);
    await expect(page.getByTestId("no-pledges")).toBeVisible();
    await expect(page.getByLabel("As of")).toBeFocused();
    expect(documents).toEqual([]);
    await page.getByLabel("As of").fill("");
    await expect(page).not.toHaveURL(/asOf=/);
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Russia agrees to a ceasefire" })).toBeChecked();
    await expect(card(page, "unconditional")).toContainText("up to 30,000 personnel");
  });

  test("takes a date typed digit by digit only once it is whole", async ({ page }) => {
    await page.goto("/dashboard");
    // Digits typed before the page is interactive stay in the field unseen (once seen: a loaded machine).
    await drawnChart(page, "gap-chart");
    const asOf = page.getByLabel("As of");
    await asOf.focus();
    await asOf.pressSequentially("03012026", { delay: 50 });
    await expect(page).toHaveURL(/asOf=2026-0[13]-0[13]/);
    await expect(page.getByRole("alert").filter({ hasText: "could not be used" })).toHaveCount(0);
    await expect(asOf).toBeFocused();
  });

  test("shows no pledges as of a date before the summit", async ({ page }) => {
    await page.goto("/dashboard?asOf=2026-01-05");
    await expect(page.getByTestId("no-pledges")).toBeVisible();
    await expect(card(page, "pledged")).toContainText("0 personnel");
    await expect(page.getByText("No status change was recorded by this date.")).toBeVisible();
    await page.goto("/dashboard?asOf=2026-01-06");
    await expect(card(page, "pledged")).toContainText("up to 30,000 personnel");
  });

  test("says what each condition is worth, with the API's numbers, beside a chart", async ({ page }) => {
    await page.goto("/dashboard");
    const answer = await page.request.get("/api/v1/breakdown?by=condition");
    expect(answer.status()).toBe(200);
    type Effect = { pledges: number; quantity: { high: number } };
    const rows = (
      (await answer.json()) as {
        data: {
          label: string;
          status: string;
          alone: { unlocks: Effect };
          holdsBack: Effect;
          joint: unknown[];
        }[];
      }
    ).data.filter((row) => row.status === "unmet");
    expect(rows.length).toBeGreaterThan(1);
    const table = page.getByTestId("condition-worth-table");
    const words = ({ pledges, quantity }: Effect) =>
      pledges === 0
        ? "Nothing"
        : `${pledges} ${pledges === 1 ? "pledge" : "pledges"}${quantity.high > 0 ? `, ${quantity.high.toLocaleString("en-GB")}` : ""}`;
    for (const row of rows) {
      const cells = table.getByRole("row", { name: new RegExp(`^${row.label}`) }).getByRole("cell");
      await expect(cells.nth(0)).toContainText(words(row.alone.unlocks).replace(/, ([\d,]+)$/, ""));
      if (row.alone.unlocks.quantity.high > 0)
        await expect(cells.nth(0)).toContainText(row.alone.unlocks.quantity.high.toLocaleString("en-GB"));
      await expect(cells.nth(2)).toContainText(words(row.holdsBack).replace(/, ([\d,]+)$/, ""));
      if (row.holdsBack.quantity.high > 0)
        await expect(cells.nth(2)).toContainText(row.holdsBack.quantity.high.toLocaleString("en-GB"));
      if (row.joint.length > 0) await expect(cells.nth(4)).toContainText("with ");
    }
    const chart = await drawnChart(page, "condition-worth-chart");
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(chart).toHaveAttribute("aria-label", /Russia agrees to a ceasefire: met alone releases/);
  });

  test("draws the gap over time, its last point the headline's figures, with every point as a table", async ({
    page,
  }) => {
    await page.goto("/dashboard?asOf=2026-03-01");
    const chart = await drawnChart(page, "gap-history-chart");
    await expect(chart.locator(".recharts-area-area").first()).toBeVisible();
    await page.getByText("The chart's figures as a table").click();
    const rows = page.getByTestId("history-table").getByRole("row");
    await expect(rows.nth(1)).toContainText("6 Jan 2026");
    const last = rows.last();
    await expect(last).toContainText("1 Mar 2026");
    await expect(last).toContainText("50,000–100,000 personnel");
    await expect(last).toContainText("up to 30,000 personnel");
    await expect(card(page, "pledged")).toContainText("up to 30,000 personnel");
    // A scenario carries into the history: the last point's unconditional is the card's.
    await page.getByRole("checkbox", { name: "Russia agrees to a ceasefire" }).check();
    await page.getByRole("checkbox", { name: "Boundaries of the ceasefire line agreed" }).check();
    await expect(card(page, "unconditional")).toContainText("up to 30,000 personnel");
    await expect(last.getByRole("cell").nth(2)).toHaveText("up to 30,000 personnel");
  });

  test("cites the figure with its view's address and sources, and downloads a chart as SVG and PNG", async ({
    page,
  }) => {
    await page.goto("/dashboard?assume=russia-agrees-to-ceasefire");
    await expect(page.getByTestId("last-change")).toContainText(/Last change recorded \d+ \w+ 20\d\d/);
    await page.getByText("Cite this figure").click();
    const citation = page.getByTestId("citation-text");
    await expect(citation).toContainText("If Russia agrees to a ceasefire: pledges cover");
    // The address pins the unit and the moment read, so that it shows these figures later too.
    await expect(citation).toContainText(
      /\/dashboard\?metric=personnel&assume=russia-agrees-to-ceasefire&knownAt=\d{4}-\d{2}-\d{2}T[\d%A.]+Z \(read /,
    );
    await expect(citation).toContainText("Sources: ");
    const panel = page.locator("section[aria-labelledby=gap-heading]");
    await drawnChart(page, "gap-chart");
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Download SVG" }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe("pledgewatch-pledged-against-required.svg");
    const text = readFileSync(await svg.path(), "utf8");
    expect(text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain("Unconditional");
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("button", { name: "Download PNG" }).click(),
    ]);
    expect(png.suggestedFilename()).toBe("pledgewatch-pledged-against-required.png");
    expect(readFileSync(await png.path()).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  test("explains bad parameters", async ({ page }) => {
    const response = await page.goto("/dashboard?asOf=2026-02-31&assume=DROP%20TABLE");
    expect(response?.status()).toBe(200);
    const alert = page.getByRole("alert").filter({ hasText: "could not be used" });
    await expect(alert).toContainText("2026-02-31 is not a calendar date");
    await expect(alert).toContainText("assume takes condition identifiers");
    await page.goto("/dashboard?assume=no-such-condition&metric=EUR");
    const unknown = page.getByRole("alert").filter({ hasText: "could not be used" });
    await expect(unknown).toContainText('there is no condition "no-such-condition"');
    // A unit without a requirement is no error: its totals are shown, and the unit stays chosen.
    await expect(unknown).not.toContainText("EUR");
  });

  test("shows a unit without a requirement as totals with a plain note, never an error", async ({ page }) => {
    await page.goto("/dashboard?metric=EUR");
    await expect(page.getByTestId("headline")).toContainText("no requirement is recorded in EUR");
    await expect(page.getByTestId("no-requirement")).toContainText("No requirement is recorded for EUR");
    await drawnChart(page, "gap-history-chart");
    await expect(page.getByRole("alert").filter({ hasText: "could not be used" })).toHaveCount(0);
    const unit = page.getByLabel("Unit");
    await expect(unit).toHaveValue("EUR");
    await page.getByRole("checkbox", { name: "Russia agrees to a ceasefire" }).check();
    await expect(page).toHaveURL(/metric=EUR/);
    await expect(page).toHaveURL(/assume=russia-agrees-to-ceasefire/);
    await expect(page.getByTestId("headline")).toContainText("If Russia agrees to a ceasefire:");
  });

  test("works from the keyboard and passes an axe scan", async ({ page }) => {
    await page.goto("/dashboard");
    await page.getByRole("checkbox", { name: "Russia agrees to a ceasefire" }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/assume=russia-agrees-to-ceasefire/);
    await expect(page.getByTestId("headline")).toContainText("If Russia agrees to a ceasefire:");
    await expect(page.getByRole("checkbox", { name: "Russia agrees to a ceasefire" })).toBeFocused();
    await expectNoAxeViolations(page);
  });

  for (const width of [390, 1366]) {
    test(`draws every chart's text inside the chart at ${width} px, capacities off the scale said so`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/dashboard");
      for (const chart of ["gap-chart", "gap-history-chart", "condition-worth-chart", "carried-chart"]) {
        await expectChartTextInside(page, chart);
        await page.getByTestId(chart).screenshot({ path: `test-results/screenshots/${chart}-${width}.png` });
      }
      const key = page.getByTestId("gap-chart-key");
      await expect(key.getByRole("listitem").filter({ hasText: "British Army" })).toContainText(
        "(dotted line)",
      );
      await expect(key.getByRole("listitem").filter({ hasText: "France" })).toContainText(
        "at least 260,000 personnel (beyond the chart's scale)",
      );
      // The tooltip says the figure in words, with its bound.
      await page.getByTestId("gap-chart").locator(".recharts-bar-rectangle").first().hover();
      await expect(page.getByTestId("gap-chart")).toContainText("Pledged: up to 30,000 personnel");
    });
  }

  test("counts who carries what for each carrier or once by lead, as the API does, without reloading", async ({
    page,
  }) => {
    await page.goto("/dashboard");
    const table = page.getByTestId("by-stakeholder");
    const note = page.getByTestId("stakeholder-counting");
    await expect(note).toContainText(
      "the rows add up to more than everything pledged (up to 30,000 personnel)",
    );
    const documents: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "document") documents.push(request.url());
    });
    const byLead = page.getByRole("radio", { name: "Once, for its lead" });
    await byLead.check();
    await expect(page).toHaveURL(/count=lead/);
    await expect(note).toContainText("the rows add up to everything pledged (up to 30,000 personnel)");
    await expect(byLead).toBeFocused();
    const answer = await page.request.get("/api/v1/breakdown?by=lead");
    const rows = ((await answer.json()) as { data: { label: string; pledges: number }[] }).data;
    const body = table.locator("tbody tr");
    await expect(body).toHaveCount(rows.length);
    for (const [index, row] of rows.entries()) {
      await expect(body.nth(index).locator("th")).toHaveText(row.label);
      await expect(body.nth(index).locator("td").first()).toHaveText(String(row.pledges));
    }
    expect(documents).toEqual([]);
    // Beside the table, conditional and unconditional side by side for each, counted the same way.
    const chart = await drawnChart(page, "carried-chart");
    await expect(chart).toHaveAttribute(
      "aria-label",
      /France: pledged up to 30,000 personnel, unconditional/,
    );
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    // The choice survives a reload, from the address.
    await page.reload();
    await expect(page.getByRole("radio", { name: "Once, for its lead" })).toBeChecked();
    await expectNoAxeViolations(page);
  });

  test("reads well on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/dashboard");
    await expect(card(page, "pledged")).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: "test-results/screenshots/dashboard-phone.png", fullPage: true });
  });

  test("draws a chart once it comes near the screen, its box sized and described before", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/dashboard");
    await expect(card(page, "pledged")).toBeVisible();
    const far = page.getByTestId("condition-worth-chart");
    // Far below the fold on a phone: described and sized, but not drawn (nor its code loaded).
    await expect(far).toHaveAttribute("aria-label", /met alone releases/);
    await expect(far).toHaveAttribute("data-drawn", "false");
    await expect(far.locator("svg")).toHaveCount(0);
    const before = (await far.boundingBox())!.height;
    expect(before).toBeGreaterThan(100);
    await far.scrollIntoViewIfNeeded();
    await expect(far.locator("svg.recharts-surface")).toBeVisible();
    expect((await far.boundingBox())!.height).toBe(before);
  });
});
