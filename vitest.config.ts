import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname, "src"),
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
    },
  },
  test: {
    include: ["src/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    // PostgreSQL's own tests run with vitest.postgresql.config.ts.
    exclude: ["**/node_modules/**", "**/*.postgresql.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // A session secret for the tests only; real ones come from .env (written by `npm run up`).
    env: { BETTER_AUTH_SECRET: "vitest-only-secret-0123456789abcdef0123456789" },
  },
});
