import { expect, test } from "@playwright/test";
import { signIn, startOwnServer, type OwnServer } from "./support/own-server";
import { expectNoAxeViolations } from "./support/page-checks";

// A new installation: migrated, not seeded, with its first admin and a viewer. The admin is shown
// what to do first, on the dashboard and under Records; the viewer is not.

const admin = { email: "first-admin@e2e.test", password: "first-admin-password" };
const viewer = { email: "first-viewer@e2e.test", password: "first-viewer-password" };
let server: OwnServer;

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  server = await startOwnServer("first-run", {}, async ({ npm }) => {
    for (const [role, user] of [
      ["admin", admin],
      ["viewer", viewer],
    ] as const) {
      await npm("account", ["create", "--role", role, "--email", user.email, "--name", `First ${role}`], {
        ACCOUNT_PASSWORD: user.password,
      });
    }
  });
});

test.afterAll(() => server?.stop());

test("the first admin sees what to do first, with links, on the dashboard and under Records", async ({
  page,
}) => {
  // Nine page loads on a server of its own, which on PostgreSQL and busy cores ran past 30 s.
  test.setTimeout(90_000);
  await signIn(page, server.base, admin.email, admin.password);
  const checklist = page.getByRole("region", { name: "Getting started" });
  await expect(checklist).toBeVisible();
  const steps = checklist.getByRole("listitem");
  await expect(steps).toHaveCount(3);
  // Two accounts already: the team has begun.
  await expect(steps.nth(0)).toContainText("(done)");
  await expect(steps.nth(1)).not.toContainText("(done)");
  await expect(steps.nth(2)).not.toContainText("(done)");
  await expectNoAxeViolations(page);
  await checklist.getByRole("link", { name: "Record a requirement" }).click();
  await expect(page).toHaveURL(`${server.base}/manage/requirement/new`);
  await page.goto(`${server.base}/manage`);
  await expect(page.getByRole("region", { name: "Getting started" })).toBeVisible();
  await page
    .getByRole("region", { name: "Getting started" })
    .getByRole("link", { name: "Import a spreadsheet" })
    .click();
  await expect(page).toHaveURL(`${server.base}/import`);

  // Empty lists say what to do next.
  await page.goto(`${server.base}/pledges`);
  const empty = page.getByRole("main").getByText("No pledge is recorded yet.");
  await expect(empty).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "import a spreadsheet" })).toBeVisible();
  await page.goto(`${server.base}/manage/condition`);
  await expect(page.getByRole("main")).toContainText("No conditions yet.");
  await expect(page.getByRole("main").getByRole("link", { name: "Add the first condition" })).toBeVisible();
  await page.goto(`${server.base}/audit?entity=Pledge`);
  await expect(page.getByRole("main")).toContainText("No change matches these filters.");
  await page.getByRole("main").getByRole("link", { name: "Show every change" }).click();
  await expect(page).toHaveURL(`${server.base}/audit`);
});

test("a viewer of the same new installation is not shown it", async ({ page }) => {
  await signIn(page, server.base, viewer.email, viewer.password);
  await expect(page.getByRole("heading", { name: "How far the pledges go" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Getting started" })).toHaveCount(0);
  await page.goto(`${server.base}/pledges`);
  await expect(page.getByRole("main")).toContainText("No pledge is recorded yet. An analyst adds them");
  await expect(page.getByRole("main").getByRole("link", { name: "Add a pledge" })).toHaveCount(0);
});
