import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalOverflow } from "./support/page-checks";

test.describe("stakeholder and condition pages", () => {
  test("a stakeholder's page: stance with its source, what it carries against its capacity, its pledges", async ({
    page,
  }) => {
    await page.goto("/dashboard");
    await page.getByTestId("by-stakeholder").getByRole("link", { name: "France", exact: true }).click();
    await expect(page).toHaveURL(/\/stakeholders\/france$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("France");
    const totals = page.getByTestId("stakeholder-totals");
    await expect(totals.getByRole("row", { name: /^personnel/ })).toContainText("up to 30,000 personnel");
    await expect(totals.getByRole("row", { name: /^personnel/ })).toContainText(/at most [\d.]+ % of France/);
    await expect(page.getByText("A pledge counts in full for each stakeholder")).toBeVisible();
    await expect(page.getByTestId("pledge-row").first()).toBeVisible();
    await page.getByRole("link", { name: "Russia agrees to a ceasefire" }).first().click();
    await expect(page).toHaveURL(/\/conditions\/russia-agrees-to-ceasefire$/);
  });

  test("a condition's page: status and evidence, what meeting it is worth, its history and pledges", async ({
    page,
  }) => {
    await page.goto("/conditions/russia-agrees-to-ceasefire");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Russia agrees to a ceasefire");
    const worth = page.getByTestId("condition-worth-personnel");
    await expect(worth).toContainText("Met alone, it releases5 pledges");
    await expect(worth).toContainText(
      "met with Boundaries of the ceasefire line agreed: 6 pledges, up to 30,000 personnel released in all",
    );
    await expect(page.getByRole("heading", { name: /Pledges tied to it \(\d+\)/ })).toBeVisible();
    await page.getByRole("link", { name: "See the dashboard as if it were met" }).click();
    await expect(page).toHaveURL(/\/dashboard\?assume=russia-agrees-to-ceasefire$/);
    await expect(page.getByTestId("headline")).toContainText("If Russia agrees to a ceasefire:");
  });

  test("a source's page: where it comes from and everything it is evidence for, reached from a quote", async ({
    page,
  }) => {
    await page.goto("/pledges");
    await page.getByRole("link", { name: "Multinational deterrence force" }).click();
    const sourceLink = page.getByRole("link", { name: /^all it supports: / }).first();
    const title = (await sourceLink.getAttribute("aria-label"))!.replace("all it supports: ", "");
    await sourceLink.click();
    await expect(page).toHaveURL(/\/sources\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByTestId("source-citations")).toContainText(/Cited (once|\d+ times)/);
    await expect(
      page
        .getByRole("region", { name: /^Pledges \(\d+\)$/ })
        .getByRole("link", { name: "Multinational deterrence force" }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    expect((await page.goto("/sources/no-such-source"))?.status()).toBe(404);
  });

  test("the pages and the methodology pass an axe scan and fit a phone; an unknown name is not found", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ["/stakeholders/france", "/conditions/russia-agrees-to-ceasefire", "/methodology"]) {
      await page.goto(path);
      await expectNoHorizontalOverflow(page);
      await expectNoAxeViolations(page);
    }
    await expect(page.locator("#several-pledgers")).toContainText("add up to more than the total");
    await expect(page.locator("#conditional")).toContainText(
      "while any of its conditions is “Unmet” or “Partially met”",
    );
    for (const path of ["/stakeholders/no-such-stakeholder", "/conditions/NOT%20A%20SLUG"]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    }
  });
});
