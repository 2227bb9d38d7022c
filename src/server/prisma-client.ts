import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgresql/client";
import { databaseKind, requireDatabaseUrl } from "./env";

export type { PrismaClient };

/**
 * A client on the database named by DATABASE_URL (a SQLite file, or PostgreSQL for several
 * instances); shared by the app, the seed and scripts.
 */
export function createPrismaClient(url: string = requireDatabaseUrl()): PrismaClient {
  if (databaseKind(url) === "postgresql") {
    // Generated from prisma/postgresql/schema.prisma, whose models, fields and enums are the SQLite
    // schema's (prisma/schema-lockstep.test.ts): the same API, so the code is typed against one.
    // lock_timeout plays SQLite's busy timeout: a write stuck behind another's lock for 5 s gives up.
    const adapter = new PrismaPg({ connectionString: url, options: "-c lock_timeout=5000" });
    // Under load a request waits for one of the pool's connections rather than failing after
    // Prisma's default 2 s; past this, the answer is 503 (server/database-busy.ts).
    const client = new PostgresPrismaClient({
      adapter,
      transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    });
    return client as unknown as PrismaClient;
  }
  // `timeout` is SQLite's busy timeout: writers wait for each other instead of failing at once.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}
