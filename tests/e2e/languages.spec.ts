// The dashboard read in Ukrainian and in French: every word from the catalogs, numbers and dates as
// each language writes them, the scenario's headline in the language, and axe clean with the page's
// lang set. Read-only: the language comes from the switcher's cookie, not the viewer's account.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { englishInTexts, englishLeaks } from "./support/english-leaks";
import { expectNoAxeViolations } from "./support/page-checks";
import { sheetsThroughLibreOffice } from "./support/readers";
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
  // The figures stream in after the page's frame: wait for them, or there is less to find.
  await expect(page.getByTestId("kpi-pledged")).toBeVisible();
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
    const raw = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    const text = raw.replace(/\s+/g, " ");
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
    // What changed, in the briefing's last section, is Ukrainian too; and no English message anywhere.
    expect(text).toMatch(/Показник На початок дня .{1,40} Зараз Зміна/);
    expect(englishInTexts(raw.split(/\n| {2,}/), "uk")).toEqual([]);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Title:\s+Довідка Pledgewatch: /);
    expect(info).toMatch(/Keywords:\s+Pledgewatch, зобов’язання, припинення вогню, Україна/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the workbook of a Ukrainian reader is in Ukrainian, as LibreOffice in Ukrainian shows it", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const page = await readerIn(browser, "uk");
  const response = await page.request.get("/api/v1/exports/report.xlsx?assume=russia-agrees-to-ceasefire");
  expect(response.status()).toBe(200);
  const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-uk-"));
  try {
    const file = path.join(dir, "report.xlsx");
    writeFileSync(file, await response.body());
    const sheets = sheetsThroughLibreOffice(file, dir, { asShown: true, locale: "uk-UA" });
    expect([...sheets.keys()].sort()).toEqual(
      [
        "Про цей звіт",
        "Підсумок",
        "Зобов’язання",
        "Умови",
        "За статусом",
        "За категорією",
        "За учасником",
        "За провідною стороною",
        "Історія статусів",
        "Джерела",
      ].sort(),
    );
    const about = new Map(sheets.get("Про цей звіт")!.map((row) => [row[0], row[1]]));
    expect(about.get("Звіт")).toBe("Pledgewatch: що обіцяно порівняно з потребою");
    expect(about.get("Сценарій")).toBe("Вважаються виконаними: Russia agrees to a ceasefire");
    expect(about.get("Створено")).toMatch(/^\d{1,2} [а-яі]+ \d{4} р\. о \d{2}:\d{2} UTC, автор: /);
    expect(about.get("Як рахується")).toMatch(/^Зобов’язання є умовним/);

    // Figures in words are the catalog's; the numbers are cells that LibreOffice shows as Ukrainian does.
    const figure = (name: string) => sheets.get("Підсумок")!.find((row) => row[0] === name)!;
    expect(figure("Обіцяно")[4]).toBe(`до 30${nbsp}000 військових`);
    expect(figure("Обіцяно")[2]).toMatch(/^\d{1,3}(\s\d{3})+$/u);
    expect(figure("Обіцяно")[2]).not.toContain(",");
    expect(figure("Покриття")[1]).toMatch(/^\d+,\d\s?%$/u);
    const pledges = sheets.get("Зобов’язання")!;
    const statusAt = pledges[0]!.indexOf("effective_status_label");
    const statuses = new Set(pledges.slice(1).map((row) => row[statusAt]));
    expect(statuses.size).toBeGreaterThan(0);
    for (const status of statuses) expect(status).toMatch(/^[А-ЯІЄЇҐ][а-яієїґ’ ]+$/u);
    const lead = sheets.get("За провідною стороною")!;
    expect(lead.some((row) => row[1] === "Без єдиної провідної сторони")).toBe(true);

    // No English message anywhere (record text, such as titles and quotes, stays as entered; the
    // header rows are column codes, the same in every language).
    const cells = [...sheets.values()].flatMap((rows) => rows.slice(1).flat()).filter(Boolean);
    expect(englishInTexts(cells, "uk")).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const locale of ["uk", "fr"] as const) {
  test(`the pledge list and what changed, in ${locale}: every word the catalog's, axe clean`, async ({
    browser,
  }) => {
    const page = await readerIn(browser, locale);
    await page.goto("/pledges");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      locale === "uk" ? "Зобов’язання" : "Engagements",
    );
    await expect(
      page.getByRole("columnheader", {
        name:
          locale === "uk"
            ? /^Зобов’язання ?, сортувати за зростанням$/
            : /^Engagement ?, trier par ordre croissant$/,
      }),
    ).toBeVisible();
    await expect(page.getByTestId("pledge-row").first()).toBeVisible();
    expect(await englishLeaks(page, locale)).toEqual([]);
    await expectNoAxeViolations(page);

    // Sorted by a column, the list says so in the language.
    await page.goto("/pledges?sort=due&dir=asc");
    await expect(page.locator("#results-heading")).toContainText(
      locale === "uk" ? "сортування: строк, за зростанням" : "trié par échéance, ordre croissant",
    );
    expect(await englishLeaks(page, locale)).toEqual([]);

    await page.goto("/changes?since=2026-01-01");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      locale === "uk" ? "Що змінилося" : "Ce qui a changé",
    );
    await expect(page.getByTestId("change-figures")).toBeVisible();
    expect(await englishLeaks(page, locale)).toEqual([]);
    await expectNoAxeViolations(page);
  });
}
