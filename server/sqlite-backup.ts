import "server-only";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import Database from "better-sqlite3";

// Backups of the SQLite database: a consistent copy taken while the app keeps running, restored
// with SQLite's online backup, and proven by hashing every table's rows before and after.

/** Every table's rows, hashed in key order: equal hashes mean equal contents. */
export function tableHashes(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    const hashes: Record<string, string> = {};
    for (const table of tables) {
      const hash = createHash("sha256");
      // rowid order is insertion order in both copies: VACUUM INTO and the backup API keep rowids.
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate() as Iterable<
        unknown[]
      >;
      let count = 0;
      for (const row of rows) {
        hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
        hash.update("\n");
        count++;
      }
      hashes[table] = `${count}:${hash.digest("hex").slice(0, 16)}`;
    }
    return hashes;
  } finally {
    db.close();
  }
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}

/** The counters (server/data-version.ts: the data version, the access version) by row. */
function counters(file: string): [id: number, version: number][] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT "id", "version" FROM "DataVersion"`).all() as {
      id: number;
      version: number;
    }[];
    return rows.map((row) => [row.id, row.version]);
  } finally {
    db.close();
  }
}

/**
 * Writes a consistent copy of `databaseFile` to `target` with `VACUUM INTO`: one read transaction,
 * so writes made meanwhile are either wholly in the copy or wholly out. Refuses to overwrite.
 */
export function backupDatabase(databaseFile: string, target: string): { hashes: Record<string, string> } {
  if (existsSync(target)) throw new Error(`${target} already exists; choose another name.`);
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
  try {
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    db.close();
  }
  const verdict = integrity(target);
  if (verdict !== "ok") throw new Error(`The copy failed its integrity check: ${verdict}`);
  return { hashes: tableHashes(target) };
}

/**
 * Replaces the contents of `databaseFile` with `backup`, through SQLite's online backup so that
 * open connections see either the old database or the restored one. Checks the backup first and
 * the result after: the restored tables hash exactly as the backup's. Then the data version moves
 * past both the old and the restored value.
 */
export async function restoreDatabase(
  backup: string,
  databaseFile: string,
): Promise<{ hashes: Record<string, string> }> {
  const verdict = integrity(backup);
  if (verdict !== "ok")
    throw new Error(`${backup} failed its integrity check (${verdict}); nothing was restored.`);
  const expected = tableHashes(backup);
  const before = counters(databaseFile);
  // The online backup holds the destination's write lock until it is done: other connections see
  // the old database or the restored one, never a mix.
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databaseFile);
  } finally {
    source.close();
  }
  const restored = tableHashes(databaseFile);
  const differing = Object.keys({ ...expected, ...restored }).filter((t) => expected[t] !== restored[t]);
  if (differing.length > 0)
    throw new Error(`After the restore these tables differ from the backup: ${differing.join(", ")}`);
  // Each counter past both its old and its restored value: a cache keyed by one never serves what
  // it held before (old pages, or who a credential stood for).
  const db = new Database(databaseFile, { fileMustExist: true, timeout: 5000 });
  try {
    const bump = db.prepare(`UPDATE "DataVersion" SET "version" = max("version", ?) + 1 WHERE "id" = ?`);
    for (const [id, version] of before) bump.run(version, id);
  } finally {
    db.close();
  }
  return { hashes: restored };
}
