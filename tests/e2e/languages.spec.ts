// The dashboard read in Ukrainian and in French: every word from the catalogs, numbers and dates as
// each language writes them, the scenario's headline in the language, and axe clean with the page's
// lang set. Read-only: the language comes from the switcher's cookie, not the viewer's account.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { englishLeaks } from "./support/english-leaks";
import { expectNoAxeViolations } from "./support/page-checks";
import { storageStateOf } from "./support/users";

async function readerIn(browser: Browser, locale: "uk" | "fr") {
  const context = await browser.newContext({ storageState: storageStateOf("viewer") });
  await context.addCookies([{ name: "pw-locale", value: locale, url: test.info().project.use.baseURL! }]);
  return context.newPage();
}

const nbsp = "\u00a0";
const narrow = "\u202f";

test("the dashboard in Ukrainian: its words, numbers, dates and scenario", async ({ browser }) => {
  const page = await readerIn(browser, "uk");
  await page.goto("/dashboard");
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Наскільки вистачає зобов’язань");
  const headline = page.getByTestId("headline");
  await expect(headline).toContainText(`від потрібних 50${nbsp}000–100${nbsp}000 військових`);
  await expect(headline).toContainText(/за записами на \d{1,2} [а-яі]+ \d{4} р\.$/);
  await expect(page.getByTestId("kpi-pledged")).toContainText(`до 30${nbsp}000 військових`);
  await expect(page.getByTestId("kpi-shortfall")).toContainText(
    `щонайменше 20${nbsp}000–70${nbsp}000 військових`,
  );
  expect(await englishLeaks(page, "uk")).toEqual([]);
  await expectNoAxeViolations(page);

  await page.getByRole("checkbox", { name: "Russia agrees to a ceasefire" }).check();
  await expect(headline).toContainText(
    "Якщо виконано «Russia agrees to a ceasefire»: зобов’язання покривають",
  );
  await expect(page).toHaveURL(/assume=russia-agrees-to-ceasefire/);
  expect(await englishLeaks(page, "uk")).toEqual([]);

  // What the address names wrongly is said in Ukrainian too.
  await page.goto("/dashboard?assume=no-such-condition");
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Деякі фільтри в адресі не вдалося застосувати");
  await expect(alert).toContainText("умови «no-such-condition» не існує");
  expect(await englishLeaks(page, "uk")).toEqual([]);
});

test("the dashboard in French: its words and the French number format", async ({ browser }) => {
  const page = await readerIn(browser, "fr");
  await page.goto("/dashboard");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Où en sont les engagements");
  await expect(page.getByTestId("kpi-pledged")).toContainText(`jusqu’à 30${narrow}000 militaires`);
  await expect(page.getByTestId("kpi-coverage")).toContainText(`au plus 30–60${narrow}%`);
  expect(await englishLeaks(page, "fr")).toEqual([]);
  await expectNoAxeViolations(page);
});

test("the leak check finds English where a page is left in English", async ({ page }) => {
  // A reader in English sees the English catalog: checked as if Ukrainian, it is all leaks.
  await page.goto("/dashboard");
  const leaks = await englishLeaks(page, "uk");
  expect(leaks).toContain("How far the pledges go");
  expect(leaks).toContain("Pledged");
});

test("the briefing PDF of a Ukrainian reader's scenario is written in Ukrainian", async ({ browser }) => {
  test.setTimeout(60_000);
  const page = await readerIn(browser, "uk");
  const response = await page.request.get("/api/v1/exports/briefing.pdf?assume=russia-agrees-to-ceasefire");
  expect(response.status()).toBe(200);
  const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-uk-"));
  try {
    const file = path.join(dir, "briefing.pdf");
    writeFileSync(file, await response.body());
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
    for (const words of [
      "Довідка Pledgewatch",
      "Наскільки вистачає зобов’язань станом на",
      "Про цей звіт",
      "Сценарій Вважаються виконаними: Russia agrees to a ceasefire",
      "Як рахується",
      "Коротко",
      "Якщо виконано «Russia agrees to a ceasefire»: зобов’язання покривають",
      "до 30 000 військових",
      "Обіцяне порівняно з потребою",
      "Зобов’язання за фактичним статусом",
      "Джерела",
      `Сторінка 1 з ${pages}`,
    ]) {
      expect(text, words).toContain(words);
    }
    expect(text).not.toContain("About this report");
    expect(text).not.toContain("Pledgewatch briefing");
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Довідка Pledgewatch: /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
