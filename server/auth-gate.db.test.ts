// The sign-in gate on a real database: failed sign-ins (never successes) locked per account and per
// address, parallel guesses held to the free failures, and only the endpoints Pledgewatch uses.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInThrottle } from "@/lib/sign-in-throttle";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const { handleAuthRequest } = await import("./auth-gate");
const { createAccount } = await import("./accounts");

const password = "a correct horse battery";
beforeAll(async () => {
  for (const email of ["ann@example.org", "bob@example.org", "cat@example.org"]) {
    await createAccount(db(), { name: email, email, role: "viewer", password }, null);
  }
});
beforeEach(async () => {
  await db().rateLimit.deleteMany();
});

/** A request as the HTTP edge hands it on: X-Forwarded-For holds the client's real address. */
const authRequest = (
  path: string,
  body: string | null,
  address = "203.0.113.7",
  method = "POST",
  headers: Record<string, string> = {},
) =>
  new Request(`http://localhost/api/auth${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      origin: "http://localhost",
      "x-forwarded-for": address,
      ...headers,
    },
    body,
  });
const signIn = async (email: string, secret: string, address?: string) => {
  const response = await handleAuthRequest(
    authRequest("/sign-in/email", JSON.stringify({ email, password: secret }), address),
  );
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: await response.text(),
  };
};

describe("failed sign-ins", () => {
  it("locks an account after five failures, from any address, and says when to retry", async () => {
    for (let i = 0; i < signInThrottle.freeFailures.account; i++) {
      expect((await signIn("ann@example.org", `wrong ${i}`, `198.51.100.${i}`)).status).toBe(401);
    }
    const locked = await signIn("ann@example.org", password, "198.51.100.99");
    expect(locked.status).toBe(429);
    expect(locked.retryAfter).toBe("30");
    expect(JSON.parse(locked.body)).toMatchObject({
      message: "Too many failed sign-ins. Try again in 30 seconds.",
    });
    // Another account is not held up by Ann's lock.
    expect((await signIn("bob@example.org", password, "198.51.100.99")).status).toBe(200);
  });

  it("locks an address after twenty failures across accounts, whatever the client claims elsewhere", async () => {
    for (let i = 0; i < signInThrottle.freeFailures.address; i++) {
      const email = ["ann@example.org", "bob@example.org", "cat@example.org"][i % 3]!;
      // Spread so that no account reaches its own limit: unknown accounts count per address too.
      const target = i < 12 ? email : `nobody${i}@example.org`;
      expect((await signIn(target, "wrong", "192.0.2.1")).status).toBe(401);
    }
    expect((await signIn("cat@example.org", password, "192.0.2.1")).status).toBe(429);
    expect((await signIn("cat@example.org", password, "192.0.2.2")).status).toBe(200);
  });

  it("never counts successful sign-ins", async () => {
    for (let i = 0; i < 12; i++) expect((await signIn("bob@example.org", password)).status).toBe(200);
  });

  it("lets a success clear the account's earlier failures", async () => {
    for (let i = 0; i < 4; i++) await signIn("ann@example.org", "wrong");
    expect((await signIn("ann@example.org", password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn("ann@example.org", "wrong")).status).toBe(401);
  });

  it("lets no more than the free failures through when guesses arrive all at once", async () => {
    const answers = await Promise.all(Array.from({ length: 15 }, () => signIn("cat@example.org", "wrong")));
    const tried = answers.filter((a) => a.status === 401).length;
    expect(tried).toBeGreaterThanOrEqual(1);
    expect(tried).toBeLessThanOrEqual(signInThrottle.freeFailures.account);
    expect(answers.filter((a) => a.status === 429).length).toBe(15 - tried);
  });
});

describe("what reaches Better Auth", () => {
  it("answers 404 for endpoints Pledgewatch does not use, update-user first", async () => {
    for (const path of [
      "/update-user",
      "/sign-up/email",
      "/change-email",
      "/delete-user",
      "/list-sessions",
    ]) {
      const response = await handleAuthRequest(authRequest(path, JSON.stringify({ name: "Admin" })));
      expect(response.status, path).toBe(404);
    }
    expect((await handleAuthRequest(authRequest("/get-session", null, undefined, "GET"))).status).toBe(200);
  });

  it("refuses deep, oversized and malformed bodies before parsing them", async () => {
    const deep = await handleAuthRequest(authRequest("/sign-in/email", "[".repeat(10_000)));
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ message: "The body nests more than 32 levels deep." });
    const big = await handleAuthRequest(
      authRequest("/sign-in/email", JSON.stringify({ email: "x".repeat(20_000) })),
    );
    expect(big.status).toBe(413);
    const surrogate = await handleAuthRequest(
      authRequest("/sign-in/email", '{"email":"\\ud800","password":"x"}'),
    );
    expect(surrogate.status).toBe(400);
    const noEmail = await handleAuthRequest(authRequest("/sign-in/email", JSON.stringify({ password: "x" })));
    expect(noEmail.status).toBe(400);
    for (const body of ["null", "[]", '"text"', "42"]) {
      expect((await handleAuthRequest(authRequest("/sign-in/email", body))).status, body).toBe(400);
    }
  });
});

describe("account lifecycle at sign-in", () => {
  it("records the last sign-in, and refuses a deactivated account even with the right password", async () => {
    const { setAccountActive, resetPassword } = await import("./accounts");
    const { createApiToken, apiTokenHolder } = await import("./api-tokens");
    const dan = await createAccount(
      db(),
      { name: "Dan", email: "dan@example.org", role: "admin", password },
      null,
    );
    expect((await signIn("dan@example.org", password)).status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: dan.id } })).lastSignInAt).not.toBeNull();
    expect(await db().session.count({ where: { userId: dan.id } })).toBe(1);
    const danAsActor = { kind: "user" as const, id: dan.id, name: "Dan", role: "admin" as const };
    const { token } = await createApiToken(db(), { name: "Dan's script", role: "viewer" }, danAsActor);
    expect(await apiTokenHolder(db(), token)).not.toBeNull();

    const admin = { kind: "system" as const, id: "test", name: "Test admin", role: "admin" as const };
    expect(await setAccountActive(db(), dan.id, false, admin)).toBe("done");
    // At once: no session, and the tokens Dan made no longer work.
    expect(await db().session.count({ where: { userId: dan.id } })).toBe(0);
    expect(await apiTokenHolder(db(), token)).toBeNull();
    const refused = await signIn("dan@example.org", password);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ message: expect.stringMatching(/deactivated/) });
    expect(await setAccountActive(db(), dan.id, false, admin)).toBe("unchanged");

    expect(await setAccountActive(db(), dan.id, true, admin)).toBe("done");
    expect((await signIn("dan@example.org", password)).status).toBe(200);

    const reset = await resetPassword(db(), dan.id, admin);
    expect(reset?.password.length).toBeGreaterThanOrEqual(20);
    expect(await db().session.count({ where: { userId: dan.id } })).toBe(0);
    expect((await signIn("dan@example.org", password)).status).toBe(401);
    expect((await signIn("dan@example.org", reset!.password)).status).toBe(200);

    const audit = await db().auditEntry.findMany({
      where: { entityType: "User", entityId: dan.id },
      orderBy: { occurredAt: "asc" },
    });
    expect(audit).toHaveLength(4);
    expect(audit.map((entry) => entry.note)).toEqual(
      expect.arrayContaining([
        null,
        "Deactivated: 1 session(s) ended, 1 token(s) revoked.",
        "Reactivated.",
        "Password reset by an admin; the account's sessions ended.",
      ]),
    );
    expect(audit.every((entry) => !`${entry.before}${entry.after}`.includes(reset!.password))).toBe(true);
  });

  it("refuses an API token past its expiry", async () => {
    const { createApiToken, apiTokenHolder } = await import("./api-tokens");
    const { id, token } = await createApiToken(db(), { name: "short", role: "viewer", days: 7 }, null);
    const created = await db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(created.expiresAt!.getTime() - created.createdAt.getTime()).toBeCloseTo(7 * 86_400_000, -4);
    expect(await apiTokenHolder(db(), token)).not.toBeNull();
    await db().apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await apiTokenHolder(db(), token)).toBeNull();
  });
});

describe("Better Auth's own refusals", () => {
  it("are worded in the reader's language, as the gate's are", async () => {
    // A password that is not text: Better Auth's own body check refuses it.
    const wrongType = (locale: string) =>
      handleAuthRequest(
        authRequest(
          "/sign-in/email",
          JSON.stringify({ email: "ann@example.org", password: 12345 }),
          "203.0.113.9",
          "POST",
          { cookie: `pw-locale=${locale}` },
        ),
      );
    const ukrainian = await wrongType("uk");
    expect(ukrainian.status).toBe(400);
    const { message } = (await ukrainian.json()) as { message: string };
    expect(message).toContain("має бути текстом");
    expect(message).not.toMatch(/[\u2063\u2064]/);
    expect(((await (await wrongType("en")).json()) as { message: string }).message).toContain("must be text");
  });
});
