import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { databaseKind } from "@/server/env";
import { journalGroupNotEmpty, journalKeyColumns, journalSums } from "./journal-sql";

// The figures' one write: the totals' journal summed up (queries.ts reads it), which changes no figure.

let compacting: Promise<void> | null = null;

/**
 * Sums the journal up: each group's rows replaced by one row of their sums, in one transaction,
 * without moving the data version (the totals are the same) but moving the journal's epoch. In the background: a read that finds
 * the journal long asks for it, and goes on with what it read. On PostgreSQL in one statement,
 * whose snapshot decides which rows are summed and deleted alike (rows a writer is still adding are
 * left for the next time); on SQLite, writers take turns.
 */
export function compactJournal(): Promise<void> {
  compacting ??= (async () => {
    try {
      // The epoch moves with it: servers reading the journal a few rows at a time read it whole again.
      const nextEpoch = Prisma.sql`UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 3`;
      if (databaseKind() === "postgresql") {
        // The sums keep the latest data version of the rows they replace (what servers read after).
        await db().$transaction([
          db().$executeRaw`
            WITH gone AS (DELETE FROM "FigureDelta" RETURNING *)
            INSERT INTO "FigureDelta" (${journalKeyColumns}, "count", "low", "high", "delivered", "deliveredAbove", "version")
            SELECT ${journalKeyColumns}, ${journalSums}, MAX("version") FROM gone
            GROUP BY ${journalKeyColumns} HAVING ${journalGroupNotEmpty}`,
          db().$executeRaw(nextEpoch),
        ]);
      } else {
        await db().$transaction(async (tx) => {
          const [{ last } = { last: null }] = await tx.$queryRaw<{ last: number | bigint | null }[]>`
            SELECT MAX("id") AS last FROM "FigureDelta"`;
          if (last === null) return;
          await tx.$executeRaw`
            INSERT INTO "FigureDelta" (${journalKeyColumns}, "count", "low", "high", "delivered", "deliveredAbove")
            SELECT ${journalKeyColumns}, ${journalSums} FROM "FigureDelta" WHERE "id" <= ${last}
            GROUP BY ${journalKeyColumns} HAVING ${journalGroupNotEmpty}`;
          await tx.$executeRaw`DELETE FROM "FigureDelta" WHERE "id" <= ${last}`;
          await tx.$executeRaw(nextEpoch);
        });
      }
    } catch (error) {
      // Nothing is lost: the journal stays as it was, summed next time.
      console.error("The totals' journal could not be summed up:", error);
    } finally {
      compacting = null;
    }
  })();
  return compacting;
}
