// Who a request's credentials stand for, kept per credential between requests (server/access.ts):
// looked up once while nothing about access changes, and again at once after a sign-out, a
// revocation, a deactivation or a change of role, or once the token has expired.
import { afterEach, describe, expect, it, vi } from "vitest";
import { seededTestDatabase } from "@tests/seeded-database";
import type * as apiTokens from "./api-tokens";

const lookups = vi.hoisted(() => ({ tokens: 0 }));
vi.mock("./api-tokens", async (original) => {
  const real = await original<typeof apiTokens>();
  return {
    ...real,
    apiTokenHolder: (...args: Parameters<typeof real.apiTokenHolder>) => {
      lookups.tokens++;
      return real.apiTokenHolder(...args);
    },
  };
});

const { db } = await seededTestDatabase();
const { authorizeApiRequest } = await import("./access");
const { createApiToken, revokeApiToken } = await import("./api-tokens");
const { createAccount, setAccountActive } = await import("./accounts");
const { handleAuthRequest } = await import("./auth-gate");
const { readAccessVersion, readDataVersion } = await import("./data-version");

const admin = { kind: "system" as const, id: "test", name: "Test admin", role: "admin" as const };
const asking = (headers: Record<string, string>) =>
  new Request("http://localhost/api/v1/summary", { headers });
const principalOf = async (headers: Record<string, string>) => {
  const decision = await authorizeApiRequest(asking(headers), "read");
  return decision.ok ? decision.principal : decision.status;
};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function signIn(email: string, password: string): Promise<string> {
  const response = await handleAuthRequest(
    new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: "http://localhost",
        "x-forwarded-for": "203.0.113.9",
      },
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("who a credential stands for, kept between requests", () => {
  it("looks a token up once while nothing about access changes, and refuses it at once when revoked", async () => {
    const { id, token } = await createApiToken(db(), { name: "kept", role: "viewer" }, null);
    // The first use records "last used", a write to the tokens: the next request looks up again.
    expect(await principalOf(bearer(token))).toMatchObject({ kind: "token", id });
    const before = lookups.tokens;
    for (let i = 0; i < 5; i++) expect(await principalOf(bearer(token))).toMatchObject({ kind: "token", id });
    expect(lookups.tokens - before).toBe(1);
    // A write elsewhere (the figures' data) changes nothing about access.
    const access = await readAccessVersion();
    const data = await readDataVersion();
    await db().pledge.updateMany({ data: { description: "Described again" } });
    expect(await readDataVersion()).toBeGreaterThan(data);
    expect(await readAccessVersion()).toBe(access);
    expect(await principalOf(bearer(token))).toMatchObject({ id });
    expect(lookups.tokens - before).toBe(1);

    expect(await revokeApiToken(db(), id, null)).toBe(true);
    expect(await readAccessVersion()).toBeGreaterThan(access);
    expect(await principalOf(bearer(token))).toBe(401);
  });

  it("looks a token up again once it has expired, though nothing was written", async () => {
    const { token } = await createApiToken(db(), { name: "a week", role: "viewer", days: 7 }, null);
    // Twice: the second is kept (the first recorded "last used").
    expect(await principalOf(bearer(token))).toMatchObject({ kind: "token" });
    expect(await principalOf(bearer(token))).toMatchObject({ kind: "token" });
    const now = Date.now();
    vi.spyOn(Date, "now").mockReturnValue(now + 8 * 86_400_000);
    expect(await principalOf(bearer(token))).toBe(401);
  });

  it("follows a signed-in user's change of role, deactivation and sign-out at once", async () => {
    const password = "a correct horse battery";
    const eve = await createAccount(
      db(),
      { name: "Eve", email: "eve@example.org", role: "viewer", password },
      null,
    );
    const cookie = await signIn("eve@example.org", password);
    expect(await principalOf({ cookie })).toMatchObject({ kind: "user", id: eve.id, role: "viewer" });
    expect(await principalOf({ cookie })).toMatchObject({ role: "viewer" });

    await db().user.update({ where: { id: eve.id }, data: { role: "analyst" } });
    expect(await principalOf({ cookie })).toMatchObject({ role: "analyst" });

    expect(await setAccountActive(db(), eve.id, false, admin)).toBe("done");
    expect(await principalOf({ cookie })).toBe(401);

    expect(await setAccountActive(db(), eve.id, true, admin)).toBe("done");
    const again = await signIn("eve@example.org", password);
    expect(await principalOf({ cookie: again })).toMatchObject({ id: eve.id });
    await db().session.deleteMany({ where: { userId: eve.id } });
    expect(await principalOf({ cookie: again })).toBe(401);
  });
});
