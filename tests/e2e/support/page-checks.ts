import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Runs axe with the WCAG 2.1 A and AA rules and expects no violation at all. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams a dynamic page's <title> after its first bytes: scanning before it lands would
  // report a missing title that the reader does get (a flaky failure seen once in CI).
  await expect(page).toHaveTitle(/\S/);
  // Colours are judged as they end up: a toast still fading in is half transparent, and axe would
  // measure its text against the page behind it (a flaky contrast failure seen once in CI). Endless
  // animations (a loading pulse) are not waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation) =>
          animation.playState !== "running" || animation.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes`)).toEqual([]);
}

/** Expects nothing on the page to stick out sideways, as happens on a phone when a layout breaks. */
export async function expectNoHorizontalOverflow(page: Page) {
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      // Visually hidden text is clipped, and a wide table may scroll inside its own box.
      .filter((element) => !element.closest('[class*="sr-only"]'))
      .filter((element) => !element.parentElement?.closest(".overflow-x-auto"))
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
  expect(overflowing).toEqual([]);
}
