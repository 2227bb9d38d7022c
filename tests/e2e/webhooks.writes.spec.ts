import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startReceiver, verifiedBySpec } from "../support/webhook-receiver";
import { signIn, startOwnServer, type OwnServer } from "./support/own-server";
import { expectNoAxeViolations } from "./support/page-checks";

// Webhooks end to end, on a server of its own: an admin registers an endpoint in the browser (the
// receiver on the loopback address, which the admin setting must allow first); a pledge written
// through the API is queued with the write; the server is killed with SIGKILL before it sends, and
// the event still reaches the receiver, signed, after a restart.

const admin = { email: "hooks-admin@e2e.test", password: "hooks-admin-password" };
let server: OwnServer;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  receiver = await startReceiver();
  // Started not sending (WEBHOOKS=off), so that it dies with the delivery queued and unsent.
  server = await startOwnServer("webhooks", { WEBHOOKS: "off" }, async ({ npm }) => {
    await npm("db:seed", []);
    await npm("account", ["create", "--role", "admin", "--email", admin.email, "--name", "Hook Admin"], {
      ACCOUNT_PASSWORD: admin.password,
    });
  });
});

test.afterAll(async () => {
  server?.stop();
  await receiver?.close();
});

test("an event written before a kill -9 is delivered, signed, after the restart", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, server.base, admin.email, admin.password, "/admin");
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();

  // A loopback address is refused until the setting allows it.
  await page.getByRole("textbox", { name: "Address" }).fill(receiver.url);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText(/private, loopback or link-local address/).first()).toBeVisible();
  await page.getByLabel(/Allow endpoints on private/).check();
  await page.getByRole("button", { name: "Save setting" }).click();
  await expect(page.getByText("Endpoints may now point at private")).toBeVisible();

  await page.getByRole("textbox", { name: "Address" }).fill(receiver.url);
  await page.getByRole("textbox", { name: "Description" }).fill("The newsroom's mirror");
  await page.getByRole("radio", { name: "Only these" }).check();
  await page.getByRole("checkbox", { name: "pledge.created" }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: receiver.url })).toBeVisible();
  const secret = (await page.locator("code", { hasText: /^whsec_/ }).textContent())!;
  await expectNoAxeViolations(page);

  const token = execFileSync(
    "npm",
    ["run", "--silent", "token", "--", "create", "--role", "analyst", "--name", "E2E hooks"],
    { env: { ...process.env, DATABASE_URL: server.databaseUrl }, encoding: "utf8" },
  )
    .trim()
    .split("\n")
    .pop()!;
  const created = await fetch(`${server.base}/api/v1/pledges`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      title: "E2E pledge the crash must not lose",
      category: "assistance",
      quantityUnit: "items",
      quantityLow: "40",
      quantityQualifier: "exact",
      announcedOn: "2026-03-01",
      stakeholders: [],
      conditionIds: [],
      source: { title: "E2E hooks bulletin", url: "https://example.org/hooks", quote: "40 items" },
    }),
  });
  expect(created.status).toBe(201);
  const pledgeId = ((await created.json()) as { data: { id: string } }).data.id;
  await page.reload();
  await expect(page.getByRole("cell", { name: "waiting" })).toBeVisible();

  await server.crash();
  expect(receiver.received).toHaveLength(0);
  await server.restart({ WEBHOOKS: "" });

  await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
  const [message] = receiver.received;
  expect(verifiedBySpec(secret, message!)).toBe(true);
  const body = JSON.parse(message!.body) as { type: string; data: { id: string; record: { title: string } } };
  expect(body.type).toBe("pledge.created");
  expect(body.data).toMatchObject({ id: pledgeId, record: { title: "E2E pledge the crash must not lose" } });

  // The delivery log says so (the session outlived the crash: it is in the database).
  await page.goto(`${server.base}/admin/webhooks`);
  await page.getByRole("link", { name: receiver.url }).click();
  await expect(page.getByRole("cell", { name: "delivered", exact: true })).toBeVisible();
  await expect(page.getByText(/answered 204/)).toBeVisible();
});
