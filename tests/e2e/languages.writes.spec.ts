// Pledgewatch in English, Ukrainian and French: the language comes from the account's setting,
// else the switcher's cookie, else the browser's Accept-Language (i18n/locales.ts), and a kept
// page is kept per language. Runs with the writes: it creates an account and sets its language.
import { expect, test, type Browser } from "@playwright/test";
import { createAccountAsAdmin } from "./support/accounts";
import { englishLeaks } from "./support/english-leaks";
import { pickRecord, typeDay } from "./support/pickers";
import { expectNoAxeViolations } from "./support/page-checks";
import { storageStateOf } from "./support/users";

test.describe.configure({ mode: "serial" });

const lina = { name: "Lina Lingua", email: "lina@e2e.test", password: "lina-lingua-password" };

async function anonymous(browser: Browser, locale: string) {
  return (await browser.newContext({ locale, storageState: { cookies: [], origins: [] } })).newPage();
}

test("the browser's language is read, the switcher's choice is kept, and both pass axe", async ({
  browser,
}) => {
  const page = await anonymous(browser, "uk-UA");
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: "Увійти" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Українська" })).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(header.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeAttached();
  const cookies = await page.context().cookies();
  expect(cookies.find((cookie) => cookie.name === "pw-locale")?.value).toBe("fr");
  // The cookie outranks the browser's language on the next visit.
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expectNoAxeViolations(page);
});

test("a kept dashboard is kept per language", async ({ browser }) => {
  const readers = await Promise.all(
    ["en-GB", "uk-UA", "fr-FR"].map(async (locale) =>
      (await browser.newContext({ locale, storageState: storageStateOf("viewer") })).newPage(),
    ),
  );
  // Twice each, interleaved: the second answers come from the kept pages.
  for (let round = 0; round < 2; round++) {
    for (const page of readers) await page.goto("/dashboard");
    const [english, ukrainian, french] = readers as [
      (typeof readers)[0],
      (typeof readers)[0],
      (typeof readers)[0],
    ];
    const nav = (page: typeof english) => page.getByRole("banner").getByRole("navigation");
    await expect(nav(english).getByRole("link", { name: "Dashboard" })).toBeVisible();
    await expect(nav(ukrainian).getByRole("link", { name: "Огляд" })).toBeVisible();
    await expect(nav(french).getByRole("link", { name: "Tableau de bord" })).toBeVisible();
    await expect(ukrainian.locator("html")).toHaveAttribute("lang", "uk");
  }
});

test("a signed-in reader's choice is kept on their account and follows them to another browser", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await createAccountAsAdmin(browser, { ...lina, role: "viewer" });

  const signIn = async (locale: string) => {
    const page = await anonymous(browser, locale);
    await page.goto("/login?next=/dashboard");
    // Tried again while this address is told to wait: auth.writes.spec.ts runs alongside, and its
    // failed sign-ins from the same address hold every sign-in from it back for 30 s.
    await expect(async () => {
      // The form is in the browser's language.
      await page.getByLabel(/^(Email|Adresse électronique|Електронна пошта)$/).fill(lina.email);
      await page.getByLabel(/^(Password|Mot de passe|Пароль)$/).fill(lina.password);
      await page.getByRole("button", { name: /^(Sign in|Se connecter|Увійти)$/ }).click();
      // The address's path, not "?next=/dashboard" on the sign-in page.
      await expect(page).toHaveURL(/^[^?]*\/dashboard$/, { timeout: 10_000 });
    }).toPass({ timeout: 75_000, intervals: [5_000] });
    return page;
  };
  const first = await signIn("en-GB");
  await expect(first.locator("html")).toHaveAttribute("lang", "en");
  await first.getByRole("button", { name: "Українська" }).click();
  await expect(first.locator("html")).toHaveAttribute("lang", "uk");
  await expect(first.getByRole("banner").getByText("(читач)")).toBeVisible();
  await expectNoAxeViolations(first);
  // A new reader's inbox, in Ukrainian.
  await first.goto("/inbox");
  await expect(first.getByRole("heading", { level: 1 })).toHaveText("Вхідні");
  await expect(first.getByTestId("inbox-summary")).toHaveText("Ви ще ні за чим не стежите.");
  expect(await englishLeaks(first, "uk")).toEqual([]);

  // Another browser, which asks for English and has no cookie: the account's setting wins.
  const second = await signIn("en-GB");
  await expect(second.locator("html")).toHaveAttribute("lang", "uk");
  await expect(second.getByRole("banner").getByRole("link", { name: "Зобов’язання" })).toBeVisible();

  // On the account page, the setting can go back to following the browser (which asks for English).
  await second.goto("/account");
  await expect(second.getByRole("heading", { name: "Мова" })).toBeVisible();
  await expect(second.getByRole("radio", { name: "Українська" })).toBeChecked();
  await expectNoAxeViolations(second);
  await second.getByRole("radio", { name: "Мова вашого браузера" }).check();
  await second.getByRole("button", { name: "Зберегти мову" }).click();
  await expect(second.locator("html")).toHaveAttribute("lang", "en");
  // Read again from the account, not the radio just pressed.
  await second.reload();
  await expect(second.getByRole("radio", { name: "Your browser’s language" })).toBeChecked();
  // Another browser asking for French now reads French: the account names no language.
  const third = await signIn("fr-FR");
  await expect(third.locator("html")).toHaveAttribute("lang", "fr");
});

test("the sign-in page speaks the browser's language", async ({ browser }) => {
  const page = await anonymous(browser, "uk-UA");
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вхід до Pledgewatch");
  await expect(page.getByLabel("Електронна пошта")).toBeVisible();
  await expect(page.getByRole("button", { name: "Увійти" })).toBeVisible();
  expect(await englishLeaks(page, "uk")).toEqual([]);
  await expectNoAxeViolations(page);
});

test("an analyst adds a pledge in Ukrainian: the form, its checks, the server's refusal and the toast", async ({
  browser,
}) => {
  const page = await (
    await browser.newContext({ locale: "uk-UA", storageState: storageStateOf("analyst") })
  ).newPage();
  await page.goto("/pledges/new");
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  const main = page.getByRole("main");
  // A field is checked as it is left, in the reader's words; so is the whole form when sent.
  const title = main.getByRole("textbox", { name: "Назва", exact: true });
  await title.focus();
  await page.keyboard.press("Tab");
  await expect(main.locator("#field-title-error")).toHaveText("Поле «назва» обов’язкове");
  await main.getByRole("button", { name: "Додати зобов’язання" }).click();
  await expect(main.getByText("Деякі поля потребують виправлення.")).toBeVisible();
  await expect(main.locator("#field-sourceId-error")).toContainText("Укажіть джерело");
  expect(await englishLeaks(page, "uk")).toEqual([]);
  await expectNoAxeViolations(page);

  await title.fill("E2E зобов’язання українською");
  await main.getByLabel("Категорія").selectOption("enablers");
  await main.getByLabel("Одиниця", { exact: true }).fill("items");
  await main.getByLabel("Кількість (найменша)").fill("1 200");
  await typeDay(page, "Дата оголошення", "01.02.2026");
  // The day typed is said back as the reader's language writes it.
  await expect(main.getByText(/^1 лютого 2026 р\./)).toBeVisible();
  await pickRecord(page, "Додати учасника", "France");
  await expect(main.getByLabel("Роль: France")).toHaveValue("pledger");
  const source = main.getByRole("combobox", { name: "Джерело", exact: true });
  await expect(async () => {
    await source.click();
    await source.press("ArrowDown");
    await expect(page.getByRole("listbox")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("listbox").getByRole("option").first().click();
  await main.getByLabel("Цитата з нього").fill("E2E: 1 200 одиниць буде надіслано");
  await main.getByRole("button", { name: "Додати зобов’язання" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E2E зобов’язання українською" })).toBeVisible();
  await expect(page.getByText("Зобов’язання додано.")).toBeVisible();
  // The pledge's page, as written: "1 200 одиниць" with a no-break space.
  await expect(main.getByText("1\u00a0200 одиниць").first()).toBeVisible();
  expect(await englishLeaks(page, "uk")).toEqual([]);

  // An admin reading English saves the same figure while the analyst edits it: the analyst's panel
  // says who and what in Ukrainian, the amounts as Ukrainian writes them (a space between thousands).
  await expect(page).toHaveURL(/\/pledges\/[^/?#]+$/);
  const id = new URL(page.url()).pathname.split("/")[2];
  expect(id).not.toBe("new");
  await page.goto(`/pledges/${id}/edit`);
  const admin = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  await admin.goto(`/pledges/${id}/edit`);
  await admin.getByLabel("Quantity (lowest)").fill("1,500");
  await admin.getByRole("button", { name: "Save changes" }).click();
  await expect(admin).toHaveURL(new RegExp(`/pledges/${id}$`));
  await main.getByLabel("Кількість (найменша)").fill("1 300");
  await main.getByRole("button", { name: "Зберегти зміни" }).click();
  const panel = main.getByRole("region", { name: /поки ви його редагували/ });
  await expect(panel).toBeFocused();
  const row = panel.getByRole("row", { name: /^Кількість \(найменша\)/ });
  await expect(row.getByRole("cell").nth(0)).toHaveText(/^1\s500$/);
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^1\s300$/);
  await expect(row.getByRole("cell").nth(2)).toHaveText(/^1\s200$/);
  expect(await englishLeaks(page, "uk")).toEqual([]);
  await expectNoAxeViolations(page);
});
