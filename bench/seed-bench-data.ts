// Fills a database with 10,000 pledges and 100,000 status changes, the scale the dashboard must hold.
import { randomInt } from "node:crypto";
import Database from "better-sqlite3";
import {
  conditionStatuses,
  pledgeCategories,
  pledgeStatuses,
  quantityQualifiers,
} from "../src/lib/rules/vocabulary";

export interface BenchScale {
  pledges: number;
  statusChangesPerPledge: number;
  conditions: number;
}

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;

/** Adds the synthetic rows in one transaction (the seed's stakeholders must already be there). */
export function seedBenchData(file: string, scale: BenchScale) {
  const db = new Database(file, { timeout: 5000 });
  const stakeholderIds = (db.prepare(`SELECT id FROM "Stakeholder"`).all() as { id: string }[]).map(
    (row) => row.id,
  );
  const start = Date.parse("2026-01-06T00:00:00Z");
  const day = 86_400_000;
  const iso = (time: number) => new Date(time).toISOString();
  const now = iso(Date.now());

  const insertCondition = db.prepare(
    `INSERT INTO "Condition" (id, slug, title, status, statusDate, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertPledge = db.prepare(
    `INSERT INTO "Pledge" (id, title, category, quantityLow, quantityHigh, quantityUnit, quantityQualifier, deliveredQuantity,
       status, announcedOn, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const linkCondition = db.prepare(
    `INSERT OR IGNORE INTO "PledgeCondition" (pledgeId, conditionId, createdAt, updatedAt) VALUES (?, ?, ?, ?)`,
  );
  const linkStakeholder = db.prepare(
    `INSERT OR IGNORE INTO "PledgeStakeholder" (pledgeId, stakeholderId, role, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`,
  );
  const insertChange = db.prepare(
    `INSERT INTO "StatusChange" (id, pledgeId, conditionId, fromPledgeStatus, toPledgeStatus, fromConditionStatus, toConditionStatus,
       occurredAt, note, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  db.transaction(() => {
    const conditionIds: string[] = [];
    for (let c = 0; c < scale.conditions; c++) {
      const id = `bench-condition-${c}`;
      const status = pick(conditionStatuses);
      insertCondition.run(id, id, `Bench condition ${c}`, status, iso(start), now, now);
      insertChange.run(`${id}-initial`, null, id, null, null, null, status, iso(start), "bench", now, now);
      conditionIds.push(id);
    }
    for (let p = 0; p < scale.pledges; p++) {
      const id = `bench-pledge-${p}`;
      const unit = p % 10 === 0 ? "EUR" : "personnel";
      const low = BigInt(randomInt(1, 5_000)) * (unit === "EUR" ? 100_000n : 1n);
      const high = low + BigInt(randomInt(0, 3)) * low;
      const announced = start + randomInt(0, 300) * day;
      const status = pick(pledgeStatuses);
      insertPledge.run(
        id,
        `Bench pledge ${p}`,
        pick(pledgeCategories),
        low,
        high,
        unit,
        pick(quantityQualifiers),
        status === "delivered" ? low : null,
        status,
        iso(announced),
        now,
        now,
      );
      for (let k = randomInt(0, 3); k > 0; k--) linkCondition.run(id, pick(conditionIds), now, now);
      linkStakeholder.run(id, pick(stakeholderIds), "pledger", now, now);
      if (p % 3 === 0) linkStakeholder.run(id, pick(stakeholderIds), "contributor", now, now);
      // Random earlier statuses; the last change lands on the pledge's current status.
      let from: string | null = null;
      for (let s = 0; s < scale.statusChangesPerPledge; s++) {
        const to = s === scale.statusChangesPerPledge - 1 ? status : pick(pledgeStatuses);
        insertChange.run(
          `${id}-${s}`,
          id,
          null,
          from,
          to,
          null,
          null,
          iso(announced + s * day),
          "bench",
          now,
          now,
        );
        from = to;
      }
    }
  })();
  db.close();
}
