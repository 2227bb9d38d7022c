// What the editing forms do while one fills them: each field checked as it is left (the server's
// schema), focus on the first error after a refused submission, a date typed halfway caught, and a
// question before leaving with changes not saved.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/page-checks";
import { pickRecord } from "./support/pickers";

test("fields are checked as they are left, with the server's own words", async ({ page }) => {
  await page.goto("/pledges/new");
  const main = page.getByRole("main");
  const title = main.getByLabel("Title");
  await title.focus();
  await page.keyboard.press("Tab");
  await expect(main.locator("#field-title-error")).toHaveText("title is required");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  // A field already in error is rechecked as it is retyped.
  await title.pressSequentially("E2E");
  await expect(main.locator("#field-title-error")).toHaveCount(0);
  await expect(title).toHaveAttribute("aria-invalid", "false");

  await main.getByLabel("Unit", { exact: true }).fill("items");
  const low = main.getByLabel("Quantity (lowest)");
  await low.fill("lots");
  await low.blur();
  await expect(main.locator("#field-quantityLow-error")).toContainText(
    "lowest quantity must be a non-negative number",
  );
  // A field not yet visited says nothing, though it is empty and required.
  await expect(main.locator("#field-category-error")).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a refused submission puts focus on the first field in error", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto("/pledges/new");
  const main = page.getByRole("main");
  await main.getByLabel("Title").fill("E2E focus");
  await main.getByRole("button", { name: "Add pledge" }).click();
  await expect(main.getByRole("alert")).toContainText("Some fields need attention");
  await expect(main.getByLabel("Category")).toBeFocused();
  await expect(main.getByLabel("Title")).toHaveValue("E2E focus");
});

test("a date typed halfway is caught before it is sent as no date", async ({ page }) => {
  page.on("dialog", (dialog) => dialog.accept());
  await page.goto("/pledges/new");
  const main = page.getByRole("main");
  const due = main.getByRole("group", { name: "Due on" });
  await due.getByRole("spinbutton").first().click();
  await page.keyboard.type("1503");
  await main.getByLabel("Description").click();
  await expect(main.getByText("Type the whole date: day, month and year.")).toBeVisible();
  await main.getByRole("button", { name: "Add pledge" }).click();
  // Stopped in the browser: no answer from the server, focus back on the date.
  await expect(main.getByRole("alert")).toHaveCount(0);
  await expect(due.getByRole("spinbutton").first()).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2027");
  await expect(main.getByText("Type the whole date: day, month and year.")).toHaveCount(0);
  await expect(main.getByText(/^15 Mar 2027/)).toBeVisible();
});

test("leaving a form with changes not saved asks first; the answer is kept", async ({ page }) => {
  await page.goto("/pledges/new");
  const main = page.getByRole("main");
  // Nothing typed yet: links leave without a question.
  await page.getByRole("banner").getByRole("link", { name: "Pledges", exact: true }).click();
  await expect(page).toHaveURL(/\/pledges$/);

  await page.goto("/pledges/new");
  await main.getByLabel("Title").fill("E2E half-written pledge");
  const questions: string[] = [];
  page.once("dialog", async (dialog) => {
    questions.push(dialog.message());
    await dialog.dismiss();
  });
  await page.getByRole("banner").getByRole("link", { name: "Pledges", exact: true }).click();
  await expect
    .poll(() => questions)
    .toEqual(["This form has changes that are not saved. Leave the page and lose them?"]);
  await expect(page).toHaveURL(/\/pledges\/new$/);
  await expect(main.getByLabel("Title")).toHaveValue("E2E half-written pledge");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("banner").getByRole("link", { name: "Pledges", exact: true }).click();
  await expect(page).toHaveURL(/\/pledges$/);
});

test("a change made only in a date or a picker counts as unsaved too", async ({ page }) => {
  await page.goto("/pledges/new");
  const main = page.getByRole("main");
  const questions: string[] = [];
  page.on("dialog", async (dialog) => {
    questions.push(dialog.type());
    // Links are refused; a reload is let through (after asking, as the questions show).
    await (dialog.type() === "beforeunload" ? dialog.accept() : dialog.dismiss());
  });
  await main.getByRole("group", { name: "Due on" }).getByRole("spinbutton").first().click();
  await page.keyboard.type("01");
  await page.getByRole("banner").getByRole("link", { name: "Pledges", exact: true }).click();
  await expect.poll(() => questions).toEqual(["confirm"]);
  await expect(page).toHaveURL(/\/pledges\/new$/);

  await page.reload();
  expect(questions).toEqual(["confirm", "beforeunload"]);
  questions.length = 0;
  await pickRecord(page, "Add a stakeholder", "Fran", "France");
  await page.getByRole("banner").getByRole("link", { name: "Pledges", exact: true }).click();
  await expect.poll(() => questions).toEqual(["confirm"]);
  await expect(page).toHaveURL(/\/pledges\/new$/);
});
