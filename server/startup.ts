import "server-only";
import { ensureFirstAdmin } from "./accounts";
import { db } from "./db";
import {
  bootstrapAdminFromEnv,
  publicOrigin,
  publicReadEnabled,
  requireAuthSecret,
  requireDatabaseUrl,
} from "./env";

/**
 * At start-up: a server that cannot work should not listen, so a bad environment stops it with a
 * failing status and the variable named; then someone must be able to sign in (the server sees to
 * that, not its renderer).
 */
export async function startUp(): Promise<void> {
  try {
    requireDatabaseUrl();
    requireAuthSecret();
    publicReadEnabled();
    bootstrapAdminFromEnv();
    publicOrigin();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // The server's renderer (server/renderer.mjs) starts after the server has done so.
  if (process.env.PLEDGEWATCH_RENDERER !== "1") await ensureFirstAdmin(db());
}
