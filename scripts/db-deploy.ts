// Applies the committed migrations to the database named by DATABASE_URL. SQLite: makes sure the
// file's folder exists and the file is in WAL mode (a property of the file, set once), then runs
// `prisma migrate deploy`. PostgreSQL: applies prisma/postgresql/migrations (scripts/postgres-migrate.ts).
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, requireDatabaseUrl, sqlitePath } from "../server/env";
import { loadEnv } from "../server/load-env";
import { migratePostgres } from "./postgres-migrate";

loadEnv();
const url = requireDatabaseUrl();
if (databaseKind(url) === "postgresql") {
  await migratePostgres(url);
} else {
  const file = sqlitePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  const mode = db.pragma("journal_mode = WAL", { simple: true });
  db.close();
  console.log(`database ${file} ready (journal_mode=${String(mode)})`);
  execFileSync("npx", ["prisma", "migrate", "deploy"], { stdio: "inherit" });
}
