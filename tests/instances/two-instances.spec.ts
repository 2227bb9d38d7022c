// Two app instances on one PostgreSQL database (playwright.instances.config.ts): whatever one
// instance writes or signs in, the other sees at once, and their optimistic locks are one lock.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { e2eUsers } from "../e2e/support/users";
import { instancePorts } from "../../playwright.instances.config";
import { startReceiver } from "../support/webhook-receiver";

const [first, second] = instancePorts.map((port) => `http://127.0.0.1:${port}`) as [string, string];

async function signIn(page: Page, origin: string, role: keyof typeof e2eUsers) {
  await page.goto(`${origin}/login?next=/pledges`);
  await page.getByLabel("Email").fill(e2eUsers[role].email);
  await page.getByLabel("Password").fill(e2eUsers[role].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("banner")).toContainText(`(${role})`);
}

/** An analyst's API token, made through the first instance's admin page. */
async function createToken(page: Page, name: string, role: "viewer" | "analyst") {
  await signIn(page, first, "admin");
  await page.goto(`${first}/admin`);
  await page.getByRole("textbox", { name: "Name", exact: true }).last().fill(name);
  await page.getByRole("combobox", { name: "Role" }).last().selectOption(role);
  await page.getByRole("button", { name: "Create token" }).click();
  return page.getByTestId("new-token").inputValue();
}

async function firstPledge(api: APIRequestContext, origin: string, token: string) {
  const response = await api.get(`${origin}/api/v1/pledges?status=committed`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { id: string; title: string; version: number }[] };
  return data[0]!;
}

test("a session started on one instance is a session on the other", async ({ page }) => {
  await signIn(page, first, "analyst");
  await page.goto(`${second}/dashboard`);
  await expect(page.getByRole("banner")).toContainText("(analyst)");
  // Signing out on the second ends the session on the first too: it lives in the database.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${first}/dashboard`);
  await expect(page).toHaveURL(`${first}/login?next=%2Fdashboard`);
});

test("an API token works on both, and revoking it on one refuses it on both", async ({ page, request }) => {
  const token = await createToken(page, "Two instances", "viewer");
  const auth = { authorization: `Bearer ${token}` };
  for (const origin of [first, second]) {
    expect((await request.get(`${origin}/api/v1/summary`, { headers: auth })).status()).toBe(200);
  }
  await page.goto(`${second}/admin`);
  await page.getByRole("button", { name: "Revoke Two instances" }).click();
  await page.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(
    page.getByRole("region", { name: "API tokens" }).getByRole("row", { name: /Two instances/ }),
  ).toContainText("revoked");
  for (const origin of [first, second]) {
    expect((await request.get(`${origin}/api/v1/summary`, { headers: auth })).status()).toBe(401);
  }
});

test("an edit through one instance shows through the other at once, pages included", async ({
  page,
  request,
}) => {
  const token = await createToken(page, "Editor", "analyst");
  const pledge = await firstPledge(request, second, token);
  // Read on the second first, so that anything it caches would be stale after the edit.
  await page.goto(`${second}/pledges/${pledge.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(pledge.title);

  const title = `${pledge.title} (edited on the first instance)`;
  const edit = await request.patch(`${first}/api/v1/pledges/${pledge.id}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { version: pledge.version, title },
  });
  expect(edit.status()).toBe(200);

  const seen = await request.get(`${second}/api/v1/pledges/${pledge.id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(((await seen.json()) as { data: { title: string; version: number } }).data).toMatchObject({
    title,
    version: pledge.version + 1,
  });
  await page.goto(`${second}/pledges/${pledge.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await page.goto(`${second}/pledges`);
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
});

test("two conflicting edits at once, one on each instance: one succeeds, the other gets 409", async ({
  page,
  request,
}) => {
  const token = await createToken(page, "Racer", "analyst");
  const headers = { authorization: `Bearer ${token}` };
  for (let round = 0; round < 5; round++) {
    const pledge = await firstPledge(request, first, token);
    const responses = await Promise.all(
      [first, second].map((origin) =>
        request.patch(`${origin}/api/v1/pledges/${pledge.id}`, {
          headers,
          data: { version: pledge.version, description: `Round ${round} from ${origin}` },
        }),
      ),
    );
    expect(responses.map((response) => response.status()).sort()).toEqual([200, 409]);
    const loser = responses.find((response) => response.status() === 409)!;
    expect(((await loser.json()) as { current: { version: number } }).current.version).toBe(
      pledge.version + 1,
    );
    const after = await firstPledge(request, second, token);
    expect(after.version).toBe(pledge.version + 1);
  }
});

test("both instances send webhooks, and each event reaches the receiver once", async ({ page, request }) => {
  test.setTimeout(120_000);
  const receiver = await startReceiver();
  try {
    // Signs in as the admin, on the first instance.
    const token = await createToken(page, "Hooks", "analyst");
    await page.goto(`${first}/admin/webhooks`);
    await page.getByLabel(/Allow endpoints on private/).check();
    await page.getByRole("button", { name: "Save setting" }).click();
    await expect(page.getByText("Endpoints may now point at private")).toBeVisible();
    await page.getByRole("textbox", { name: "Address" }).fill(receiver.url);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("heading", { level: 1, name: receiver.url })).toBeVisible();

    const headers = { authorization: `Bearer ${token}` };
    // Twenty edits, two at a time, one on each instance: both workers find deliveries due at once.
    const written: string[] = [];
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        [first, second].map(async (origin, index) => {
          const title = `Hooked ${round}-${index}`;
          const response = await request.post(`${origin}/api/v1/pledges`, {
            headers,
            data: {
              title,
              category: "assistance",
              quantityUnit: "items",
              quantityLow: "5",
              quantityQualifier: "exact",
              announcedOn: "2026-03-01",
              stakeholders: [],
              conditionIds: [],
              source: {
                title: `E2E hooks bulletin ${title}`,
                url: `https://example.org/${round}-${index}`,
                quote: "5 items",
              },
            },
          });
          expect(response.status(), await response.text()).toBe(201);
          written.push(((await response.json()) as { data: { id: string } }).data.id);
        }),
      );
    }
    const createdIds = () =>
      receiver.received
        .map((message) => JSON.parse(message.body) as { type: string; data: { id: string } })
        .filter((body) => body.type === "pledge.created" && written.includes(body.data.id))
        .map((body) => body.data.id);
    await expect.poll(() => createdIds().length, { timeout: 60_000 }).toBe(written.length);
    // A while longer, for any second sending to show.
    await page.waitForTimeout(3000);
    expect(createdIds().sort()).toEqual([...written].sort());
    const ids = receiver.received.map((message) => message.id);
    expect(new Set(ids).size).toBe(ids.length);
  } finally {
    await receiver.close();
  }
});
