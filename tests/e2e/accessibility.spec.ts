import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/page-checks";

const pages = [
  ["pledge list", "/pledges"],
  ["filtered list", "/pledges?effective=conditional&category=force"],
  ["list with bad filters", "/pledges?status=finished"],
  ["not found", "/pledges/no-such-pledge"],
  ["briefing (what the PDF prints)", "/dashboard/briefing?assume=russia-agrees-to-ceasefire"],
] as const;

for (const [name, path] of pages) {
  test(`${name} passes an axe scan`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}

test("the pledge page passes an axe scan", async ({ page }) => {
  await page.goto("/pledges");
  await page.getByRole("link", { name: "Multinational deterrence force" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The title follows the navigation (streamed metadata): scanned once it names the pledge.
  await expect(page).toHaveTitle(/Multinational deterrence force/);
  await expectNoAxeViolations(page);
});
