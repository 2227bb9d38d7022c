import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { flashCookie } from "@/lib/flash-cookie";

/** Runs axe with the WCAG 2.1 A and AA rules and expects no violation at all. */
export async function expectNoAxeViolations(page: Page) {
  // Next streams a dynamic page's <title> after its first bytes: scanning before it lands would
  // report a missing title that the reader does get (a flaky failure seen once in CI).
  await expect(page).toHaveTitle(/\S/);
  // A flash left for the page is shown as a toast once sonner has loaded (FlashToaster): the page
  // is judged with it, once its cookie is taken and the page no longer says one is pending.
  await page.waitForFunction(
    (cookie) =>
      !document.cookie.split("; ").some((part) => part.startsWith(`${cookie}=`)) &&
      document.documentElement.dataset.flash !== "pending",
    flashCookie,
  );
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

/** A chart's box, scrolled into view and drawn: charts are drawn only once near the screen. */
export async function drawnChart(page: Page, testId: string) {
  const chart = page.getByTestId(testId);
  await chart.scrollIntoViewIfNeeded();
  await expect(chart.locator("svg.recharts-surface")).toBeVisible();
  return chart;
}

/** Expects every text of the chart (labels, ticks, markers) to lie wholly inside the chart's box. */
export async function expectChartTextInside(page: Page, testId: string) {
  const chart = await drawnChart(page, testId);
  await expect(chart.locator("svg text").first()).toBeVisible();
  const outside = await chart.evaluate((box) => {
    const frame = box.getBoundingClientRect();
    return [...box.querySelectorAll("svg text")]
      .filter((text) => (text.textContent ?? "").trim() !== "")
      .filter((text) => {
        const r = text.getBoundingClientRect();
        return (
          r.left < frame.left - 1 ||
          r.right > frame.right + 1 ||
          r.top < frame.top - 1 ||
          r.bottom > frame.bottom + 1
        );
      })
      .map((text) => text.textContent);
  });
  expect(outside, `text outside the chart ${testId}`).toEqual([]);
}
