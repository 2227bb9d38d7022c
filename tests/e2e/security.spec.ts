// Every protected page and API route × {anonymous, viewer, analyst, admin}, with the expected
// outcome in each cell; plus the proxy's guards and the security headers. Read-only: write routes
// are probed with bodies that fail validation, which proves the request got past authorisation.
import { request as requests, expect, test } from "@playwright/test";
import { roles, type Role } from "../../lib/access";
import { storageStateOf } from "./support/users";

type Who = "anonymous" | Role;
const everyone: Who[] = ["anonymous", ...roles];
type Outcome = "ok" | "login" | "forbidden";

const pages: { path: string; least: Role }[] = [
  { path: "/dashboard", least: "viewer" },
  { path: "/dashboard/briefing", least: "viewer" },
  { path: "/pledges", least: "viewer" },
  { path: "/changes", least: "viewer" },
  { path: "/pledges/{id}", least: "viewer" },
  { path: "/pledges/new", least: "analyst" },
  { path: "/pledges/deleted", least: "analyst" },
  { path: "/audit", least: "analyst" },
  { path: "/pledges/{id}/edit", least: "analyst" },
  { path: "/pledges/{id}/status", least: "analyst" },
  { path: "/manage", least: "analyst" },
  { path: "/manage/stakeholder", least: "analyst" },
  { path: "/manage/condition/new", least: "analyst" },
  { path: "/import", least: "analyst" },
  { path: "/intake", least: "analyst" },
  { path: "/admin", least: "admin" },
  { path: "/admin/webhooks", least: "admin" },
  { path: "/account", least: "viewer" },
  { path: "/inbox", least: "viewer" },
  { path: "/releases", least: "viewer" },
];

const readRoutes = [
  "/api/v1/pledges",
  "/api/v1/pledges/{id}",
  "/api/v1/conditions",
  "/api/v1/stakeholders",
  "/api/v1/sources",
  "/api/v1/summary",
  "/api/v1/breakdown?by=status",
  "/api/v1/changes?since=2026-01-01",
  "/api/v1/changes?cursor=0",
  "/feeds/changes.atom",
  "/feeds/changes.atom?stakeholder=france",
  "/feeds/releases.atom",
  "/api/v1/releases",
  "/api/v1/openapi.json",
  "/api/v1/exports/pledges.csv",
  "/api/v1/exports/report.xlsx",
  "/api/v1/exports/dataset.json",
  "/api/v1/exports/briefing.pdf",
];

const expected = (who: Who, least: Role): Outcome =>
  who === "anonymous" ? "login" : roles.indexOf(who) >= roles.indexOf(least) ? "ok" : "forbidden";

async function contextFor(baseURL: string, who: Who) {
  return requests.newContext({
    baseURL,
    storageState: who === "anonymous" ? { cookies: [], origins: [] } : storageStateOf(who),
  });
}

let id = "";
test.beforeAll(async ({ request }) => {
  const list = (await (await request.get("/api/v1/pledges?pageSize=1")).json()) as { data: { id: string }[] };
  id = list.data[0]!.id;
});

test.describe("access matrix", () => {
  for (const who of everyone) {
    test(`pages as ${who}`, async ({ baseURL }) => {
      const context = await contextFor(baseURL!, who);
      for (const { path, least } of pages) {
        const url = path.replace("{id}", id);
        const response = await context.get(url, { maxRedirects: 0 });
        const outcome = expected(who, least);
        const cell = `${who} ${url}`;
        if (outcome === "login") {
          expect(response.status(), cell).toBe(307);
          expect(response.headers().location, cell).toContain(`/login?next=${encodeURIComponent(url)}`);
        } else {
          expect(response.status(), cell).toBe(outcome === "ok" ? 200 : 403);
        }
      }
      await context.dispose();
    });

    test(`API as ${who}`, async ({ baseURL }) => {
      const context = await contextFor(baseURL!, who);
      for (const path of readRoutes) {
        const response = await context.get(path.replace("{id}", id));
        expect(response.status(), `${who} GET ${path}`).toBe(who === "anonymous" ? 401 : 200);
      }
      // Each body is refused once past authorisation (422, or 400 for an import naming no file), so
      // that an allowed role's answer shows it got through without writing anything.
      const writes = [
        { method: "PATCH", path: `/api/v1/pledges/${id}`, body: { version: 0 }, allowed: 422 },
        { method: "POST", path: `/api/v1/pledges/${id}/status`, body: { status: "stalled" }, allowed: 422 },
        { method: "POST", path: "/api/v1/import-mappings", body: { name: "" }, allowed: 422 },
        { method: "POST", path: "/api/v1/imports", body: { rows: [] }, allowed: 400 },
        { method: "POST", path: "/api/v1/releases", body: { title: "" }, allowed: 422 },
        { method: "POST", path: "/api/v1/intake?publishedOn=yesterday", body: { text: "" }, allowed: 400 },
      ];
      for (const write of writes) {
        const response = await context.fetch(write.path, {
          method: write.method,
          data: write.body,
          headers: { origin: baseURL! },
        });
        const status = who === "anonymous" ? 401 : who === "viewer" ? 403 : write.allowed;
        expect(response.status(), `${who} ${write.method} ${write.path}`).toBe(status);
        expect(
          ((await response.json()) as { error: { message: string } }).error.message.length,
        ).toBeGreaterThan(0);
      }
      await context.dispose();
    });
  }

  test("a bearer token that is not one of ours is refused with 401 and says why", async ({ baseURL }) => {
    const anonymous = await contextFor(baseURL!, "anonymous");
    const wrong = await anonymous.get("/api/v1/summary", {
      headers: { authorization: "Bearer pw_not-a-token" },
    });
    expect(wrong.status()).toBe(401);
    expect(wrong.headers()["www-authenticate"]).toContain("invalid_token");
    await anonymous.dispose();
  });
});

test.describe("request guards and headers", () => {
  test("Better Auth's endpoints that Pledgewatch does not use answer 404, renaming first", async ({
    request,
    baseURL,
  }) => {
    for (const path of ["/api/auth/update-user", "/api/auth/change-password", "/api/auth/sign-up/email"]) {
      const response = await request.post(path, { headers: { origin: baseURL! }, data: { name: "Admin" } });
      expect(response.status(), path).toBe(404);
    }
    const me = await request.get("/api/auth/get-session");
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe("Vic Viewer");
  });

  test("a cross-origin or malformed-origin server-action post is refused with 403", async ({ request }) => {
    for (const origin of ["https://evil.example", "null", "not a url"]) {
      const response = await request.post(`/pledges/${id}/status`, {
        headers: {
          origin,
          "next-action": "0000000000000000000000000000000000000000",
          "content-type": "text/plain",
        },
        data: "[]",
      });
      expect(response.status(), origin).toBe(403);
    }
    const missing = await request.fetch(`/pledges/${id}/status`, {
      method: "POST",
      headers: { "next-action": "00", origin: "" },
      data: "[]",
    });
    expect(missing.status()).toBe(403);
  });

  test("pages carry CSP, frame-ancestors, nosniff and a referrer policy; HSTS only over HTTPS", async ({
    request,
  }) => {
    const response = await request.get("/dashboard");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[0-9a-f]+'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-powered-by"]).toBeUndefined();
    expect(headers["strict-transport-security"]).toBeUndefined();
    // A scheme claimed by the client itself is not believed (only TRUSTED_PROXIES' word is).
    const claimed = await request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(claimed.headers()["strict-transport-security"]).toBeUndefined();
  });

  test("the session cookie is HttpOnly, SameSite=Lax and Secure", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("viewer") });
    const [cookie] = (await context.cookies()).filter((c) => c.name.includes("session_token"));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
    await context.close();
  });
});
