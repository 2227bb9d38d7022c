import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type APIResponse, type Response } from "@playwright/test";
import { insertPledge } from "./support/database";
import { signIn, startOwnServer, type OwnServer } from "./support/own-server";

// The dashboard is rendered once per view, reader and data version, and kept (server/rendered-pages.ts):
// the next readers are answered with the kept document and a CSP nonce of their own. A server of its
// own, with the Paris seed, so that no other spec's writes move its data.

const viewer = { email: "kept-viewer@e2e.test", password: "kept-viewer-password" };
let server: OwnServer;

test.describe.configure({ mode: "serial" });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  server = await startOwnServer("kept-pages", {}, async ({ npm }) => {
    await npm("db:seed", []);
    await npm("account", ["create", "--role", "viewer", "--email", viewer.email, "--name", "Kept viewer"], {
      ACCOUNT_PASSWORD: viewer.password,
    });
  });
});

test.afterAll(() => server?.stop());

const kept = (response: Response | APIResponse | null) =>
  (response?.headers()["server-timing"] ?? "").includes('desc="kept"');

/** The answer's CSP nonce, and every nonce its document carries. */
async function noncesOf(response: Response) {
  const header = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  const body = await response.text();
  const inBody = new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]));
  return { header, inBody, body };
}

test("a kept dashboard is answered with a nonce of its own, works, and follows the data", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) refused.push(message.text());
  });
  await signIn(page, server.base, viewer.email, viewer.password);
  const first = (await page.goto(`${server.base}/dashboard`))!;
  const a = await noncesOf(first);
  const second = (await page.goto(`${server.base}/dashboard`))!;
  const b = await noncesOf(second);
  expect(kept(first) && kept(second)).toBe(true);
  // Each answer's scripts carry its own nonce, and no other.
  for (const { header, inBody } of [a, b]) {
    expect(header).toMatch(/^[0-9a-f]{32}$/);
    expect([...inBody]).toEqual([header]);
  }
  expect(a.header).not.toBe(b.header);
  // The same document otherwise.
  expect(b.body.replaceAll(b.header!, "")).toBe(a.body.replaceAll(a.header!, ""));

  // Its scripts run: the scenario's controls work, and the browser refused nothing.
  const headline = page.getByTestId("headline");
  await expect(headline).not.toContainText("If Russia agrees to a ceasefire");
  await page.getByRole("checkbox", { name: "Russia agrees to a ceasefire" }).check();
  await expect(headline).toContainText("If Russia agrees to a ceasefire:");
  expect(refused).toEqual([]);

  // Another process writes: a reload shows it within the second the figures may lag.
  await page.goto(`${server.base}/dashboard`);
  const before = await headline.textContent();
  await insertPledge({ title: "Kept-page test contingent", low: 4000n }, server.databaseUrl);
  // Reloads within the poll's 5 s (page loads on busy cores included): each a kept page.
  await expect
    .poll(async () => {
      const response = await page.goto(`${server.base}/dashboard`);
      expect(kept(response)).toBe(true);
      return headline.textContent();
    })
    .not.toBe(before);
});

test("a kept dashboard is never given to a signed-out session, a navigation within the app or an unknown address", async ({
  page,
  playwright,
}) => {
  await signIn(page, server.base, viewer.email, viewer.password);
  expect(kept(await page.goto(`${server.base}/dashboard`))).toBe(true);
  // A client-side navigation asks for the page's data (RSC), which is rendered as usual.
  await page.goto(`${server.base}/pledges`);
  const [navigation] = await Promise.all([
    page.waitForResponse((response) => new URL(response.url()).pathname === "/dashboard"),
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click(),
  ]);
  expect(navigation.headers()["content-type"]).toContain("text/x-component");
  expect(kept(navigation)).toBe(false);
  await expect(page.getByTestId("headline")).toContainText("Pledges cover");

  const cookies = await page.context().cookies();
  const client = await playwright.request.newContext({ storageState: { cookies, origins: [] } });
  const html = { accept: "text/html" };
  expect(kept(await client.get(`${server.base}/dashboard`, { headers: html }))).toBe(true);
  // An address with a parameter the page does not read is rendered as usual, not kept once more.
  const other = await client.get(`${server.base}/dashboard?utm_source=mail`, { headers: html });
  expect(other.status()).toBe(200);
  expect(kept(other)).toBe(false);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The session's cookie, sent again after signing out, gets the sign-in page, not the kept one.
  const after = await client.get(`${server.base}/dashboard`, { headers: html, maxRedirects: 0 });
  expect(kept(after)).toBe(false);
  expect(after.status()).toBe(307);
  expect(after.headers()["location"]).toMatch(/\/login\?next=%2Fdashboard$/);
  await client.dispose();
});

/** Who rendered a kept page: the server's renderer process, or the server for itself. */
const renderedBy = (response: Response | APIResponse | null) =>
  /render;desc="(\w+)"/.exec(response?.headers()["server-timing"] ?? "")?.[1];

test("kept pages are rendered by the server's renderer process, and by the server itself while it is down", async ({
  page,
  playwright,
}) => {
  test.setTimeout(120_000);
  await signIn(page, server.base, viewer.email, viewer.password);
  const cookies = await page.context().cookies();
  const client = await playwright.request.newContext({ storageState: { cookies, origins: [] } });
  const load = () =>
    client.get(`${server.base}/dashboard`, {
      headers: { accept: "text/html", "sec-fetch-dest": "document" },
    });
  // The renderer starts after the server: a page kept before it listened is rendered again within 5 s.
  await expect
    .poll(async () => renderedBy(await load()), { timeout: 60_000, intervals: [1000] })
    .toBe("renderer");

  process.kill(await rendererPid(), "SIGKILL");
  // The next render after a write is the server's own: it hears of the renderer's end at once, and
  // a render the renderer fails meanwhile is done again by the server.
  await insertPledge({ title: "Renderer test contingent", low: 1000n }, server.databaseUrl);
  await expect
    .poll(async () => renderedBy(await load()), { timeout: 20_000, intervals: [500] })
    .toBe("server");
  // Started again a second later: the pages are its again.
  await expect
    .poll(async () => renderedBy(await load()), { timeout: 60_000, intervals: [1000] })
    .toBe("renderer");
  await client.dispose();

  // A server that dies (kill -9) takes its renderer with it: nothing is left holding the database.
  const renderer = await rendererPid();
  await server.crash();
  await expect.poll(() => alive(renderer), { timeout: 15_000 }).toBe(false);
});

/** The renderer process of the spec's server. */
async function rendererPid() {
  const { stdout } = await promisify(execFile)("pgrep", [
    "-P",
    String(server.pid()),
    "-f",
    "--",
    "--renderer",
  ]);
  const pid = Number(stdout.trim());
  expect(pid).toBeGreaterThan(0);
  return pid;
}

/** Whether a process is running. */
function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
