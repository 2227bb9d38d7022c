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
  batchSize = 500,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += batchSize) {
    const values = rows
      .slice(i, i + batchSize)
      .map(
        (row) =>
          Prisma.sql`(${Prisma.join(columns.map((c) => (row as Record<string, unknown>)[c] ?? null))})`,
      );
    await tx.$executeRaw`${head}${Prisma.join(values)}`;
  }
}
