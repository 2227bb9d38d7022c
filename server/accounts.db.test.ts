// The first admin on a fresh database: from the environment, or generated and printed once.
import { verifyPassword } from "better-auth/crypto";
import { describe, expect, it } from "vitest";
import { createMigratedDatabase } from "@tests/temp-database";
import { createAccount, ensureFirstAdmin, setAccountLocale } from "./accounts";
import { createPrismaClient } from "./prisma-client";

async function withDatabase(work: (prisma: ReturnType<typeof createPrismaClient>) => Promise<void>) {
  const database = createMigratedDatabase();
  const prisma = createPrismaClient(database.url);
  try {
    await work(prisma);
  } finally {
    await prisma.$disconnect();
    await database.remove();
  }
}

const storedHash = async (prisma: ReturnType<typeof createPrismaClient>, email: string) =>
  (await prisma.account.findFirstOrThrow({ where: { user: { email } } })).password!;

describe("ensureFirstAdmin", () => {
  it("creates the admin from ADMIN_EMAIL/ADMIN_PASSWORD, storing only a hash, and only once", async () => {
    await withDatabase(async (prisma) => {
      const env = { ADMIN_EMAIL: "Boss@Example.org", ADMIN_PASSWORD: "a long enough secret" };
      const lines: string[] = [];
      expect(await ensureFirstAdmin(prisma, env, (line) => lines.push(line))).toBe("from-env");
      const hash = await storedHash(prisma, "boss@example.org");
      expect(hash).not.toContain("a long enough secret");
      expect(await verifyPassword({ hash, password: "a long enough secret" })).toBe(true);
      expect(lines.join("\n")).not.toContain("a long enough secret");
      const later: string[] = [];
      expect(await ensureFirstAdmin(prisma, env, (line) => later.push(line))).toBe("exists");
      expect(later.join("\n")).toMatch(
        /ADMIN_EMAIL and ADMIN_PASSWORD were ignored: .* accounts exist already/,
      );
      expect(await ensureFirstAdmin(prisma, {}, (line) => later.push(line))).toBe("exists");
      expect(later).toHaveLength(1);
      expect(await prisma.user.count()).toBe(1);
      expect(await prisma.auditEntry.count({ where: { entityType: "User" } })).toBe(1);
    });
  });

  it("without the variables, generates a password and prints it once", async () => {
    await withDatabase(async (prisma) => {
      const lines: string[] = [];
      expect(await ensureFirstAdmin(prisma, {}, (line) => lines.push(line))).toBe("generated");
      const password = /password: (\S+)/.exec(lines.join("\n"))?.[1];
      expect(password?.length).toBeGreaterThanOrEqual(20);
      const admin = await prisma.user.findFirstOrThrow();
      expect(admin).toMatchObject({ email: "admin@pledgewatch.local", role: "admin" });
      expect(await verifyPassword({ hash: await storedHash(prisma, admin.email), password: password! })).toBe(
        true,
      );
    });
  });
});

describe("role changes and token revocation", () => {
  it("are audited, whether made by an admin or from the command line", async () => {
    await withDatabase(async (prisma) => {
      const { changeRole } = await import("./accounts");
      const { createApiToken, revokeApiToken } = await import("./api-tokens");
      await ensureFirstAdmin(prisma, {}, () => {});
      const admin = await prisma.user.findFirstOrThrow();
      const actor = { kind: "user" as const, id: admin.id, name: admin.name, role: "admin" as const };
      const { id } = await createApiToken(prisma, { name: "nightly", role: "viewer" }, null);
      expect(await revokeApiToken(prisma, id, null)).toBe(true);
      expect(await revokeApiToken(prisma, id, null)).toBe(false);
      expect(await changeRole(prisma, admin.id, "analyst", actor)).toBe(true);
      expect(await changeRole(prisma, "no-such-user", "viewer", actor)).toBe(false);
      // Entries written within one millisecond tie on time: compare them as a set.
      const audit = await prisma.auditEntry.findMany();
      expect(audit.map((entry) => `${entry.entityType} ${entry.action}`).sort()).toEqual([
        "ApiToken create",
        "ApiToken delete",
        "User create",
        "User update",
      ]);
      const roleChange = audit.find((entry) => entry.entityType === "User" && entry.action === "update")!;
      expect(JSON.parse(roleChange.after!)).toMatchObject({ role: "analyst" });
    });
  });
});

describe("setAccountLocale", () => {
  it("keeps the language on the account, and writes nothing when it is unchanged", async () => {
    await withDatabase(async (prisma) => {
      const user = await createAccount(
        prisma,
        { name: "Lina", email: "lina@example.org", role: "viewer", password: "a long enough secret" },
        null,
      );
      const accessVersion = () =>
        prisma.dataVersion.findUniqueOrThrow({ where: { id: 2 } }).then((row) => row.version);
      expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ locale: null });
      const before = await accessVersion();
      expect(await setAccountLocale(user.id, "uk", prisma)).toBe("done");
      expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ locale: "uk" });
      // The write moves the access version: principals kept for the account are looked up again.
      const after = await accessVersion();
      expect(after).toBeGreaterThan(before);
      expect(await setAccountLocale(user.id, "uk", prisma)).toBe("unchanged");
      expect(await accessVersion()).toBe(after);
      expect(await setAccountLocale(user.id, null, prisma)).toBe("done");
      expect(await setAccountLocale("no-such-user", "fr", prisma)).toBe("not-found");
    });
  });
});
