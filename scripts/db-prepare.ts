// Runs before `prisma migrate deploy`: makes sure the SQLite file's folder exists and that the
// database is in WAL mode (a property of the file, so setting it once is enough).
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { requireDatabaseUrl, sqlitePath } from "../src/server/env";
import { loadEnv } from "../src/server/load-env";

loadEnv();
const file = sqlitePath(requireDatabaseUrl());
mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
const db = new Database(file, { timeout: 5000 });
const mode = db.pragma("journal_mode = WAL", { simple: true });
db.close();
console.log(`database ${file} ready (journal_mode=${String(mode)})`);
