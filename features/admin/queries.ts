import "server-only";
import { db } from "@/server/db";

// What the admin page lists. Only admins reach it (the page checks first).

export async function listAccounts() {
  return db().user.findMany({
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      lastSignInAt: true,
      deactivatedAt: true,
    },
    orderBy: { email: "asc" },
  });
}

export async function listApiTokens() {
  return db().apiToken.findMany({
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
    },
    orderBy: { createdAt: "desc" },
  });
}
