import { defineConfig } from "vitest/config";
import baseConfig from "./vitest.config";

// The tests that touch the database, again on PostgreSQL (TEST_DATABASE=postgresql: each test file
// gets a new database on TEST_POSTGRES_URL's server), plus PostgreSQL's own (*.postgresql.test.ts).
// What is about SQLite alone (its file's mode, VACUUM INTO backups) stays in the SQLite run.
export default defineConfig({
  ...baseConfig,
  test: {
    ...baseConfig.test,
    include: [
      "**/*.postgresql.test.ts",
      "prisma/database.test.ts",
      "src/server/accounts.test.ts",
      "src/server/bulk-insert.test.ts",
      "src/app/api/v1/*.test.ts",
      "src/features/**/{queries,mutations,actions,run-import,ledger}.test.ts",
      "scripts/import.test.ts",
    ],
    exclude: ["**/node_modules/**"],
    env: { ...baseConfig.test?.env, TEST_DATABASE: "postgresql" },
    // Each file's database is made by `npm run db:deploy` in a child process: fewer at once.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
