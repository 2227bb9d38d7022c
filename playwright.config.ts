import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { chromiumFlags } from "./server/chromium-flags";
import { storageStateOf } from "./tests/e2e/support/users";

const port = Number(process.env.E2E_PORT ?? 3210);
const modelPort = port + 9;
// A database of its own, emptied, migrated and seeded each run (scripts/e2e-server.sh). SQLite unless
// E2E_DATABASE_URL names a PostgreSQL database (CI runs the suite on both).
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/output",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // A navigation commits only when the server has answered; with two workers on two cores, one of
  // them printing a PDF or starting LibreOffice, an answer once took more than the default 5 s.
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot happen on this network.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: chromiumFlags,
    },
  },
  projects: [
    // Signs each role in once; specs start signed in as a viewer unless they say otherwise.
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], storageState: storageStateOf("viewer") },
      testIgnore: /\.writes\.spec\.ts$/,
      dependencies: ["setup"],
    },
    // Specs that add rows run last, so that the read-only specs see exactly the seed. Their
    // scenarios (two browsers, several saves) ran past 30 s on two busy cores with two workers.
    {
      name: "chromium-writes",
      timeout: 90_000,
      use: { ...devices["Desktop Chrome"], storageState: storageStateOf("analyst") },
      testMatch: /\.writes\.spec\.ts$/,
      dependencies: ["chromium"],
    },
  ],
  webServer: [
    // An OpenAI-compatible model for intake to ask (tests/e2e/support/fake-model.mjs): the network
    // is never touched.
    {
      command: `node tests/e2e/support/fake-model.mjs ${modelPort}`,
      url: `http://127.0.0.1:${modelPort}/`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      command: `bash scripts/e2e-server.sh ${port}`,
      url: `http://127.0.0.1:${port}/pledges`,
      env: {
        DATABASE_URL: e2eDatabaseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        // A throwaway session secret per run.
        BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? randomBytes(32).toString("base64url"),
        PUBLIC_READ: "false",
        INTAKE_MODEL_URL: `http://127.0.0.1:${modelPort}/v1`,
        INTAKE_MODEL_NAME: "e2e-model",
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
    },
  ],
});
