import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { e2eDatabaseUrl } from "../../../playwright.config";

// Writes to the end-to-end database from outside the app, as another process would, for data the UI
// cannot create yet. The app must notice them (see the data version triggers).

function inTransaction<T>(work: (db: Database.Database, now: string) => T): T {
  const db = new Database(e2eDatabaseUrl.replace(/^file:/, ""), { timeout: 5000 });
  try {
    return db.transaction(() => work(db, new Date().toISOString()))();
  } finally {
    db.close();
  }
}

interface NewPledge {
  title: string;
  low: bigint;
  high?: bigint;
  /** Ties the pledge to a new condition in this status. */
  conditionStatus?: "unmet" | "met";
}

/** A committed personnel pledge, announced now, with its first status in the history. */
export function insertPledge({ title, low, high = low, conditionStatus }: NewPledge) {
  return inTransaction((db, now) => {
    const pledgeId = `e2e-${randomUUID()}`;
    db.prepare(
      `INSERT INTO "Pledge" (id, title, category, quantityLow, quantityHigh, quantityUnit, quantityQualifier,
         status, announcedOn, version, createdAt, updatedAt)
       VALUES (?, ?, 'force', ?, ?, 'personnel', 'exact', 'committed', ?, 1, ?, ?)`,
    ).run(pledgeId, title, low, high, now, now, now);
    db.prepare(
      `INSERT INTO "StatusChange" (id, pledgeId, toPledgeStatus, occurredAt, note, createdAt, updatedAt)
       VALUES (?, ?, 'committed', ?, 'Recorded by the end-to-end suite', ?, ?)`,
    ).run(`e2e-${randomUUID()}`, pledgeId, now, now, now);
    if (conditionStatus) {
      const conditionId = `e2e-${randomUUID()}`;
      db.prepare(
        `INSERT INTO "Condition" (id, slug, title, status, statusDate, version, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      ).run(conditionId, conditionId.toLowerCase(), `Condition for ${title}`, conditionStatus, now, now, now);
      db.prepare(
        `INSERT INTO "PledgeCondition" (pledgeId, conditionId, createdAt, updatedAt) VALUES (?, ?, ?, ?)`,
      ).run(pledgeId, conditionId, now, now);
    }
    return pledgeId;
  });
}

/** Withdraws a seeded pledge as an analyst would: new status plus a history entry dated `occurredAt`. */
export function withdrawSeededPledge(externalId: string, occurredAt: string) {
  inTransaction((db, now) => {
    const pledge = db.prepare(`SELECT id, status FROM "Pledge" WHERE externalId = ?`).get(externalId) as
      { id: string; status: string } | undefined;
    if (!pledge) throw new Error(`no pledge ${externalId}`);
    db.prepare(
      `UPDATE "Pledge" SET status = 'withdrawn', version = version + 1, updatedAt = ? WHERE id = ?`,
    ).run(now, pledge.id);
    db.prepare(
      `INSERT INTO "StatusChange" (id, pledgeId, fromPledgeStatus, toPledgeStatus, occurredAt, note, createdAt, updatedAt)
       VALUES (?, ?, ?, 'withdrawn', ?, 'Withdrawn in the end-to-end suite', ?, ?)`,
    ).run(`e2e-${randomUUID()}`, pledge.id, pledge.status, occurredAt, now, now);
  });
}

/** Changes an account's role behind the app's back, as another admin would. */
export function setRole(email: string, role: "viewer" | "analyst" | "admin") {
  inTransaction((db) => {
    db.prepare(`UPDATE "User" SET role = ? WHERE email = ?`).run(role, email);
  });
}
