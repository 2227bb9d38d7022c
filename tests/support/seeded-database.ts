import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createMigratedDatabase } from "./temp-database";

/**
 * A migrated, seeded database (SQLite, or PostgreSQL: see temp-database.ts) for one test file, made the app's DATABASE_URL before the app's
 * modules load: call it at the top level, then import what reads the database. `prepare` adds
 * rows after the seed; the file is deleted after the tests.
 */
export async function seededTestDatabase(prepare?: (client: PrismaClient) => Promise<void>) {
  const database = createMigratedDatabase();
  process.env.DATABASE_URL = database.url;
  const { db, readingDb } = await import("@/server/db");
  const { seedDatabase } = await import("../../prisma/seed/seed-database");
  beforeAll(async () => {
    await seedDatabase(db());
    await prepare?.(db());
  }, 120_000);
  afterAll(async () => {
    await Promise.all([db().$disconnect(), readingDb().$disconnect()]);
    await database.remove();
  });
  return { db, database };
}
