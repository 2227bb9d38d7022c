import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

// One client per server process, surviving `next dev` module reloads. Created on first use so that
// `next build` needs no database; `instrumentation.ts` validates the environment at start-up.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient();
  return globalForPrisma.prisma;
}
