// The reading client on SQLite: its queries run on reader threads, see what the app's client has
// committed, come back as Prisma's results and errors, and never write.
import { afterAll, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { createMigratedDatabase } from "@tests/temp-database";
import { createPrismaClient, createReadingClient } from "../prisma-client";

const database = createMigratedDatabase();
const writer = createPrismaClient(database.url);
const reader = createReadingClient(database.url)!;
afterAll(async () => {
  await Promise.all([writer.$disconnect(), reader.$disconnect()]);
  await database.remove();
});

it("reads what the app's client has committed, typed as Prisma reads it", async () => {
  await writer.dataVersion.upsert({
    where: { id: 1 },
    create: { id: 1, version: 41 },
    update: { version: 41 },
  });
  await writer.dataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
  expect(await reader.dataVersion.findUnique({ where: { id: 1 } })).toEqual({ id: 1, version: 42 });
  const [row] = await reader.$queryRaw<
    { big: bigint; at: string }[]
  >`SELECT 9007199254740993 AS big, '2026-01-06' AS at`;
  expect(row).toEqual({ big: 9007199254740993n, at: "2026-01-06" });
});

it("holds up its own thread, not this one, while a long query runs", async () => {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  // A few hundred milliseconds of SQLite's work.
  const [count] = await reader.$queryRaw<{ n: bigint }[]>`
    WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 3000000) SELECT COUNT(*) AS n FROM c`;
  clearInterval(timer);
  expect(count?.n).toBe(3_000_000n);
  // On this thread the timer could not have fired until the query had ended.
  expect(ticks).toBeGreaterThan(3);
});

it("answers several queries at once, each with its own result", async () => {
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => reader.$queryRaw<{ i: number }[]>`SELECT ${i} AS i`),
  );
  expect(answers.map(([row]) => Number(row?.i))).toEqual(Array.from({ length: 20 }, (_, i) => i));
});

it("gives the database's errors as Prisma's", async () => {
  const failed = await reader.$queryRaw`SELECT * FROM "NoSuchTable"`.catch((error: unknown) => error);
  expect(failed).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
  expect(String((failed as Error).message)).toMatch(/NoSuchTable/);
});

it("refuses to write", async () => {
  // An update is a query returning rows, which the reader's read-only connection refuses.
  await expect(reader.dataVersion.update({ where: { id: 1 }, data: { version: 0 } })).rejects.toThrow(
    /readonly database/,
  );
  await expect(reader.$executeRaw`UPDATE "DataVersion" SET version = 0`).rejects.toThrow(/only reads/);
  expect(await writer.dataVersion.findUnique({ where: { id: 1 } })).toEqual({ id: 1, version: 42 });
});
