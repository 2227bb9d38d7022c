// Signs each role in once, through the sign-in page, and keeps the session for the specs.
import { expect, test as setup } from "@playwright/test";
import { roles } from "../../lib/access";
import { e2eUsers, storageStateOf } from "./support/users";

for (const role of roles) {
  setup(`sign in as ${role}`, async ({ page }) => {
    const user = e2eUsers[role];
    await page.goto("/login?next=/pledges");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // A full navigation after signing in: the address changes when the page comes.
    await expect(page).toHaveURL(/\/pledges$/, { timeout: 30_000 });
    await expect(page.getByRole("banner")).toContainText(`(${role})`);
    await page.context().storageState({ path: storageStateOf(role) });
  });
}
