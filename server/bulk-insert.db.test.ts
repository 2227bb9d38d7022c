// Bulk inserts write what Prisma itself would have written, inside the caller's transaction; bulk
// reads give back exactly what is stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { createMigratedDatabase } from "@tests/temp-database";
import { bulkInserter } from "./bulk-insert";
import { readRows } from "./bulk-read";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

let database: ReturnType<typeof createMigratedDatabase>;
let prisma: PrismaClient;

beforeAll(() => {
  database = createMigratedDatabase();
  prisma = createPrismaClient(database.url);
});

afterAll(async () => {
  await prisma.$disconnect();
  await database.remove();
});

const announcedOn = new Date("2026-01-06T00:00:00.000Z");
const stamp = new Date("2026-03-01T12:34:56.789Z");

/** `count` pledges, the odd ones with a range and a due date, the even ones with nulls. */
const pledgeRows = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    title: `Pledge ${i} — "quoted", 'single', ünïcode`,
    category: "force",
    quantityLow: i % 2 ? 1_000n * BigInt(i) : null,
    quantityHigh: i % 2 ? 9_007_199_254_740_993n : null,
    quantityUnit: i % 2 ? "personnel" : null,
    quantityQualifier: "up_to",
    status: "announced",
    announcedOn,
    dueOn: i % 2 ? stamp : null,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
  }));

describe("bulkInserter", () => {
  it("stores rows that Prisma reads back exactly: dates, BigInts beyond 2^53, nulls and text", async () => {
    // 250 rows: two full statements of a hundred and a shorter last one.
    const rows = pledgeRows("bulk", 250);
    await prisma.$transaction(async (tx) => {
      await bulkInserter(prisma, tx)([["Pledge", rows]]);
    });
    const stored = await prisma.pledge.findMany({ where: { id: { startsWith: "bulk-" } } });
    expect(stored).toHaveLength(250);
    const byId = new Map(stored.map((p) => [p.id, p]));
    for (const row of rows) {
      expect(byId.get(row.id)).toMatchObject(row);
    }
    // Dates compare in SQL with what Prisma writes itself (the as-of views rely on it).
    const dueThen = await prisma.pledge.count({ where: { id: { startsWith: "bulk-" }, dueOn: stamp } });
    expect(dueThen).toBe(125);
  });

  it("belongs to the caller's transaction: a failure later in it leaves none of the rows", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await bulkInserter(prisma, tx)([["Pledge", pledgeRows("undone", 120)]]);
        expect(await tx.pledge.count({ where: { id: { startsWith: "undone-" } } })).toBe(120);
        throw new Error("refused later in the same transaction");
      }),
    ).rejects.toThrow("refused later");
    expect(await prisma.pledge.count({ where: { id: { startsWith: "undone-" } } })).toBe(0);
  });

  it("writes nothing once its transaction has ended (a timeout rolled it back)", async () => {
    await expect(
      prisma.$transaction(
        async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          await bulkInserter(prisma, tx)([["Pledge", pledgeRows("late", 10)]]);
        },
        { timeout: 50 },
      ),
    ).rejects.toThrow();
    // Give the callback, which goes on after the timeout, time to try.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await prisma.pledge.count({ where: { id: { startsWith: "late-" } } })).toBe(0);
  });

  it("refuses the whole batch when one row breaks a constraint", async () => {
    const rows = pledgeRows("clash", 150);
    rows[149] = { ...rows[149]!, id: rows[3]!.id };
    await expect(
      prisma.$transaction(async (tx) => {
        await bulkInserter(prisma, tx)([["Pledge", rows]]);
      }),
    ).rejects.toThrow(/unique|UNIQUE|duplicate/);
    expect(await prisma.pledge.count({ where: { id: { startsWith: "clash-" } } })).toBe(0);
  });
});

describe("readRows", () => {
  it("reads amounts beyond 2^53 exactly, and dates as stored", async () => {
    const rows = pledgeRows("read", 2);
    await prisma.$transaction(async (tx) => {
      await bulkInserter(prisma, tx)([["Pledge", rows]]);
    });
    const read = await readRows<{ id: string; quantityHigh: number | bigint; dueOn: string | Date }>(
      prisma,
      Prisma.sql`SELECT "id", "quantityHigh", "dueOn" FROM "Pledge" WHERE "id" = ${"read-1"}`,
    );
    expect(read).toHaveLength(1);
    expect(BigInt(read[0]!.quantityHigh)).toBe(9_007_199_254_740_993n);
    expect(new Date(read[0]!.dueOn)).toEqual(stamp);
  });
});
