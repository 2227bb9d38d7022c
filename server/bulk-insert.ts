import { Prisma } from "@/generated/prisma/client";
import { sqliteConnectionOf, type PrismaClient } from "./prisma-client";

// Bulk writes for imports of tens of thousands of rows, inside the caller's transaction. Prisma's
// own createMany, and even its raw queries, spend most of their time in its WebAssembly query
// compiler (measured: about 75 µs a row); on SQLite the rows go straight to the transaction's
// connection as prepared statements instead, and on PostgreSQL as multi-row INSERTs.
// No "server-only": the bench's seed uses it too.

/**
 * Inserts each table's rows, table after table in the order given; rows must carry every column a
 * default would fill (ids, timestamps).
 */
export type InsertRows = (
  tables: Iterable<readonly [table: string, rows: readonly object[]]>,
) => Promise<void>;

/**
 * An inserter for `tx`, a transaction of `prisma`. Table and column names come from code, never
 * from input; values are bound parameters.
 */
export function bulkInserter(prisma: PrismaClient, tx: Prisma.TransactionClient): InsertRows {
  const connection = sqliteConnectionOf(prisma);
  if (!connection) {
    return async (tables) => {
      for (const [table, rows] of tables) await insertStatements(tx, table, rows);
    };
  }
  // The transaction holds SQLite's one connection, so these statements are part of it. A hundred
  // rows a statement: one statement journal (opened for the data-version triggers) per hundred rows
  // rather than per row (measured: 9 µs a row against 46).
  const statements = new Map<string, ReturnType<typeof connection.prepare>>();
  const statementFor = (table: string, columns: string[], count: number) => {
    const key = `${table}|${columns.join(",")}|${count}`;
    let statement = statements.get(key);
    if (!statement) {
      const row = `(${columns.map(() => "?").join(", ")})`;
      statement = connection.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${Array(count).fill(row).join(", ")}`,
      );
      statements.set(key, statement);
    }
    return statement;
  };
  return async (tables) => {
    const batches = [...tables].filter(([, rows]) => rows.length > 0);
    if (batches.length === 0) return;
    // Only inside the transaction: once it has ended (its timeout rolled it back), this query
    // throws, and the statements below, which run without a pause, cannot outlive it. Once per
    // call, for all its tables: the check costs as much as writing a few hundred rows.
    await tx.$queryRaw`SELECT 1`;
    if (!connection.inTransaction) throw new Error("bulkInserter: the transaction has ended");
    for (const [table, rows] of batches) insertSqlite(table, rows);
  };

  function insertSqlite(table: string, rows: readonly object[]) {
    const columns = columnsOf(rows);
    // One flat list of values a statement, filled in place (a list per row cost a tenth of the write).
    for (let i = 0; i < rows.length; i += sqliteRowsPerStatement) {
      const count = Math.min(sqliteRowsPerStatement, rows.length - i);
      const values: ReturnType<typeof sqliteValue>[] = new Array(count * columns.length);
      for (let r = 0; r < count; r++) {
        const row = rows[i + r] as Record<string, unknown>;
        for (let c = 0; c < columns.length; c++)
          values[r * columns.length + c] = sqliteValue(row[columns[c]!]);
      }
      statementFor(table, columns, count).run(values);
    }
  }
}

const sqliteRowsPerStatement = 100;

/**
 * Rows through Prisma's createMany, for a few rows at a time (one pledge): Prisma reports a value
 * already used (P2002) and a busy database as the writers translate them.
 */
export function prismaInserter(tx: Prisma.TransactionClient): InsertRows {
  return async (tables) => {
    for (const [table, rows] of tables) await createMany(table, rows);
  };

  async function createMany(table: string, rows: readonly object[]) {
    if (rows.length === 0) return;
    const model = `${table.charAt(0).toLowerCase()}${table.slice(1)}`;
    const delegate = (
      tx as unknown as Record<string, { createMany(args: { data: readonly object[] }): Promise<unknown> }>
    )[model];
    if (!delegate) throw new Error(`prismaInserter: no model ${table}`);
    await delegate.createMany({ data: rows });
  }
}

/** Every column any of the rows has (rows of one table may leave out different optional ones). */
function columnsOf(rows: readonly object[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const column in row) columns.add(column);
  return [...columns];
}

// The last date written and its text: an import stamps every row with the same moment.
let lastDate = { time: NaN, text: "" };

/** A value as Prisma's SQLite adapter stores it (dates as ISO text with "+00:00", booleans as 0/1). */
function sqliteValue(value: unknown): string | number | bigint | Buffer | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const time = value.getTime();
    if (time !== lastDate.time) lastDate = { time, text: value.toISOString().replace("Z", "+00:00") };
    return lastDate.text;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") return value;
  if (Buffer.isBuffer(value)) return value;
  throw new TypeError(`bulkInserter: no SQLite value for ${typeof value}`);
}

/** One multi-row INSERT per batch, through Prisma's raw queries (PostgreSQL). */
async function insertStatements(tx: Prisma.TransactionClient, table: string, rows: readonly object[]) {
  if (rows.length === 0) return;
  const columns = columnsOf(rows);
  // As many rows per statement as stay under the bound-parameter limit (65,535 on PostgreSQL):
  // fewer, larger statements are what make a 50,000-row import fast.
  const perStatement = Math.max(1, Math.min(2000, Math.floor(30_000 / columns.length)));
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
