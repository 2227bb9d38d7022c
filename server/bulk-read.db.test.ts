// Large reads return what Prisma stores, exactly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { createMigratedDatabase } from "@tests/temp-database";
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

const pledge = (id: string, quantityLow: bigint) => ({
  id,
  title: `Read ${id}`,
  category: "force" as const,
  quantityUnit: "personnel",
  quantityLow,
  quantityHigh: quantityLow,
  announcedOn: new Date("2026-01-06T00:00:00Z"),
});

type Row = { id: string; quantityLow: number | bigint; announcedOn: string | Date };
const query = Prisma.sql`SELECT "id", "quantityLow", "announcedOn" FROM "Pledge" WHERE "title" LIKE 'Read %' ORDER BY "id"`;

describe("readRows", () => {
  it("reads amounts beyond 2^53 exactly, and dates as stored", async () => {
    await prisma.pledge.create({ data: pledge("read-big", 9_007_199_254_740_993n) });
    const [row] = await readRows<Row>(prisma, query);
    expect(BigInt(row!.quantityLow)).toBe(9_007_199_254_740_993n);
    expect(new Date(row!.announcedOn)).toEqual(new Date("2026-01-06T00:00:00Z"));
  });
});
