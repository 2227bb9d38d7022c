import { randomUUID } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "../../../server/prisma-client";
import { e2eDatabaseUrl } from "../../../playwright.config";
import { creationEvents } from "../../../server/ledger";
import { withdrawPledge } from "../../support/withdraw-pledge";

// Writes to the end-to-end database from outside the app, as another process would, for data the UI
// cannot create yet. The app must notice them (see the data version triggers). Works on SQLite and
// PostgreSQL alike, through the same Prisma client the app uses.

async function inTransaction<T>(
  work: (tx: Omit<PrismaClient, `$${string}`>) => Promise<T>,
  databaseUrl = e2eDatabaseUrl,
): Promise<T> {
  const db = createPrismaClient(databaseUrl);
  try {
    return await db.$transaction((tx) => work(tx));
  } finally {
    await db.$disconnect();
  }
}

interface NewPledge {
  title: string;
  low: bigint;
  high?: bigint;
  /** Ties the pledge to a new condition in this status. */
  conditionStatus?: "unmet" | "met";
}

/**
 * A committed personnel pledge, announced now, with its first status in the history: in the suite's
 * database, or in `databaseUrl`'s (a spec's own server's).
 */
export function insertPledge({ title, low, high = low, conditionStatus }: NewPledge, databaseUrl?: string) {
  return inTransaction(async (tx) => {
    const now = new Date();
    const pledge = await tx.pledge.create({
      data: {
        id: `e2e-${randomUUID()}`,
        title,
        category: "force",
        quantityLow: low,
        quantityHigh: high,
        quantityUnit: "personnel",
        quantityQualifier: "exact",
        status: "committed",
        announcedOn: now,
        statusChanges: {
          create: { toPledgeStatus: "committed", occurredAt: now, note: "Recorded by the end-to-end suite" },
        },
      },
    });
    await tx.ledgerEvent.createMany({
      data: creationEvents(pledge, { by: null, at: now, note: "Recorded by the end-to-end suite" }),
    });
    if (conditionStatus) {
      const id = `e2e-${randomUUID()}`;
      await tx.condition.create({
        data: {
          id,
          slug: id.toLowerCase(),
          title: `Condition for ${title}`,
          status: conditionStatus,
          statusDate: now,
          pledges: { create: { pledgeId: pledge.id } },
        },
      });
    }
    return pledge.id;
  }, databaseUrl);
}

/** Withdraws a seeded pledge as an analyst would: new status plus a history entry dated `occurredAt`. */
export function withdrawSeededPledge(externalId: string, occurredAt: string) {
  return inTransaction((tx) =>
    withdrawPledge(tx, externalId, new Date(occurredAt), "Withdrawn in the end-to-end suite"),
  );
}

/** How many citations quote exactly these words, in the suite's database: what a decision wrote. */
export function citationsQuoting(quote: string) {
  return inTransaction((tx) => tx.citation.count({ where: { quote } }));
}
