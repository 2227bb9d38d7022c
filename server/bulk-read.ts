import type { Prisma } from "@/generated/prisma/client";
import { sqliteConnectionOf, type PrismaClient } from "./prisma-client";

// Large reads for imports of tens of thousands of rows. Prisma's raw queries turn each row into
// several objects on the way (measured on 50,000 stored pledges: a re-import's process peaked at
// 760 MB, most of it such garbage); on SQLite the rows come straight from the connection instead.
// No "server-only": the bench uses it too.

/**
 * The rows of `query`, as the driver gives them: on SQLite integers as bigint and dates as ISO text;
 * on PostgreSQL through Prisma (integers as number or bigint, dates as Date).
 */
export async function readRows<T>(prisma: PrismaClient, query: Prisma.Sql): Promise<T[]> {
  // Prisma opens the connection on its first query.
  if (!sqliteConnectionOf(prisma)) await prisma.$connect();
  const connection = sqliteConnectionOf(prisma);
  // Like Prisma's own queries, these run on the one connection, inside any transaction open on it.
  if (!connection) return prisma.$queryRaw<T[]>(query);
  return connection
    .prepare(query.sql)
    .safeIntegers(true)
    .all(...query.values.map(sqliteParameter)) as T[];
}

function sqliteParameter(value: unknown) {
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || value === null)
    return value;
  throw new TypeError(`readRows: no SQLite parameter for ${typeof value}`);
}
