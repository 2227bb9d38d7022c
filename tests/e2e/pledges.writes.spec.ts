import { expect, test } from "@playwright/test";
import { insertPledge, withdrawSeededPledge } from "./support/database";

// Runs after the read-only specs (see playwright.config.ts), so the seeded counts they check hold.
test.describe.configure({ mode: "serial" });

test.describe("pledges written by another writer", () => {
  test("a status change made in the database appears on the dashboard once the figures are renewed, and the past stays as it was", async ({
    page,
  }) => {
    await page.goto("/dashboard");
    await expect(page.getByTestId("kpi-pledged")).toContainText("up to 30,000 personnel");

    await insertPledge({ title: "E2E brigade", low: 7_000n });
    await withdrawSeededPledge("seed:deterrence-force", "2026-03-01T00:00:00.000Z");

    // Another writer's change: readers may be shown the figures held for up to a second while they
    // are renewed (server/data-version.ts), then the new ones.
    const written = Date.now();
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("kpi-pledged")).toContainText("7,000 personnel", { timeout: 100 });
    }).toPass({ intervals: [250], timeout: 10_000 });
    // Within the bound, plus the time to render and reload under a test run's load.
    expect(Date.now() - written).toBeLessThan(5_000);
    await expect(page.getByTestId("kpi-pledged")).not.toContainText("up to");
    await expect(page.getByTestId("kpi-unconditional")).toContainText("7,000 personnel");
    await expect(page.getByTestId("by-status").getByRole("row", { name: /Withdrawn/ })).toContainText("1");
    await expect(page.getByTestId("timeline")).toContainText("Announced → Withdrawn");

    // Rebuilt from the history: before the withdrawal the force was still announced, and the new pledge did not exist.
    await page.goto("/dashboard?asOf=2026-02-01");
    await expect(page.getByTestId("kpi-pledged")).toContainText("up to 30,000 personnel");
    await expect(page.getByTestId("kpi-unconditional")).toContainText("0 personnel");
    await expect(page.getByTestId("timeline")).not.toContainText("Withdrawn");
  });

  test("a range stays a range and a met condition releases the pledge", async ({ page }) => {
    const blocked = await insertPledge({
      title: "E2E pledge behind an unmet condition",
      low: 1_000n,
      high: 2_000n,
      conditionStatus: "unmet",
    });
    const released = await insertPledge({
      title: "E2E pledge whose condition is met",
      low: 1_000n,
      high: 2_000n,
      conditionStatus: "met",
    });

    await page.goto(`/pledges/${blocked}`);
    await expect(page.getByRole("region", { name: "What was pledged" })).toContainText(
      "1,000–2,000 personnel",
    );
    await expect(page.getByTestId("effective-status")).toHaveText("Conditional");

    await page.goto(`/pledges/${released}`);
    await expect(page.getByTestId("effective-status")).toHaveText("Committed");
    await expect(page.getByTestId("condition-row")).toContainText("Met");
  });
});
