// Accounts end to end: an admin creates one, the role is checked again by every action (not only
// by the page that showed the form), signing out ends the session, and repeated failed sign-ins
// are answered 429. Runs with the writes, after the setup's sign-ins.
import { expect, test } from "@playwright/test";
import { createAccountAsAdmin } from "./support/accounts";
import { storageStateOf } from "./support/users";

test.describe.configure({ mode: "serial" });

const temp = { name: "Tess Temporary", email: "tess@e2e.test", password: "tess-temporary-password" };

test("an action re-checks the role: an analyst demoted while the form is open cannot save", async ({
  browser,
}) => {
  const admin = await createAccountAsAdmin(browser, { ...temp, role: "analyst" });

  const analyst = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await analyst.goto("/manage/stakeholder/new");
  await expect(analyst).toHaveURL(/\/login\?next=%2Fmanage%2Fstakeholder%2Fnew/);
  await analyst.getByLabel("Email").fill(temp.email);
  await analyst.getByLabel("Password").fill(temp.password);
  await analyst.getByRole("button", { name: "Sign in" }).click();
  await expect(analyst.getByRole("heading", { level: 1 })).toHaveText("Add a stakeholder");
  await analyst.getByLabel("Name").fill("E2E Ruritania");
  await analyst.getByLabel("Kind").selectOption("state");

  await admin.reload();
  await admin.getByLabel(`Role of ${temp.email}`, { exact: true }).selectOption("viewer");
  await admin
    .getByRole("region", { name: "Accounts" })
    .getByRole("row", { name: new RegExp(temp.email) })
    .getByRole("button", { name: "Change" })
    .click();
  await expect(
    admin.getByRole("region", { name: "Accounts" }).getByRole("row", { name: new RegExp(temp.email) }),
  ).toContainText("Role changed to viewer");

  await analyst.getByRole("button", { name: "Add stakeholder" }).click();
  await expect(analyst.getByRole("main").getByRole("alert")).toContainText("Your role can read but not edit");
  await analyst.goto("/manage/stakeholder");
  await expect(analyst.getByRole("heading", { level: 1 })).toHaveText("Not allowed");

  // Signing out ends the session: pages ask to sign in again.
  await analyst.goto("/dashboard");
  await analyst.getByRole("button", { name: "Sign out" }).click();
  await expect(analyst).toHaveURL(/\/login/);
  await analyst.goto("/dashboard");
  await expect(analyst).toHaveURL(/\/login\?next=%2Fdashboard/);
});

test("an admin deactivates, reactivates and resets an account; its owner changes their password", async ({
  browser,
}) => {
  const lee = { email: "lee@e2e.test", password: "lee-first-password" };
  const admin = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
  await admin.goto("/admin");
  await admin.getByRole("textbox", { name: "Name", exact: true }).first().fill("Lee Lifecycle");
  await admin.getByLabel("Email").fill(lee.email);
  await admin.locator("#field-account-role").selectOption("analyst");
  await admin.getByLabel("Initial password").fill(lee.password);
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByRole("main").getByRole("status")).toContainText(`Created analyst ${lee.email}`);

  const leePage = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  const signInAsLee = async (password: string) => {
    await leePage.goto("/login");
    await leePage.getByLabel("Email").fill(lee.email);
    await leePage.getByLabel("Password").fill(password);
    await leePage.getByRole("button", { name: "Sign in" }).click();
  };
  await signInAsLee(lee.password);
  // Signing in ends in a full navigation: the address changes once the dashboard's document comes,
  // which took over 5 s on PostgreSQL in a loaded CI run.
  await expect(leePage).toHaveURL(/\/dashboard/, { timeout: 30_000 });

  // Granting admin asks first; cancelling changes nothing and gives the focus back.
  await admin.reload();
  const row = admin
    .getByRole("region", { name: "Accounts" })
    .getByRole("row", { name: new RegExp(lee.email) });
  await expect(row).not.toContainText("never");
  await admin.getByLabel(`Role of ${lee.email}`, { exact: true }).selectOption("admin");
  await row.getByRole("button", { name: "Change" }).click();
  await expect(row).toContainText(`Make ${lee.email} an admin`);
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(row.getByRole("button", { name: "Change" })).toBeFocused();

  await row.getByRole("button", { name: `Deactivate ${lee.email}` }).click();
  await row.getByRole("button", { name: "Yes, deactivate" }).click();
  await expect(row).toContainText("Account deactivated");
  // Lee's session ended at once, and signing in again is refused with the reason.
  await leePage.goto("/dashboard");
  await expect(leePage).toHaveURL(/\/login/);
  await signInAsLee(lee.password);
  await expect(leePage.getByRole("main").getByRole("alert")).toContainText("This account is deactivated");

  await admin.reload();
  await row.getByRole("button", { name: `Reactivate ${lee.email}` }).click();
  await expect(row).toContainText("Account reactivated");
  await row.getByRole("button", { name: `Reset password of ${lee.email}` }).click();
  await row.getByRole("button", { name: "Yes, reset" }).click();
  const newPassword = await row.getByTestId(/^new-password-/).inputValue();
  expect(newPassword.length).toBeGreaterThanOrEqual(20);

  await signInAsLee(lee.password);
  await expect(leePage.getByRole("main").getByRole("alert")).toContainText("do not match");
  await signInAsLee(newPassword);
  await expect(leePage).toHaveURL(/\/dashboard/, { timeout: 30_000 });

  await leePage.getByRole("link", { name: /Your account/ }).click();
  await leePage.getByLabel("Current password").fill(newPassword);
  await leePage.getByLabel("New password").fill("lee-own-new-password");
  await leePage.getByRole("button", { name: "Change password" }).click();
  await expect(leePage.getByRole("main").getByRole("status")).toContainText("Password changed");
  await leePage.getByRole("textbox", { name: "Name", exact: true }).fill("Lee L. Lifecycle");
  await leePage.getByRole("button", { name: "Save name" }).click();
  await expect(leePage.getByRole("link", { name: /Your account: Lee L\. Lifecycle/ })).toBeVisible();

  await admin.goto("/admin");
  await expect(admin.getByRole("main")).toContainText("Changed their own password");
});

test("repeated failed sign-ins are answered 429 with a clear message", async ({ browser }) => {
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await page.goto("/login");
  const alert = page.getByRole("main").getByRole("alert");
  let limited = false;
  for (let attempt = 0; attempt < 8 && !limited; attempt++) {
    await page.getByLabel("Email").fill(temp.email);
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    limited = (await alert.textContent())!.includes("Too many failed sign-ins");
    if (!limited) await expect(alert).toContainText("do not match");
  }
  expect(limited).toBe(true);
  // 30 s from the last failure, so a second or so less by the time the answer is read.
  await expect(alert).toContainText(/Try again in (2\d|30) seconds/);
});

test("failures are counted per real address, whatever X-Forwarded-For the client sends", async ({
  request,
  baseURL,
}) => {
  // Each guess claims a new address and names a new account: only the socket's address ties them.
  const statuses: number[] = [];
  for (let attempt = 0; attempt < 25 && !statuses.includes(429); attempt++) {
    const response = await request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL!, "x-forwarded-for": `198.51.100.${attempt}` },
      data: { email: `nobody-${attempt}@e2e.test`, password: "wrong-password-123" },
    });
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(response.headers()["retry-after"]).toMatch(/^\d+$/);
      expect((await response.json()).message).toMatch(/^Too many failed sign-ins/);
    }
  }
  expect(statuses).toContain(429);
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
});
