import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Locale } from "@/i18n/locales";
import type { Principal, Role } from "@/lib/access";
import { recordAudit } from "./audit";
import { db } from "./db";
import { bootstrapAdminFromEnv } from "./env";
import type { PrismaClient } from "./prisma-client";
import { systemNote } from "@/i18n/system-notes";

// Accounts are created by admins (and, for the very first admin, at start-up), never by sign-up.
// Better Auth stores a password as a "credential" account beside the user; it hashes with scrypt.

export type NewAccount = { name: string; email: string; role: Role; password: string };

export async function createAccount(prisma: PrismaClient, input: NewAccount, actor: Principal | null) {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { name: input.name, email: input.email.toLowerCase(), role: input.role, emailVerified: true },
      select: { id: true, name: true, email: true, role: true },
    });
    await tx.account.create({
      data: { userId: user.id, accountId: user.id, providerId: "credential", password: passwordHash },
    });
    const author: Principal = actor ?? { kind: "user", id: user.id, name: user.name, role: user.role };
    await recordAudit(tx, author, { action: "create", entityType: "User", entityId: user.id, after: user });
    return user;
  });
}

/**
 * On a database without users: the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, or else one with a
 * generated password that is printed once, here, and stored nowhere but as a hash.
 */
export async function ensureFirstAdmin(
  prisma: PrismaClient,
  /** The environment to read ADMIN_EMAIL/ADMIN_PASSWORD from; the process's when left out (server/env.ts). */
  env?: Record<string, string | undefined>,
  log: (line: string) => void = console.log,
): Promise<"exists" | "from-env" | "generated"> {
  const fromEnv = bootstrapAdminFromEnv(env);
  if ((await prisma.user.count()) > 0) {
    if (fromEnv) {
      log(
        `Pledgewatch: ADMIN_EMAIL and ADMIN_PASSWORD were ignored: they only create the first admin, and accounts exist already. ` +
          `Manage accounts under Admin, or with npm run account; then unset both.`,
      );
    }
    return "exists";
  }
  const email = fromEnv?.email ?? "admin@pledgewatch.local";
  const password = fromEnv?.password ?? randomBytes(18).toString("base64url");
  try {
    await createAccount(prisma, { name: "Administrator", email, role: "admin", password }, null);
  } catch (error) {
    // Another instance starting at the same moment created the first admin.
    if ((await prisma.user.count()) > 0) return "exists";
    throw error;
  }
  if (fromEnv) {
    log(`Pledgewatch: created the first admin, ${email} (password from ADMIN_PASSWORD).`);
    return "from-env";
  }
  log(
    [
      "Pledgewatch: created the first admin. This password is shown once and stored only as a hash:",
      `  email:    ${email}`,
      `  password: ${password}`,
      "Sign in at /login and create accounts for your team under Admin.",
    ].join("\n"),
  );
  return "generated";
}

/** Gives an account another role, with its audit entry; false when there is no such account. */
export async function changeRole(
  prisma: PrismaClient,
  userId: string,
  role: Role,
  actor: Principal,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const select = { id: true, email: true, role: true } as const;
    const before = await tx.user.findUnique({ where: { id: userId }, select });
    if (!before) return false;
    const after = await tx.user.update({ where: { id: userId }, data: { role }, select });
    await recordAudit(tx, actor, { action: "update", entityType: "User", entityId: userId, before, after });
    return true;
  });
}

const accountSelect = { id: true, name: true, email: true, role: true, deactivatedAt: true } as const;

export type LifecycleOutcome = "done" | "not-found" | "unchanged";

/**
 * Switches an account off (its sessions end and the tokens it made are revoked, at once) or on
 * again, with its audit entry.
 */
export async function setAccountActive(
  prisma: PrismaClient,
  userId: string,
  active: boolean,
  actor: Principal,
): Promise<LifecycleOutcome> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: accountSelect });
    if (!before) return "not-found";
    if (!!before.deactivatedAt === !active) return "unchanged";
    const now = new Date();
    const after = await tx.user.update({
      where: { id: userId },
      data: { deactivatedAt: active ? null : now },
      select: accountSelect,
    });
    let note = systemNote("reactivated");
    if (!active) {
      const sessions = await tx.session.deleteMany({ where: { userId } });
      const tokens = await tx.apiToken.updateMany({
        where: { createdById: userId, revokedAt: null },
        data: { revokedAt: now },
      });
      note = systemNote("deactivated", { sessions: sessions.count, tokens: tokens.count });
    }
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "User",
      entityId: userId,
      before,
      after,
      note,
    });
    return "done";
  });
}

/**
 * Gives an account a new generated password (returned, to be shown once) and ends its sessions,
 * with an audit entry that records the reset, never the password.
 */
export async function resetPassword(
  prisma: PrismaClient,
  userId: string,
  actor: Principal,
): Promise<{ email: string; password: string } | null> {
  const password = randomBytes(15).toString("base64url");
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: accountSelect });
    if (!user) return null;
    const updated = await tx.account.updateMany({
      where: { userId, providerId: "credential" },
      data: { password: passwordHash },
    });
    if (updated.count === 0) {
      await tx.account.create({
        data: { userId, accountId: userId, providerId: "credential", password: passwordHash },
      });
    }
    await tx.session.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "User",
      entityId: userId,
      before: user,
      after: user,
      note: systemNote("passwordReset"),
    });
    return { email: user.email, password };
  });
}

/** Renames an account (its own user, or an admin), with its audit entry. */
export async function renameAccount(
  prisma: PrismaClient,
  userId: string,
  name: string,
  actor: Principal,
): Promise<LifecycleOutcome> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: accountSelect });
    if (!before) return "not-found";
    if (before.name === name) return "unchanged";
    const after = await tx.user.update({ where: { id: userId }, data: { name }, select: accountSelect });
    await recordAudit(tx, actor, { action: "update", entityType: "User", entityId: userId, before, after });
    return "done";
  });
}

/** Records that someone changed their own password (Better Auth changed it), in the audit log. */
export async function recordOwnPasswordChange(prisma: PrismaClient, actor: Principal): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: accountSelect });
  await recordAudit(prisma, actor, {
    action: "update",
    entityType: "User",
    entityId: actor.id,
    before: user,
    after: user,
    note: systemNote("ownPasswordChanged"),
  });
}

/**
 * The language an account reads Pledgewatch in (null: follow the browser). A preference, not a
 * matter of access, so not audited; the write moves the access version (the User table's trigger),
 * so the next page is read in it at once (server/access.ts keeps principals per version).
 */
export async function setAccountLocale(
  userId: string,
  locale: Locale | null,
  prisma: PrismaClient = db(),
): Promise<"done" | "unchanged" | "not-found"> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { locale: true } });
  if (!user) return "not-found";
  // Unchanged, unwritten: every write to an account makes each reader's next request look them up again.
  if (user.locale === locale) return "unchanged";
  await prisma.user.update({ where: { id: userId }, data: { locale } });
  return "done";
}
