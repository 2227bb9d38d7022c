import "server-only";
import { Prisma } from "@/generated/prisma/client";

/**
 * Inserts `rows` into `table` with one multi-row INSERT per batch, inside the caller's transaction.
 * For imports of tens of thousands of rows: Prisma's `createMany` spends most of its time in its
 * WebAssembly query compiler, one row at a time. Table and column names come from code, never
 * from input; values are bound parameters. Rows must carry every column a default would fill
 * (ids, timestamps): the database fills only what its schema says.
 */
export async function insertRows(
  tx: Prisma.TransactionClient,
  table: string,
  rows: readonly object[],
  batchSize?: number,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  // As many rows per statement as stay under SQLite's 32,766 bound parameters (PostgreSQL takes
  // 65,535): fewer, larger statements are what make a 50,000-row import fast.
  const perStatement = batchSize ?? Math.max(1, Math.min(2000, Math.floor(30_000 / columns.length)));
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += perStatement) {
    const values = rows
      .slice(i, i + perStatement)
      .map(
        (row) =>
          Prisma.sql`(${Prisma.join(columns.map((c) => (row as Record<string, unknown>)[c] ?? null))})`,
      );
    await tx.$executeRaw`${head}${Prisma.join(values)}`;
  }
}
