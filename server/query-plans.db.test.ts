// Read plans kept (server/query-plans.ts): a read asked again is not compiled again, yet reads the
// data as it is then; a write is compiled every time.
import { afterAll, expect, it } from "vitest";
import { createMigratedDatabase } from "@tests/temp-database";
import { createPrismaClient } from "./prisma-client";
import { queryPlanCounts } from "./query-plans";

const database = createMigratedDatabase();
const client = createPrismaClient(database.url);
afterAll(async () => {
  await client.$disconnect();
  await database.remove();
});

/** What `work` adds to the counts of plans found kept and compiled. */
async function countsOf<T>(work: () => Promise<T>) {
  const before = queryPlanCounts();
  const result = await work();
  const after = queryPlanCounts();
  return { result, kept: after.kept - before.kept, compiled: after.compiled - before.compiled };
}

const entry = { actorLabel: "test", action: "create", entityType: "Pledge", entityId: "p-1" };
const entries = () =>
  client.auditEntry.findMany({
    where: { entityType: "Pledge" },
    orderBy: { id: "asc" },
    select: { id: true },
  });

it("reads with a kept plan what is there when it is asked again", async () => {
  const first = await countsOf(entries);
  expect(first.result).toEqual([]);
  expect(first).toMatchObject({ kept: 0, compiled: 1 });

  const written = await client.auditEntry.create({ data: entry, select: { id: true } });
  const second = await countsOf(entries);
  expect(second).toMatchObject({ kept: 1, compiled: 0 });
  expect(second.result).toEqual([written]);
});

it("compiles the same write every time", async () => {
  const first = await countsOf(() => client.auditEntry.create({ data: entry }));
  const second = await countsOf(() => client.auditEntry.create({ data: entry }));
  expect([first.compiled, second.compiled, first.kept, second.kept]).toEqual([1, 1, 0, 0]);
});

it("keeps raw SQL by its statement and values: other values, another plan", async () => {
  const ask = (entityId: string) =>
    countsOf(
      () => client.$queryRaw<{ n: bigint | number }[]>`
        SELECT COUNT(*) AS n FROM "AuditEntry" WHERE "entityId" = ${entityId}`,
    );
  const first = await ask("p-1");
  const again = await ask("p-1");
  const other = await ask("p-2");
  expect([first.compiled, again.kept, other.compiled]).toEqual([1, 1, 1]);
  expect(Number(again.result[0]?.n)).toBe(3);
  expect(Number(other.result[0]?.n)).toBe(0);
});
