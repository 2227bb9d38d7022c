// Shared by `npm run bench` and `npm run soak`: a production server on a database of its own.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** Waits until `url` answers 2xx (the server is up and migrated), for at most 60 s. */
export async function waitFor(url: string, headers: Record<string, string> = {}) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url, { headers })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/**
 * Resident memory of a server, current and peak (VmHWM), in MB, from /proc: its process and its
 * renderer's (server/renderer.mjs), summed (the peaks' sum bounds the pair's peak from above).
 */
export function memoryOf(pid: number) {
  const of = (id: number) => {
    const status = readFileSync(`/proc/${id}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  };
  const total = of(pid);
  for (const child of renderersOf(pid)) {
    try {
      const memory = of(child);
      total.rss += memory.rss;
      total.peak += memory.peak;
    } catch {
      // Ended since it was listed.
    }
  }
  return total;
}

/** The renderer processes `pid` started (not its PDF printer, a Chromium), as Linux lists them. */
function renderersOf(pid: number): number[] {
  try {
    const listed = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8");
    return listed
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .filter((child) => readFileSync(`/proc/${child}/cmdline`, "utf8").split("\0").includes("--renderer"));
  } catch {
    return [];
  }
}

/**
 * The production server (server.mjs, on the existing build) with `env`. Node runs it directly, so that
 * the child's pid is the server's: its memory can be read and `kill -9` hits the server itself. Its
 * output goes to `log` when given (to tell why it died), else to the terminal with BENCH_SERVER_LOG.
 */
export async function startNext(
  env: NodeJS.ProcessEnv,
  port: number,
  nodeFlags: string[] = [],
  log?: string,
) {
  // A server left over on the port (an earlier run cut short) would answer in its place, while this
  // one dies at once: the figures would be the old server's.
  await new Promise<void>((resolve, reject) => {
    const probe = createServer()
      .once("error", () => reject(new Error(`port ${port} is taken: is an earlier server still running?`)))
      .listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
  const out = log ? openSync(log, "a") : process.env.BENCH_SERVER_LOG ? "inherit" : "ignore";
  try {
    return spawn(
      process.execPath,
      [...nodeFlags, "server.mjs", "--hostname", "127.0.0.1", "--port", String(port)],
      { env, stdio: ["ignore", out, out], detached: true },
    );
  } finally {
    if (typeof out === "number") closeSync(out);
  }
}

/** The last `lines` lines of a file, or "" when there is none. */
function tailOf(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * Starts the production server, its output kept in `log`, runs `work` against it and stops the
 * server after it, whatever happens. A server
 * that died on the way is said so, with how it ended and its last words, rather than masked by a
 * failure to stop it.
 */
export async function withServer<T>(
  start: { env: NodeJS.ProcessEnv; port: number; nodeFlags?: string[]; log: string },
  work: (server: ChildProcess) => Promise<T>,
): Promise<T> {
  const { log } = start;
  const server = await startNext(start.env, start.port, start.nodeFlags, log);
  let ended: string | null = null;
  const exited = new Promise<void>((resolve) =>
    server.once("exit", (code, signal) => {
      ended = signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve();
    }),
  );
  // Not keeping the bench alive once the server is gone.
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());
  try {
    return await work(server);
  } catch (error) {
    // A connection reset reaches the bench before the server's exit does: give it a moment.
    await Promise.race([exited, pause(1000)]);
    if (ended)
      throw new Error(`the server died (${ended}); its last lines:\n${tailOf(log)}`, { cause: error });
    throw error;
  } finally {
    for (const signal of ["SIGTERM", "SIGKILL"] as const) {
      if (ended) break;
      try {
        process.kill(-server.pid!, signal);
      } catch {
        // Gone already.
      }
      // Longer than the server gives its last requests (server.mjs), so that it exits on its own.
      await Promise.race([exited, pause(12_000)]);
    }
  }
}

interface Account {
  email: string;
  password: string;
}

/** An admin account on the database of `env`, made as `npm run account` makes one. */
export function createBenchAdmin(env: NodeJS.ProcessEnv): Account {
  const admin = { email: "bench-admin@example.org", password: randomBytes(18).toString("base64url") };
  execFileSync(
    "npm",
    [
      "run",
      "--silent",
      "account",
      "--",
      "create",
      "--role",
      "admin",
      "--email",
      admin.email,
      "--name",
      "Bench Admin",
    ],
    { env: { ...env, ACCOUNT_PASSWORD: admin.password }, stdio: "ignore" },
  );
  return admin;
}

/** The cookie of a session of `account`, signed in as a browser would. */
export async function signIn(base: string, account: Account): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: base, "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  if (!response.ok || cookies.length === 0)
    throw new Error(`signing in ${account.email}: ${response.status} ${await response.text()}`);
  return cookies.join("; ");
}
