import { expect, test } from "@playwright/test";
import { insertConditionalPledge } from "./support/database";

// Runs after the read-only specs (see playwright.config.ts), so the seeded counts they check hold.
test.describe("pledges written by another writer", () => {
  test("a range stays a range and a met condition releases the pledge", async ({ page }) => {
    const blocked = insertConditionalPledge("E2E pledge behind an unmet condition", "unmet");
    const released = insertConditionalPledge("E2E pledge whose condition is met", "met");

    await page.goto(`/pledges/${blocked.pledgeId}`);
    await expect(page.getByRole("region", { name: "What was pledged" })).toContainText(
      "1,000–2,000 personnel",
    );
    await expect(page.getByTestId("effective-status")).toHaveText("Conditional");

    await page.goto(`/pledges/${released.pledgeId}`);
    await expect(page.getByTestId("effective-status")).toHaveText("Committed");
    await expect(page.getByTestId("condition-row")).toContainText("Met");
  });
});
