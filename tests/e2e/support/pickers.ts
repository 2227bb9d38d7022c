import { expect, type Page } from "@playwright/test";

/** Adds a record through a picker (a combobox) by typing part of its name and clicking it. */
export async function pickRecord(
  page: Page,
  picker: string,
  search: string,
  option: string | RegExp = search,
) {
  const box = page.getByRole("combobox", { name: picker, exact: true });
  // Typed before the page's script has hydrated, nothing would open: type again until it does.
  await expect(async () => {
    await box.click();
    await box.fill("");
    await box.fill(search);
    await expect(page.getByRole("listbox")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("listbox").getByRole("option", { name: option }).first().click();
}

/** Chooses the first source a source picker offers; answers its title. */
export async function chooseFirstSource(page: Page): Promise<string> {
  const box = page.getByRole("combobox", { name: "Source", exact: true });
  const first = page.getByRole("listbox").getByRole("option").first();
  // Opened before the page's script has hydrated, nothing would show; a list that opened before its
  // options arrived may close again: open it again until an option shows.
  await expect(async () => {
    await box.click();
    await box.press("ArrowDown");
    await expect(first).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const title = (await first.textContent()) ?? "";
  await first.click();
  await expect(box).toHaveValue(title);
  return title;
}

/** Types a day into a date field, day first as the form shows it ("01/02/2026" is 1 Feb 2026). */
export async function typeDay(page: Page, label: string, day: string) {
  const field = page.getByRole("group", { name: label, exact: true });
  await field.getByRole("spinbutton").first().click();
  await page.keyboard.type(day.replace(/\D/g, ""));
}
