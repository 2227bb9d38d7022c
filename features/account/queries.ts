import "server-only";
import { db } from "@/server/db";
import { isFeedTokenName } from "./schemas";

/** The feed tokens a user made that still work (or would, but for their expiry), newest first. */
export async function listOwnFeedTokens(userId: string) {
  const tokens = await db().apiToken.findMany({
    where: { createdById: userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
  return tokens.filter((token) => isFeedTokenName(token.name));
}
