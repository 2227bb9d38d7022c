// The Records lists: sorted by their column headings in the database, paged, the order and page in
// the address; an unknown order is refused with a clear message rather than ignored.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/page-checks";

test("a Records list sorts by its headings, pages, and keeps both in the address", async ({ page }) => {
  await page.goto("/manage/stakeholder");
  const table = page.getByRole("table");
  const heading = (name: string) => table.getByRole("columnheader", { name: new RegExp(`^${name}`) });
  const names = () => table.getByTestId("record-row").locator("td:first-child").allTextContents();
  await expect(heading("Name")).toHaveAttribute("aria-sort", "ascending");
  await expect(heading("Kind")).toHaveAttribute("aria-sort", "none");
  await expect(heading("Pledges")).not.toHaveAttribute("aria-sort", /./);
  const ascending = await names();
  expect(ascending.length).toBeGreaterThan(5);
  // Byte order, as both databases here compare names (SQLite's BINARY, PostgreSQL's C.UTF-8).
  const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  expect(ascending).toEqual([...ascending].sort(byteOrder));
  // The count is of all of them, on every page; other writes specs add stakeholders meanwhile.
  const count = page.getByText(/^\d+ stakeholders/);
  await expect(count).toBeVisible();
  expect(Number.parseInt((await count.textContent())!, 10)).toBeGreaterThanOrEqual(ascending.length);
  await expectNoAxeViolations(page);

  await heading("Name").getByRole("link").click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(heading("Name")).toHaveAttribute("aria-sort", "descending");
  // Other writes specs add stakeholders meanwhile, so the order is checked rather than the names.
  const descending = await names();
  expect(descending.length).toBeGreaterThan(5);
  expect(descending).toEqual([...descending].sort(byteOrder).reverse());
  expect(descending[0]! >= ascending.at(-1)!).toBe(true);

  await heading("Last change").getByRole("link").click();
  await expect(page).toHaveURL(/sort=changed&dir=desc/);
  await expect(heading("Last change")).toHaveAttribute("aria-sort", "descending");

  // Pages of 25 are the first size: a list shorter than that has one page and offers the others.
  await expect(page.getByRole("navigation", { name: "Stakeholders per page" })).toContainText("25");
  await page
    .getByRole("navigation", { name: "Stakeholders per page" })
    .getByRole("link", { name: "50" })
    .click();
  await expect(page).toHaveURL(/pageSize=50/);
  await expect(page).toHaveURL(/sort=changed/);

  await page.goto("/manage/stakeholder?sort=colour&pageSize=7");
  const refusal = page.getByRole("main").getByRole("alert");
  await expect(refusal).toContainText("column to sort by");
  await expect(refusal).toContainText("pageSize must be one of 25, 50, 100, 200");
});

test("the audit trail sorts by when, who and record, and a filter keeps the order", async ({ page }) => {
  // At least one change on record, whichever specs ran before.
  await page.goto("/manage/source/new");
  await page.getByLabel("Title").fill(`E2E audited source ${Date.now()}`);
  await page.getByRole("button", { name: /^Add/ }).click();
  await expect(page).toHaveURL(/\/manage\/source\/[^/]+$/);
  await page.goto("/audit");
  const table = page.getByRole("table");
  const heading = (name: string) => table.getByRole("columnheader", { name: new RegExp(`^${name}`) });
  await expect(heading("When")).toHaveAttribute("aria-sort", "descending");
  await expect(heading("Change")).not.toHaveAttribute("aria-sort", /./);
  await heading("Who").getByRole("link").click();
  await expect(page).toHaveURL(/sort=who&dir=asc/);
  await expect(heading("Who")).toHaveAttribute("aria-sort", "ascending");
  const who = await table.getByTestId("audit-line").locator("td:nth-child(2)").allTextContents();
  expect(who.length).toBeGreaterThan(0);
  expect(who).toEqual([...who].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  await expectNoAxeViolations(page);

  await page.getByRole("navigation", { name: "Changes per page" }).getByRole("link", { name: "100" }).click();
  await expect(page).toHaveURL(/pageSize=100/);
  await page.getByLabel("Kind of record").selectOption("Pledge");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/entity=Pledge/);
  await expect(page).toHaveURL(/sort=who/);
  await expect(page).toHaveURL(/pageSize=100/);
});
