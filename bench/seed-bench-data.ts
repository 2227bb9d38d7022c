// Fills a database with synthetic pledges and status changes (10,000 and 100,000 for the bench), the
// scale the dashboard must hold. SQLite or PostgreSQL, from the same generated rows.
import { randomInt } from "node:crypto";
import Database from "better-sqlite3";
import { databaseKind, sqlitePath } from "../server/env";
import {
  conditionStatuses,
  pledgeCategories,
  pledgeStatuses,
  quantityQualifiers,
} from "../lib/rules/vocabulary";

export interface BenchScale {
  pledges: number;
  statusChangesPerPledge: number;
  conditions: number;
}

const pick = <T>(items: readonly T[]): T => items[randomInt(items.length)]!;

type Row = Record<string, string | bigint | Date | null>;

/** The rows to add, table by table, in the order their keys need (the seed's stakeholders exist). */
function benchRows(stakeholderIds: string[], scale: BenchScale): [table: string, rows: Row[]][] {
  const start = Date.parse("2026-01-06T00:00:00Z");
  const day = 86_400_000;
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now };
  const conditions: Row[] = [];
  const pledges: Row[] = [];
  const pledgeConditions = new Map<string, Row>();
  const pledgeStakeholders = new Map<string, Row>();
  const changes: Row[] = [];
  const events: Row[] = [];
  /** A ledger event with every column, so that each table's rows share one shape. */
  const event = (pledgeId: string, fact: string, occurredOn: Date, figures: Row, suffix: string): Row => ({
    id: `${pledgeId}-${suffix}`,
    pledgeId,
    fact,
    quantityLow: null,
    quantityHigh: null,
    quantityQualifier: null,
    quantityUnit: null,
    deliveredQuantity: null,
    dueOn: null,
    ...figures,
    occurredOn,
    recordedAt: now,
    note: "bench",
  });

  for (let c = 0; c < scale.conditions; c++) {
    const id = `bench-condition-${c}`;
    const status = pick(conditionStatuses);
    conditions.push({
      id,
      slug: id,
      title: `Bench condition ${c}`,
      status,
      statusDate: new Date(start),
      ...stamps,
    });
    changes.push({
      id: `${id}-initial`,
      conditionId: id,
      toConditionStatus: status,
      occurredAt: new Date(start),
      note: "bench",
      ...stamps,
    });
  }
  for (let p = 0; p < scale.pledges; p++) {
    const id = `bench-pledge-${p}`;
    const unit = p % 10 === 0 ? "EUR" : "personnel";
    const low = BigInt(randomInt(1, 5_000)) * (unit === "EUR" ? 100_000n : 1n);
    const high = low + BigInt(randomInt(0, 3)) * low;
    const announced = start + randomInt(0, 300) * day;
    const status = pick(pledgeStatuses);
    pledges.push({
      id,
      title: `Bench pledge ${p}`,
      category: pick(pledgeCategories),
      quantityLow: low,
      quantityHigh: high,
      quantityUnit: unit,
      quantityQualifier: pick(quantityQualifiers),
      deliveredQuantity: status === "delivered" ? low : null,
      status,
      announcedOn: new Date(announced),
      ...stamps,
    });
    // The ledger: the figures at creation; a delivered pledge's delivery a month after its announcement.
    const pledge = pledges.at(-1)!;
    events.push(
      event(
        id,
        "stated",
        pledge.announcedOn as Date,
        {
          quantityLow: low,
          quantityHigh: high,
          quantityQualifier: pledge.quantityQualifier ?? "exact",
          quantityUnit: unit,
        },
        "stated",
      ),
      event(id, "delivered", pledge.announcedOn as Date, {}, "delivered"),
      event(id, "due", pledge.announcedOn as Date, {}, "due"),
    );
    if (status === "delivered") {
      events.push(
        event(id, "delivered", new Date(announced + 30 * day), { deliveredQuantity: low }, "delivery"),
      );
    }
    for (let k = randomInt(0, 3); k > 0; k--) {
      const conditionId = `bench-condition-${randomInt(scale.conditions)}`;
      pledgeConditions.set(`${id} ${conditionId}`, { pledgeId: id, conditionId, ...stamps });
    }
    const carriers: [string, string][] = [[pick(stakeholderIds), "pledger"]];
    if (p % 3 === 0) carriers.push([pick(stakeholderIds), "contributor"]);
    for (const [stakeholderId, role] of carriers) {
      pledgeStakeholders.set(`${id} ${stakeholderId}`, { pledgeId: id, stakeholderId, role, ...stamps });
    }
    // Random earlier statuses; the last change lands on the pledge's current status.
    let from: string | null = null;
    for (let s = 0; s < scale.statusChangesPerPledge; s++) {
      const to = s === scale.statusChangesPerPledge - 1 ? status : pick(pledgeStatuses);
      changes.push({
        id: `${id}-${s}`,
        pledgeId: id,
        fromPledgeStatus: from,
        toPledgeStatus: to,
        occurredAt: new Date(announced + s * day),
        note: "bench",
        ...stamps,
      });
      from = to;
    }
  }
  return [
    ["Condition", conditions],
    ["Pledge", pledges],
    ["PledgeCondition", [...pledgeConditions.values()]],
    ["PledgeStakeholder", [...pledgeStakeholders.values()]],
    ["StatusChange", changes],
    ["LedgerEvent", events],
  ];
}

/** Adds the synthetic rows to the database `url` names, in one transaction. */
export async function seedBenchData(url: string, scale: BenchScale): Promise<void> {
  if (databaseKind(url) === "sqlite") {
    // Straight through the driver: several times faster than Prisma's raw path for 100,000 rows.
    const db = new Database(sqlitePath(url), { timeout: 5000 });
    try {
      const stakeholderIds = db.prepare(`SELECT id FROM "Stakeholder"`).pluck().all() as string[];
      const tables = benchRows(stakeholderIds, scale);
      const statements = new Map<string, Database.Statement>();
      const insert = (table: string, columns: string[]) => {
        const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
        if (!statements.has(sql)) statements.set(sql, db.prepare(sql));
        return statements.get(sql)!;
      };
      db.transaction(() => {
        for (const [table, rows] of tables) {
          for (const row of rows) {
            const values = Object.values(row).map((v) => (v instanceof Date ? v.toISOString() : v));
            insert(table, Object.keys(row)).run(...values);
          }
        }
      })();
    } finally {
      db.close();
    }
    return;
  }
  const { createPrismaClient } = await import("../server/prisma-client");
  const { bulkInserter } = await import("../server/bulk-insert");
  const prisma = createPrismaClient(url);
  try {
    const stakeholderIds = (await prisma.stakeholder.findMany({ select: { id: true } })).map((s) => s.id);
    const tables = benchRows(stakeholderIds, scale);
    await prisma.$transaction(
      async (tx) => {
        const insertRows = bulkInserter(prisma, tx);
        await insertRows(tables);
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  } finally {
    await prisma.$disconnect();
  }
}
