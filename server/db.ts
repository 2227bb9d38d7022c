import "server-only";
import { createPrismaClient, createReadingClient, type PrismaClient } from "./prisma-client";

// One client per server process, surviving `next dev` module reloads. Created on first use so that
// `next build` needs no database; `instrumentation.ts` validates the environment at start-up.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; reading?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}

/**
 * The client for reads that take long (the figures' aggregates, a gap history): on SQLite they run
 * on threads of their own, so that the server goes on answering and writing meanwhile. It sees every
 * write committed before its query, never one in progress. Only read through it: on SQLite it
 * refuses writes and transactions (so also a batch of different findUnique calls in one tick, which
 * Prisma runs as one); on PostgreSQL it is db().
 */
export function readingDb(): PrismaClient {
  globalForPrisma.reading ??= createReadingClient() ?? db();
  return globalForPrisma.reading;
}
