import { execFile } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { withPostgresClient } from "./postgres-connection";

// Backups of a PostgreSQL database: `pg_dump` from one snapshot while the app keeps running, and
// `pg_restore` in one transaction, proven by hashing every table's rows in the database itself.
// The hashes go beside the dump (FILE.hashes.json), since a custom-format dump has no room for them.

const run = promisify(execFile);

/** Where a dump's table hashes are kept. */
export const hashesFileOf = (dump: string) => `${dump}.hashes.json`;

type Queryable = Pick<pg.Client, "query">;

/** Every table's row count and a hash of its rows, in the same "count:hash" form as SQLite's. */
export async function postgresTableHashes(client: Queryable): Promise<Record<string, string>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`,
  );
  const hashes: Record<string, string> = {};
  for (const { name } of tables) {
    // Each row's text form, sorted bytewise: the same rows hash the same whatever their physical order.
    const { rows } = await client.query<{ count: number; hash: string }>(
      `SELECT count(*)::int AS count,
              md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS hash
       FROM ${pg.escapeIdentifier(name)} t`,
    );
    hashes[name] = `${rows[0]!.count}:${rows[0]!.hash.slice(0, 16)}`;
  }
  return hashes;
}

/**
 * Dumps the database to `target` (custom format) from one exported snapshot, and hashes the tables
 * in that same snapshot: the hashes describe exactly what the dump holds. Refuses to overwrite.
 */
export async function backupPostgres(
  url: string,
  target: string,
): Promise<{ hashes: Record<string, string> }> {
  if (existsSync(target)) throw new Error(`${target} already exists; choose another name.`);
  return withPostgresClient(url, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
      const hashes = await postgresTableHashes(client);
      await run("pg_dump", ["--format=custom", `--snapshot=${rows[0]!.snapshot}`, `--file=${target}`, url]);
      writeFileSync(hashesFileOf(target), `${JSON.stringify(hashes, null, 2)}\n`);
      return { hashes };
    } finally {
      await client.query("COMMIT");
    }
  });
}

/**
 * Replaces the database's contents with the dump's, in one transaction (all or nothing), then checks
 * that every table hashes as it did when dumped. The data version moves past both the old and the
 * restored value, so no app instance mistakes restored data for what it cached before.
 */
export async function restorePostgres(
  dump: string,
  url: string,
): Promise<{ hashes: Record<string, string> }> {
  if (!existsSync(hashesFileOf(dump))) {
    throw new Error(`${hashesFileOf(dump)} is missing: it holds the hashes the restore is checked against.`);
  }
  const expected = JSON.parse(readFileSync(hashesFileOf(dump), "utf8")) as Record<string, string>;
  try {
    await run("pg_restore", ["--list", dump]);
  } catch {
    throw new Error(`${dump} is not a readable pg_dump archive; nothing was restored.`);
  }
  // The counters (server/data-version.ts) by row, to move each past its old and restored values.
  const before = await withPostgresClient(url, (client) =>
    client.query<{ id: number; version: number }>(`SELECT "id", "version" FROM "DataVersion"`),
  ).then(
    ({ rows }) => rows,
    // Unreadable: each moves on from what is restored.
    () => [1, 2, 3, 4].map((id) => ({ id, version: 0 })),
  );
  try {
    await run("pg_restore", [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--single-transaction",
      "--exit-on-error",
      `--dbname=${url}`,
      dump,
    ]);
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split("\n").slice(-2).join(" ") ?? "";
    throw new Error(`The restore failed and was rolled back, leaving the database as it was: ${detail}`);
  }
  return withPostgresClient(url, async (client) => {
    const restored = await postgresTableHashes(client);
    const differing = Object.keys({ ...expected, ...restored }).filter((t) => expected[t] !== restored[t]);
    if (differing.length > 0) {
      throw new Error(`After the restore these tables differ from the backup: ${differing.join(", ")}`);
    }
    for (const { id, version } of before) {
      await client.query(`UPDATE "DataVersion" SET "version" = GREATEST("version", $1) + 1 WHERE "id" = $2`, [
        version,
        id,
      ]);
    }
    return { hashes: restored };
  });
}
