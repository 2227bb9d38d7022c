import { defineConfig } from "vitest/config";
import baseConfig from "./vitest.config";

// The database tests again on PostgreSQL (TEST_DATABASE=postgresql: each test file gets a new
// database on TEST_POSTGRES_URL's server), plus PostgreSQL's own. Picked by file name: *.db.test.ts
// and *.postgresql.test.ts (vitest.config.ts says what each name means).
export default defineConfig({
  ...baseConfig,
  test: {
    ...baseConfig.test,
    include: ["{app,components,features,lib,server,prisma,scripts,tests}/**/*.{db,postgresql}.test.ts"],
    exclude: ["**/node_modules/**"],
    env: { ...baseConfig.test?.env, TEST_DATABASE: "postgresql" },
    // Each file's database is made by `npm run db:deploy` in a child process: fewer at once.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
