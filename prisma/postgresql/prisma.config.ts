import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";
import { requireDatabaseUrl } from "../../server/env";
import { loadEnv } from "../../server/load-env";

// The PostgreSQL twin of ../../prisma.config.ts, used to generate its client and to write its
// migrations (scripts/new-migration.sh). Migrations are applied by scripts/postgres-migrate.ts.
loadEnv();

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  async adapter() {
    return new PrismaPg({ connectionString: requireDatabaseUrl() });
  },
});
