import path from "node:path";
import { defineConfig } from "vitest/config";

// Test files say by their name which databases they need (tests/test-files.test.ts checks it):
//   *.test.ts             no database
//   *.db.test.ts          the database: here on SQLite, again on PostgreSQL (vitest.postgresql.config.ts)
//   *.sqlite.test.ts      SQLite's own (its file's mode, VACUUM INTO backups): here only
//   *.postgresql.test.ts  PostgreSQL's own: the PostgreSQL run only
export const testFiles = ["{app,components,features,i18n,lib,server,prisma,scripts,tests}/**/*.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@tests": path.resolve(import.meta.dirname, "tests/support"),
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: testFiles,
    exclude: ["**/node_modules/**", "tests/e2e/**", "tests/instances/**", "**/*.postgresql.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // A session secret for the tests only; real ones come from .env (written by `npm run up`).
    env: { BETTER_AUTH_SECRET: "vitest-only-secret-0123456789abcdef0123456789" },
  },
});
