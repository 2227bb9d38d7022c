// npm run backup [-- FILE]   → a consistent copy of the database (default backups/pledgewatch-<UTC time>.db,
//                               or .dump with FILE.hashes.json beside it on PostgreSQL)
// npm run restore -- FILE    → the database's contents replaced by FILE's, checked by row hashes
// Uses DATABASE_URL: SQLite (VACUUM INTO, online backup) or PostgreSQL (pg_dump, pg_restore).
// Both work while the app is running.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { databaseKind, requireDatabaseUrl, sqlitePath } from "../server/env";
import { backupPostgres, restorePostgres } from "../server/postgres-backup";
import { backupDatabase, restoreDatabase } from "../server/sqlite-backup";
import { loadEnv } from "../server/load-env";

function printHashes(hashes: Record<string, string>) {
  for (const [table, hash] of Object.entries(hashes)) console.log(`  ${table.padEnd(20)} ${hash}`);
}

async function main(): Promise<number> {
  const [command, file, ...rest] = process.argv.slice(2);
  if (
    (command !== "backup" && command !== "restore") ||
    rest.length > 0 ||
    (command === "restore" && !file)
  ) {
    console.error("usage: npm run backup [-- FILE] | npm run restore -- FILE");
    return 2;
  }
  loadEnv();
  const url = requireDatabaseUrl();
  const postgres = databaseKind(url) === "postgresql";
  const database = postgres ? "the PostgreSQL database" : sqlitePath(url);
  if (command === "backup") {
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
    const target = file ?? path.join("backups", `pledgewatch-${stamp}.${postgres ? "dump" : "db"}`);
    mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
    const { hashes } = postgres ? await backupPostgres(url, target) : backupDatabase(database, target);
    console.log(
      `Backed up ${database} to ${target}${postgres ? "" : " (integrity ok)"}. Rows and hashes per table:`,
    );
    printHashes(hashes);
    return 0;
  }
  const { hashes } = postgres ? await restorePostgres(file!, url) : await restoreDatabase(file!, database);
  console.log(`Restored ${database} from ${file}; every table hashes as in the backup:`);
  printHashes(hashes);
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
