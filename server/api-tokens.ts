import "server-only";
import { createHash, randomBytes } from "node:crypto";
import {
  defaultTokenLifetime,
  tokenExpiry,
  tokenExpiresAt,
  tokenUsable,
  type Principal,
  type Role,
  type TokenLifetime,
} from "@/lib/access";
import type { PrismaClient } from "./prisma-client";
import { recordAudit } from "./audit";

// Bearer tokens for scripts: 256 random bits, shown once; only their SHA-256 digest is stored.
// A plain digest suffices (unlike passwords) because the token itself is random and long.

const tokenPrefix = "pw_";

function generateApiToken(): string {
  return tokenPrefix + randomBytes(32).toString("base64url");
}

function digestApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Creates a token and its audit entry; returns the token itself, which is never stored. */
export async function createApiToken(
  prisma: PrismaClient,
  input: { name: string; role: Role; days?: TokenLifetime },
  actor: Principal | null,
): Promise<{ id: string; token: string }> {
  const token = generateApiToken();
  const id = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        role: input.role,
        tokenHash: digestApiToken(token),
        prefix: token.slice(0, tokenPrefix.length + 6),
        createdById: actor?.kind === "user" ? actor.id : null,
        expiresAt: tokenExpiry(new Date(), input.days ?? defaultTokenLifetime),
      },
      select: { id: true, name: true, role: true, prefix: true, expiresAt: true },
    });
    // Created from the command line, the token is its own author.
    const author: Principal = actor ?? {
      kind: "token",
      id: created.id,
      name: created.name,
      role: created.role,
    };
    await recordAudit(tx, author, {
      action: "create",
      entityType: "ApiToken",
      entityId: created.id,
      after: created,
    });
    return created.id;
  });
  return { id, token };
}

/** "Last used" is kept to the minute, without a write on every request. */
const lastUsedPrecisionMs = 60_000;

/**
 * The principal a bearer token stands for (null when it is unknown, revoked or expired), and until
 * when that answer may be kept unless a token or account is written meanwhile (server/access.ts):
 * its expiry, or when its "last used" falls due.
 */
export async function apiTokenHolder(
  prisma: PrismaClient,
  token: string,
): Promise<{ principal: Principal; keepUntil: number } | null> {
  if (!token.startsWith(tokenPrefix) || token.length > 200) return null;
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: digestApiToken(token) },
    select: {
      id: true,
      name: true,
      role: true,
      createdAt: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      createdBy: { select: { deactivatedAt: true } },
    },
  });
  const now = Date.now();
  // A token made by an account that is now deactivated ends with it, even one made as it was switched off.
  if (!found || !tokenUsable(found, new Date(now)) || found.createdBy?.deactivatedAt) return null;
  let lastUsed = found.lastUsedAt?.getTime() ?? -Infinity;
  if (now - lastUsed > lastUsedPrecisionMs) {
    await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date(now) } });
    lastUsed = now;
  }
  return {
    principal: { kind: "token", id: found.id, name: found.name, role: found.role },
    keepUntil: Math.min(tokenExpiresAt(found).getTime(), lastUsed + lastUsedPrecisionMs),
  };
}

/** Revokes an active token, with its audit entry; false when there is no active token with this id. */
export async function revokeApiToken(
  prisma: PrismaClient,
  id: string,
  actor: Principal | null,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const select = { id: true, name: true, role: true, revokedAt: true } as const;
    const before = await tx.apiToken.findUnique({ where: { id }, select });
    if (!before || before.revokedAt) return false;
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select });
    // From the command line, the revocation is recorded in the token's own name.
    const author: Principal = actor ?? { kind: "token", id, name: before.name, role: before.role };
    await recordAudit(tx, author, { action: "delete", entityType: "ApiToken", entityId: id, before, after });
    return true;
  });
}
