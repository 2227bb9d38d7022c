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
