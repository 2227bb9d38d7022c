import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Page } from "@playwright/test";

// A production server on a database of its own, for specs that need other data than the suite's
// seeded database: migrated, then filled by `prepare` (the command line, as an operator would).
// Always SQLite, even in the PostgreSQL run: what these specs check (an empty tracker, one in EUR
// alone) is the app's, not the database's, and the suites on PostgreSQL cover its SQL.

const run = promisify(execFile);

export interface OwnServer {
  base: string;
  databaseUrl: string;
  /** Runs `npm run <script> -- <args>` against the server's database. */
  npm: (script: string, args: string[], env?: Record<string, string>) => Promise<void>;
  stop: () => void;
  /** The server's process id. */
  pid: () => number;
  /** Kills the server at once (SIGKILL: no shutdown, as a crash or the OOM killer would). */
  crash: () => Promise<void>;
  /** Starts it again on the same database and port, with `env` added. */
  restart: (env?: Record<string, string>) => Promise<void>;
}

/** A port nobody listens on now: the OS's choice, so that no leftover server answers in this one's place. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once("error", reject)
      .listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
  });
}

export async function startOwnServer(
  name: string,
  settings: Record<string, string>,
  prepare: (server: Omit<OwnServer, "pid" | "crash" | "restart">) => Promise<void>,
): Promise<OwnServer> {
  const dir = mkdtempSync(path.join(tmpdir(), `pledgewatch-${name}-`));
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, `${name}.db`)}`,
    NEXT_TELEMETRY_DISABLED: "1",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    ...settings,
  };
  const base = `http://127.0.0.1:${port}`;
  const databaseUrl = env.DATABASE_URL;
  const npm: OwnServer["npm"] = async (script, args, extra = {}) => {
    await run("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
      env: { ...env, ...extra },
    });
  };
  const stopped = { base, databaseUrl, npm, stop: () => rmSync(dir, { recursive: true, force: true }) };
  try {
    await npm("db:deploy", []);
    await prepare(stopped);
  } catch (error) {
    stopped.stop();
    throw error;
  }
  let child = await launch(base, port, env, stopped.stop);
  const server: OwnServer = {
    base,
    databaseUrl,
    npm,
    pid: () => child.pid!,
    stop: () => {
      child.kill("SIGTERM");
      stopped.stop();
    },
    crash: async () => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
    restart: async (more = {}) => {
      child = await launch(base, port, { ...env, ...more }, stopped.stop);
    },
  };
  return server;
}

/** Starts server.mjs with `env` and waits for it to answer; `cleanUp` when it does not. */
async function launch(base: string, port: number, env: NodeJS.ProcessEnv, cleanUp: () => void) {
  const child = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", String(port)], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  try {
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${errors}`);
          return (await fetch(`${base}/login`).catch(() => null))?.status;
        },
        { timeout: 60_000 },
      )
      .toBe(200);
  } catch (error) {
    child.kill("SIGTERM");
    cleanUp();
    throw error;
  }
  return child;
}

/** Signs in through the sign-in page, ending on `next`. */
export async function signIn(page: Page, base: string, email: string, password: string, next = "/dashboard") {
  await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${base}${next}`, { timeout: 30_000 });
}
