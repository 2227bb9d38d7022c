import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { requireDatabaseUrl } from "./env";

export type { PrismaClient };

/** A client on the SQLite file named by DATABASE_URL; shared by the app, the seed and scripts. */
export function createPrismaClient(url: string = requireDatabaseUrl()): PrismaClient {
  // `timeout` is SQLite's busy timeout: writers wait for each other instead of failing at once.
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 5000 }) });
}
