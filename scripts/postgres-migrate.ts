// Applies prisma/postgresql/migrations to the PostgreSQL database named by DATABASE_URL, in order,
// each in its own transaction, and records them in Prisma's own `_prisma_migrations` table.
// Why not `prisma migrate deploy`: through @prisma/adapter-pg 6.19.3 it fails ("Column type 'name'
// could not be deserialized"), and Prisma's native engine cannot be downloaded here.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { withPostgresClient } from "../server/postgres-connection";

const folder = path.join(import.meta.dirname, "..", "prisma", "postgresql", "migrations");
// The key Prisma's own migrate uses, so that its commands and this runner never interleave.
const advisoryLockKey = 72707369;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

function committedMigrations(): Migration[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Creates the URL's database when the server lacks it (the role needs CREATEDB for that). */
export async function ensurePostgresDatabase(url: string, log: (line: string) => void = console.log) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new Error("DATABASE_URL names no database: postgresql://user:password@host:5432/DATABASE");
  target.pathname = "/postgres";
  await withPostgresClient(target.toString(), async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (error) {
      // Two instances starting at once both try: the loser finds it made.
      if ((error as { code?: string }).code !== "42P04") throw error;
    }
    log(`created database ${name}`);
  });
}

/** Applies what is not applied yet; refuses to go on when history and files disagree. */
export async function migratePostgres(
  url: string,
  log: (line: string) => void = console.log,
): Promise<string[]> {
  await ensurePostgresDatabase(url, log);
  // The advisory lock is the session's: it ends with the connection.
  return withPostgresClient(url, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [advisoryLockKey]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
    }>(
      `SELECT "migration_name", "checksum", "finished_at" FROM "_prisma_migrations" WHERE "rolled_back_at" IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    const files = committedMigrations();
    const known = new Set(files.map((file) => file.name));
    const unknown = [...applied.keys()].filter((name) => !known.has(name));
    if (unknown.length) {
      throw new Error(
        `The database has migrations this checkout lacks: ${unknown.join(", ")}. Update the code first.`,
      );
    }
    const done: string[] = [];
    for (const migration of files) {
      const record = applied.get(migration.name);
      if (record && record.checksum !== migration.checksum) {
        throw new Error(
          `Migration ${migration.name} was edited after it was applied. Add a new migration instead.`,
        );
      }
      if (record) continue;
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count")
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(
          `Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`,
        );
      }
      log(`applied ${migration.name}`);
      done.push(migration.name);
    }
    log(done.length ? `${done.length} migration(s) applied` : "the database is up to date");
    return done;
  });
}
