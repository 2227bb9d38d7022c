import { expect, type Browser } from "@playwright/test";
import type { Role } from "../../../lib/access";
import { storageStateOf } from "./users";

/** An admin creates an account through the admin page; that page, signed in as the admin, is returned. */
export async function createAccountAsAdmin(
  browser: Browser,
  account: { name: string; email: string; password: string; role: Role },
) {
  const admin = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  await admin.goto("/admin");
  await admin.getByRole("textbox", { name: "Name", exact: true }).first().fill(account.name);
  await admin.getByLabel("Email").fill(account.email);
  await admin.locator("#field-account-role").selectOption(account.role);
  await admin.getByLabel("Initial password").fill(account.password);
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByRole("main").getByRole("status")).toContainText(
    `Created ${account.role} ${account.email}`,
  );
  return admin;
}
