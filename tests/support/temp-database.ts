import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { withPostgresClient } from "../../server/postgres-connection";

/**
 * The database kind the tests run on: SQLite unless TEST_DATABASE=postgresql, which needs
 * TEST_POSTGRES_URL, a server the tests may create databases on (`npm run test:postgresql` sets both).
 */
export function testDatabaseKind(): "sqlite" | "postgresql" {
  return process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
}

/** A URL on the test PostgreSQL server, for a database of that name. */
export function testPostgresUrl(database: string): string {
  const base = process.env.TEST_POSTGRES_URL;
  if (!base)
    throw new Error("TEST_POSTGRES_URL is not set: run `npm run test:postgresql`, which starts a server");
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops a test database, closing whatever connections are still open to it. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const name = pg.escapeIdentifier(new URL(url).pathname.slice(1));
  await withPostgresClient(testPostgresUrl("postgres"), async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (error) {
      // FORCE may not end an autovacuum worker without pg_signal_backend; a plain DROP makes it stop.
      if ((error as { code?: string }).code !== "42501") throw error;
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
    }
  });
}

/**
 * A fresh database with every committed migration applied, for tests: a SQLite file, or a new
 * PostgreSQL database when the tests run on PostgreSQL. `remove()` deletes it.
 */
export function createMigratedDatabase(name = "test.db") {
  const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-"));
  const postgres = testDatabaseKind() === "postgresql";
  const url = postgres
    ? testPostgresUrl(`pledgewatch_test_${randomBytes(6).toString("hex")}`)
    : `file:${path.join(dir, name)}`;
  execFileSync("npm", ["run", "--silent", "db:deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  return {
    url,
    dir,
    file: path.join(dir, name),
    remove: async () => {
      if (postgres) await dropPostgresDatabase(url);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
