import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";

// A production server on a database of its own, for specs that need other data than the suite's
// seeded database: migrated, then filled by `prepare` (the command line, as an operator would).

const run = promisify(execFile);

export interface OwnServer {
  base: string;
  /** Runs `npm run <script> -- <args>` against the server's database. */
  npm: (script: string, args: string[], env?: Record<string, string>) => Promise<void>;
  stop: () => void;
}

export async function startOwnServer(
  name: string,
  portOffset: number,
  settings: Record<string, string>,
  prepare: (server: OwnServer) => Promise<void>,
): Promise<OwnServer> {
  const dir = mkdtempSync(path.join(tmpdir(), `pledgewatch-${name}-`));
  const port = Number(process.env.E2E_PORT ?? 3210) + portOffset;
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, `${name}.db`)}`,
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    ...settings,
  };
  const base = `http://127.0.0.1:${port}`;
  const npm: OwnServer["npm"] = async (script, args, extra = {}) => {
    await run("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
      env: { ...env, ...extra },
    });
  };
  const stopped = { base, npm, stop: () => rmSync(dir, { recursive: true, force: true }) };
  await npm("db:deploy", []);
  await prepare(stopped);
  const child = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
    env,
    stdio: "ignore",
  });
  const server: OwnServer = {
    base,
    npm,
    stop: () => {
      child.kill("SIGTERM");
      stopped.stop();
    },
  };
  await expect
    .poll(async () => (await fetch(`${server.base}/login`).catch(() => null))?.status, { timeout: 60_000 })
    .toBe(200);
  return server;
}

/** Signs in through the sign-in page, ending on `next`. */
export async function signIn(page: Page, base: string, email: string, password: string, next = "/dashboard") {
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${base}${next}`, { timeout: 30_000 });
}
