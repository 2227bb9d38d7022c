// Watching and the inbox, end to end: a viewer watches a pledge, an analyst records a change to it
// with its evidence, and the viewer's header counts it and their inbox shows it with what it did,
// until they mark it read; then they stop watching from the inbox.
import { expect, test } from "@playwright/test";
import { insertPledge } from "./support/database";
import { expectNoAxeViolations } from "./support/page-checks";
import { storageStateOf } from "./support/users";

test("a watched pledge's change reaches the viewer's inbox, with its evidence and effect, until read", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const title = `Watched brigade ${Date.now()}`;
  const id = await insertPledge({ title, low: 2_500n });
  const viewer = await (await browser.newContext({ storageState: storageStateOf("viewer") })).newPage();
  await viewer.goto(`/pledges/${id}`);
  const watch = viewer.getByRole("button", { name: "Watch this pledge" });
  await watch.click();
  const stop = viewer.getByRole("button", { name: "Stop watching this pledge" });
  await expect(stop).toBeVisible();
  // The same button, turned: focus stays on it.
  await expect(stop).toBeFocused();
  await expect(viewer.getByRole("status")).toContainText("Watching");

  // An analyst withdraws it, citing a source, through the API.
  const analyst = await playwright.request.newContext({ baseURL, storageState: storageStateOf("analyst") });
  const pledge = (await (await analyst.get(`/api/v1/pledges/${id}`)).json()) as { data: { version: number } };
  const sources = (await (await analyst.get("/api/v1/sources")).json()) as { data: { id: string }[] };
  const withdrawn = await analyst.post(`/api/v1/pledges/${id}/status`, {
    headers: { origin: baseURL! },
    data: {
      status: "withdrawn",
      note: "Parliament refused the deployment",
      version: pledge.data.version,
      sourceId: sources.data[0]!.id,
      quote: "the brigade will not deploy",
    },
  });
  expect(withdrawn.status()).toBe(200);
  await analyst.dispose();

  // Counts, like figures, may lag the data by a second (README): the next page has it.
  const inboxLink = viewer.getByRole("link", { name: "Inbox, 1 unread" });
  await expect(async () => {
    await viewer.goto("/dashboard");
    await expect(inboxLink).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await inboxLink.click();
  await expect(viewer).toHaveURL(/\/inbox$/);
  await expect(viewer.getByTestId("inbox-summary")).toHaveText(/^1 new event[ .]/);
  const item = viewer.getByRole("region", { name: `Pledge: ${title}` });
  await expect(item.getByTestId("inbox-entries")).toContainText(`${title}: Committed → Withdrawn`);
  await expect(item.getByTestId("inbox-entries")).toContainText("“the brigade will not deploy”");
  // What it did to the sums: the pledge left them.
  await expect(item.getByTestId("pledge-changes")).toContainText("−2,500");
  await expectNoAxeViolations(viewer);

  const markRead = viewer.getByRole("button", { name: "Mark all as read" });
  await markRead.click();
  await expect(markRead).toBeFocused();
  await expect(viewer.getByTestId("inbox-summary")).toContainText(
    "Nothing new since you marked your inbox read",
  );
  await expect(viewer.getByRole("link", { name: "Inbox", exact: true })).toBeVisible();
  await expect(item).toContainText("Nothing new since");

  await item.getByRole("button", { name: "Stop watching this pledge" }).click();
  await expect(item).toHaveCount(0);
  // Its button went with it: focus moves to the inbox's heading.
  await expect(viewer.getByTestId("inbox-heading")).toBeFocused();
});

test("the list's filters are watched as one watch, whatever their order", async ({ browser }) => {
  // An analyst, not the viewer of the test beside it (they run at once): each inbox is its own.
  const viewer = await (await browser.newContext({ storageState: storageStateOf("analyst") })).newPage();
  await viewer.goto("/pledges?category=force&status=committed");
  await viewer.getByRole("button", { name: "Watch the pledges these filters pick" }).click();
  await expect(
    viewer.getByRole("button", { name: "Stop watching the pledges these filters pick" }),
  ).toBeVisible();
  // The same filters in another order are the same watch.
  await viewer.goto("/pledges?status=committed&category=force&page=1");
  await expect(
    viewer.getByRole("button", { name: "Stop watching the pledges these filters pick" }),
  ).toBeVisible();
  await viewer.goto("/inbox");
  const item = viewer.getByRole("region", { name: /^Filters: Categories: .*Lifecycle statuses: Committed/ });
  await expect(item).toHaveCount(1);
  await item.getByRole("button", { name: "Stop watching these filters" }).click();
  await expect(item).toHaveCount(0);
});

test("watching, for every role, and marking read: each signed-in role may, someone signed out may not", async ({
  browser,
  playwright,
  baseURL,
}) => {
  const title = `Watched by every role ${Date.now()}`;
  const id = await insertPledge({ title, low: 300n });
  let replay: { headers: Record<string, string>; body: Buffer } | null = null;
  for (const role of ["viewer", "analyst", "admin"] as const) {
    const context = await browser.newContext({ storageState: storageStateOf(role) });
    const page = await context.newPage();
    await page.goto(`/pledges/${id}`);
    const posted = page.waitForRequest(
      (request) => request.method() === "POST" && !!request.headers()["next-action"],
    );
    await page.getByRole("button", { name: "Watch this pledge" }).click();
    const request = await posted;
    await expect(page.getByRole("button", { name: "Stop watching this pledge" }), role).toBeVisible();
    replay ??= { headers: await request.allHeaders(), body: request.postDataBuffer()! };
    await page.goto("/inbox");
    const item = page.getByRole("region", { name: `Pledge: ${title}` });
    await expect(item, role).toHaveCount(1);
    // Marking read reaches the whole inbox: the tests beside this one (run at once) read the
    // viewer's and the analyst's, so only the admin's is marked here.
    if (role === "admin") {
      await page.getByRole("button", { name: "Mark all as read" }).click();
      await expect(page.getByTestId("inbox-summary")).toContainText("Nothing new since you marked");
    }
    await item.getByRole("button", { name: "Stop watching this pledge" }).click();
    await expect(item, role).toHaveCount(0);
    await context.close();
  }

  // The same action, sent without a session: refused, saying why (the page itself sends them to sign in).
  const anonymous = await playwright.request.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
  });
  const headers = Object.fromEntries(Object.entries(replay!.headers).filter(([name]) => name !== "cookie"));
  const refused = await anonymous.post(`/pledges/${id}`, { headers, data: replay!.body });
  expect(await refused.text()).toContain("Sign in (or send an API token");
  expect((await anonymous.get(`/pledges/${id}`, { maxRedirects: 0 })).status()).toBe(307);
  expect((await anonymous.get("/inbox", { maxRedirects: 0 })).status()).toBe(307);
  await anonymous.dispose();
});
