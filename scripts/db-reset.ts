// Reset = delete the SQLite file, apply every migration, seed. (`prisma migrate reset` fails here.)
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { requireDatabaseUrl, sqlitePath } from "../src/server/env";
import { loadEnv } from "../src/server/load-env";

loadEnv();
const file = sqlitePath(requireDatabaseUrl());
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
console.log(`deleted ${file}`);
execFileSync("npm", ["run", "--silent", "db:deploy"], { stdio: "inherit" });
execFileSync("npm", ["run", "--silent", "db:seed"], { stdio: "inherit" });
