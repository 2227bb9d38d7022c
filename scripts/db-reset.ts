// Reset = empty the database, apply every migration, seed. (`prisma migrate reset` fails here.)
// SQLite: the file is deleted. PostgreSQL: the `public` schema is dropped and created again.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { databaseKind, requireDatabaseUrl, sqlitePath } from "../server/env";
import { loadEnv } from "../server/load-env";
import { withPostgresClient } from "../server/postgres-connection";
import { ensurePostgresDatabase } from "./postgres-migrate";

loadEnv();
const url = requireDatabaseUrl();
if (databaseKind(url) === "postgresql") {
  await ensurePostgresDatabase(url);
  await withPostgresClient(url, async (client) => {
    try {
      await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public");
    } catch (error) {
      if ((error as { code?: string }).code !== "42501") throw error;
      throw new Error(
        `Cannot empty ${new URL(url).pathname.slice(1)}: its public schema belongs to another role. Reset it as its owner, or drop the database and run this again (it creates it).`,
      );
    }
  });
  console.log("emptied the PostgreSQL database's public schema");
} else {
  const file = sqlitePath(url);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  console.log(`deleted ${file}`);
}
execFileSync("npm", ["run", "--silent", "db:deploy"], { stdio: "inherit" });
execFileSync("npm", ["run", "--silent", "db:seed"], { stdio: "inherit" });
