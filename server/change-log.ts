import { Prisma } from "@/generated/prisma/client";

// The change log (ChangeLog, migrations 20261205145711_change_log) is written by the database: a
// trigger logs every audited write to a public record. Records that were written without an audit
// (the seed, a dataset restored) are logged here instead, as created.

/** The kinds of record the change log follows, by their table and whether a row is live. */
const followed = [
  { entity: "pledge", table: "Pledge", live: Prisma.sql`t."deletedAt" IS NULL` },
  { entity: "condition", table: "Condition", live: Prisma.sql`1 = 1` },
  { entity: "stakeholder", table: "Stakeholder", live: Prisma.sql`1 = 1` },
  { entity: "source", table: "Source", live: Prisma.sql`1 = 1` },
  { entity: "requirement", table: "Requirement", live: Prisma.sql`1 = 1` },
  { entity: "capacity_reference", table: "CapacityReference", live: Prisma.sql`1 = 1` },
] as const;

/**
 * Logs as created every live record the change log has never mentioned, or last logged as deleted
 * (a record restored with its id), oldest first, so that a mirror reading the log from its start
 * (and every webhook endpoint) hears of it. Returns how many.
 */
export async function logUnloggedRecords(tx: Prisma.TransactionClient): Promise<number> {
  let logged = 0;
  for (const { entity, table, live } of followed) {
    logged += await tx.$executeRaw`
      INSERT INTO "ChangeLog" ("entity", "entityId", "action", "occurredAt")
      SELECT ${entity}, t."id", 'created', t."createdAt" FROM ${Prisma.raw(`"${table}"`)} t
      WHERE ${live} AND COALESCE((
        SELECT c."action" FROM "ChangeLog" c WHERE c."entity" = ${entity} AND c."entityId" = t."id"
        ORDER BY c."id" DESC LIMIT 1), 'deleted') = 'deleted'
      ORDER BY t."createdAt", t."id"`;
  }
  return logged;
}
