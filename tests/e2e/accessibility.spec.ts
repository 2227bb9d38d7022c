import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const pages = [
  ["pledge list", "/pledges"],
  ["filtered list", "/pledges?effective=conditional&category=force"],
  ["list with bad filters", "/pledges?status=finished"],
  ["not found", "/pledges/no-such-pledge"],
] as const;

for (const [name, path] of pages) {
  test(`${name} passes an axe scan`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes`)).toEqual([]);
  });
}

test("the pledge page passes an axe scan", async ({ page }) => {
  await page.goto("/pledges");
  await page.getByRole("link", { name: "Multinational deterrence force" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes`)).toEqual([]);
});
