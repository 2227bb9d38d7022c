import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { e2eDatabaseUrl } from "../../../playwright.config";

/** The end-to-end database, for arranging data the UI cannot create yet. */
export function openE2eDatabase() {
  return new Database(e2eDatabaseUrl.replace(/^file:/, ""), { timeout: 5000 });
}

/** Inserts a pledge tied to a new condition, as another writer would, and returns their ids. */
export function insertConditionalPledge(title: string, conditionStatus: "unmet" | "met") {
  const db = openE2eDatabase();
  const now = new Date().toISOString();
  const pledgeId = `e2e-${randomUUID()}`;
  const conditionId = `e2e-${randomUUID()}`;
  try {
    db.transaction(() => {
      db.prepare(
        `INSERT INTO "Condition" (id, slug, title, status, statusDate, version, createdAt, updatedAt)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
      ).run(conditionId, conditionId.toLowerCase(), `Condition for ${title}`, conditionStatus, now, now, now);
      db.prepare(
        `INSERT INTO "Pledge" (id, title, category, quantityLow, quantityHigh, quantityUnit, quantityQualifier,
           status, announcedOn, version, createdAt, updatedAt)
         VALUES (?, ?, 'force', 1000, 2000, 'personnel', 'exact', 'committed', ?, 1, ?, ?)`,
      ).run(pledgeId, title, now, now, now);
      db.prepare(
        `INSERT INTO "PledgeCondition" (pledgeId, conditionId, createdAt, updatedAt) VALUES (?, ?, ?, ?)`,
      ).run(pledgeId, conditionId, now, now);
    })();
  } finally {
    db.close();
  }
  return { pledgeId, conditionId };
}

/** A committed pledge with no conditions, announced now, with its initial status in the history. */
export function insertUnconditionalPledge(title: string, personnel: bigint) {
  const db = openE2eDatabase();
  const now = new Date().toISOString();
  const pledgeId = `e2e-${randomUUID()}`;
  try {
    db.transaction(() => {
      db.prepare(
        `INSERT INTO "Pledge" (id, title, category, quantityLow, quantityHigh, quantityUnit, quantityQualifier,
           status, announcedOn, version, createdAt, updatedAt)
         VALUES (?, ?, 'force', ?, ?, 'personnel', 'exact', 'committed', ?, 1, ?, ?)`,
      ).run(pledgeId, title, personnel, personnel, now, now, now);
      db.prepare(
        `INSERT INTO "StatusChange" (id, pledgeId, toPledgeStatus, occurredAt, note, createdAt, updatedAt)
         VALUES (?, ?, 'committed', ?, 'Recorded by the end-to-end suite', ?, ?)`,
      ).run(`e2e-${randomUUID()}`, pledgeId, now, now, now);
    })();
  } finally {
    db.close();
  }
  return pledgeId;
}

/** Withdraws a seeded pledge as an analyst would: new status plus a history entry dated `occurredAt`. */
export function withdrawSeededPledge(externalId: string, occurredAt: string) {
  const db = openE2eDatabase();
  const now = new Date().toISOString();
  try {
    db.transaction(() => {
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
    })();
  } finally {
    db.close();
  }
}
