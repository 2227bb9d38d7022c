import { Prisma } from "@/generated/prisma/client";

/**
 * True when a write gave up waiting for another writer's lock: SQLite's busy timeout (Prisma's
 * P1008), or PostgreSQL's lock_timeout (55P03, passed through by the driver adapter). Both mean
 * another long write, such as an import, holds the database; nothing of this write was saved.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === "P1008";
  const cause = (error as { cause?: { originalCode?: unknown } } | null)?.cause;
  return cause?.originalCode === "55P03";
}
