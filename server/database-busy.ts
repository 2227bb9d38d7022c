import { Prisma } from "@/generated/prisma/client";

/**
 * True when the database could not take the work in time, so none of it was saved: SQLite's busy
 * timeout (Prisma's P1008) or PostgreSQL's lock_timeout (55P03, passed through by the driver
 * adapter), when another long write such as an import holds the lock; or a transaction that found
 * no free connection or ran out of time (P2028), when more requests arrive than the database serves.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P1008" || error.code === "P2028") return true;
    // A raw query (P2010) carries the driver adapter's error in `meta`.
    const meta = error.meta as { driverAdapterError?: { cause?: unknown } } | undefined;
    return lockTimedOut(meta?.driverAdapterError?.cause);
  }
  return lockTimedOut((error as { cause?: unknown } | null)?.cause);
}

/** PostgreSQL's lock_timeout, as @prisma/adapter-pg describes the driver's error. */
function lockTimedOut(cause: unknown): boolean {
  return (cause as { originalCode?: unknown } | undefined)?.originalCode === "55P03";
}
