import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import baseConfig from "./playwright.config";

// Two production servers (server.mjs) on one PostgreSQL database, as behind a load balancer (README:
// "Deploying for many users"). E2E_DATABASE_URL must name a PostgreSQL database; the first instance
// empties, migrates and seeds it, the second starts on it as it is.
export const instancePorts = [3231, 3232] as const;
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl?.startsWith("postgres")) {
  throw new Error("The two-instance tests need E2E_DATABASE_URL=postgresql://… (scripts/check.sh sets it)");
}
// One session secret for both, as every instance of one deployment shares it.
const secret = process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("base64url");

export default defineConfig({
  testDir: "tests/instances",
  outputDir: "test-results/instances",
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: { ...baseConfig.use, baseURL: `http://127.0.0.1:${instancePorts[0]}` },
  // Started one after the other: the second finds the database ready.
  webServer: instancePorts.map((port, index) => ({
    command: `bash scripts/e2e-server.sh ${port}`,
    url: `http://127.0.0.1:${port}/login`,
    env: {
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_SECRET: secret,
      PUBLIC_READ: "false",
      E2E_KEEP_DATABASE: index === 0 ? "" : "1",
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
  })),
});
