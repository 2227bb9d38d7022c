// The pledge form's pickers, by keyboard only: stakeholders in several roles, one created inline,
// a condition and a source, each found by typing; focus follows every change. The pledge is counted
// in items, so that the personnel figures other specs check do not move.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/page-checks";
import { pickRecord } from "./support/pickers";

/** Presses Tab until `target` has focus: proof that the keyboard reaches it, in page order. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 80; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Types into the focused picker and takes the option `name` with the arrow keys and Enter. */
async function pickByKeyboard(page: Page, picker: Locator, search: string, name: string) {
  await tabTo(page, picker);
  await page.keyboard.type(search);
  const option = page.getByRole("listbox").getByRole("option", { name, exact: true });
  await expect(option).toBeVisible();
  for (let presses = 0; presses < 20; presses++) {
    await page.keyboard.press("ArrowDown");
    if ((await picker.getAttribute("aria-activedescendant")) === (await option.getAttribute("id"))) break;
  }
  await page.keyboard.press("Enter");
}

test("an analyst adds a pledge with stakeholders in three roles and one created inline, by keyboard only", async ({
  page,
}) => {
  const title = `E2E keyboard pledge ${Date.now()}`;
  const newcomer = `E2E Atlantis ${Date.now()}`;
  await page.goto("/pledges/new");
  const main = page.getByRole("main");

  await tabTo(page, main.getByLabel("Title"));
  await page.keyboard.type(title);
  await tabTo(page, main.getByLabel("Unit", { exact: true }));
  await page.keyboard.type("items");
  await tabTo(page, main.getByLabel("Quantity (lowest)"));
  await page.keyboard.type("40");
  await tabTo(page, main.getByLabel("Category"));
  await page.keyboard.type("Enablers");
  await expect(main.getByLabel("Category")).toHaveValue("enablers");
  // A day is typed day first, as the app writes it, and read back in words.
  const announced = main.getByRole("group", { name: "Announced on" });
  await tabTo(page, announced.getByRole("spinbutton").first());
  await page.keyboard.type("01032026");
  await expect(announced).toHaveAccessibleDescription(/01 March 2026/);
  await expect(main.getByText(/^1 Mar 2026/)).toBeVisible();

  // Three stakeholders, found by typing part of their names; focus lands on each one's role.
  const picker = main.getByRole("combobox", { name: "Add a stakeholder" });
  await pickByKeyboard(page, picker, "fran", "France");
  await expect(main.getByLabel("Role of France")).toBeFocused();
  await expect(main.getByLabel("Role of France")).toHaveValue("pledger");
  await pickByKeyboard(page, picker, "germ", "Germany");
  await expect(main.getByLabel("Role of Germany")).toBeFocused();
  await page.keyboard.type("Lead");
  await expect(main.getByLabel("Role of Germany")).toHaveValue("lead");
  await pickByKeyboard(page, picker, "kingdom", "United Kingdom");
  await expect(main.getByLabel("Role of United Kingdom")).toHaveValue("contributor");
  // Already linked stakeholders are not offered again.
  await tabTo(page, picker);
  await page.keyboard.type("france");
  await expect(page.getByRole("listbox")).toHaveText("France is already added.");
  await page.keyboard.press("Escape");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");

  // A stakeholder nobody has recorded yet: created inline with its kind, then linked as host.
  await pickByKeyboard(page, picker, newcomer, `Create stakeholder “${newcomer}”`);
  const created = main.getByRole("group", { name: "New stakeholder" });
  await expect(created.getByLabel("Name")).toHaveValue(newcomer);
  await expect(created.getByLabel("Kind")).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press("Tab"); // to "Create and add", with no kind chosen: refused, nothing created
  await page.keyboard.press("Enter");
  await expect(created.locator("#new-stakeholder-kind-error")).toBeVisible();
  await tabTo(page, created.getByLabel("Kind"));
  await page.keyboard.type("State");
  await page.keyboard.press("Enter");
  const role = main.getByLabel(`Role of ${newcomer}`);
  await expect(role).toBeFocused();
  await page.keyboard.type("Host");
  await expect(role).toHaveValue("host");

  // Removing one moves focus back to the picker.
  await tabTo(page, main.getByRole("button", { name: "Remove United Kingdom" }));
  await page.keyboard.press("Enter");
  await expect(picker).toBeFocused();
  await expect(main.getByLabel("Role of United Kingdom")).toHaveCount(0);
  await pickByKeyboard(page, picker, "poland", "Poland");
  await expect(main.getByLabel("Role of Poland")).toHaveValue("contributor");

  await pickByKeyboard(
    page,
    main.getByRole("combobox", { name: "Add a condition" }),
    "cease",
    "Russia agrees to a ceasefire",
  );
  await expect(main.getByRole("button", { name: "Remove Russia agrees to a ceasefire" })).toBeVisible();

  const source = main.getByRole("combobox", { name: "Source", exact: true });
  await tabTo(page, source);
  for (let presses = 0; presses < 3 && !(await source.getAttribute("aria-activedescendant")); presses++) {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await expect(source).not.toHaveValue("");
  await tabTo(page, main.getByLabel("Quote from it"));
  await page.keyboard.type("Forty items, conditional on a ceasefire.");
  await expectNoAxeViolations(page);

  await tabTo(page, main.getByRole("button", { name: "Add pledge" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const facts = page.getByRole("main");
  for (const [name, role] of [
    ["France", "Pledger · State"],
    ["Germany", "Lead · State"],
    [newcomer, "Host · State"],
    ["Poland", "Contributor · State"],
  ] as const) {
    const item = facts.getByRole("listitem").filter({
      has: page.getByRole("link", { name, exact: true }),
      hasText: "·",
    });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(`— ${role}`);
  }
  await expect(facts).not.toContainText("United Kingdom");
  await expect(facts.getByRole("link", { name: "Russia agrees to a ceasefire" }).first()).toBeVisible();

  // The new stakeholder has its own page, reached from the pledge.
  await facts.getByRole("link", { name: newcomer, exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: newcomer })).toBeVisible();
});

test("a stakeholder created inline stays named in the form after a refused save, and is not created twice", async ({
  page,
}) => {
  const newcomer = `E2E Lemuria ${Date.now()}`;
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto("/pledges/new");
  const main = page.getByRole("main");
  const picker = main.getByRole("combobox", { name: "Add a stakeholder" });
  await pickRecord(page, "Add a stakeholder", newcomer, `Create stakeholder “${newcomer}”`);
  const created = main.getByRole("group", { name: "New stakeholder" });
  await created.getByLabel("Kind").selectOption("organisation");
  // Enter held down: one stakeholder all the same.
  await created.getByLabel("Name").focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(main.getByLabel(`Role of ${newcomer}`)).toBeFocused();

  // Refused (no title, no category…): the form comes back with the stakeholder still named.
  await main.getByRole("button", { name: "Add pledge" }).click();
  await expect(main.getByRole("alert").first()).toContainText("Some fields need attention");
  await expect(main.getByLabel(`Role of ${newcomer}`)).toHaveValue("pledger");
  await picker.fill(newcomer);
  await expect(page.getByRole("listbox")).toHaveText(`${newcomer} is already added.`);

  await page.goto("/manage/stakeholder?pageSize=200");
  await expect(page.getByRole("main").getByRole("link", { name: newcomer, exact: true })).toHaveCount(1);
});
