// npm run soak: the proof suite against the production server (server.mjs) (run `npm run build` first), on a new SQLite
// file, or on PostgreSQL when SOAK_DATABASE_URL=postgresql://… names a database (it is emptied).
// On PostgreSQL the load phases run against SOAK_INSTANCES (2) servers sharing the database, the
// connections dealt between them, as several instances serve in production.
// - load: 50 connections for SOAK_SECONDS (60) on the dashboard, the API and the list, 10 % writes
// - load under attack: the same, while six clients send nested JSON, wide and broken CSVs and slow bodies
// - lost updates: 100 parallel status updates from one version: exactly one may succeed
// - bad input: generated payloads per write route: 400/409/422 with a message, never 5xx, nothing written
// - crash: rounds of kill -9 during write bursts: integrity, every acknowledged write kept, audit = versions
// - backup: a copy taken during writes restores with identical row hashes
// Prints every figure; exits 1 if any property fails, with what the servers logged as failed (their
// logs are kept then). SOAK_NODE_FLAGS: Node.js flags for the servers, e.g. a heap cap to measure.
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import fc from "fast-check";
import { ensurePostgresDatabase } from "../scripts/postgres-migrate";
import { databaseKind } from "../server/env";
import { hashesFileOf, postgresTableHashes } from "../server/postgres-backup";
import { withPostgresClient } from "../server/postgres-connection";
import { createPrismaClient } from "../server/prisma-client";
import { writeBody } from "../tests/support/write-payloads";
import { seedBenchData } from "./seed-bench-data";
import { memoryOf, startNext, waitFor } from "./support";

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const crashRounds = Number(process.env.SOAK_CRASH_ROUNDS ?? 20);
const payloadsPerRoute = Number(process.env.SOAK_PAYLOADS ?? 5000);
const port = Number(process.env.SOAK_PORT ?? 3320);
/** Node.js flags for each server (its renderer takes them too), e.g. `--max-old-space-size=512`. */
const nodeFlags = (process.env.SOAK_NODE_FLAGS ?? "").split(/\s+/).filter(Boolean);
const base = `http://127.0.0.1:${port}`;

const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-soak-"));
const file = path.join(dir, "soak.db");
const databaseUrl = process.env.SOAK_DATABASE_URL ?? `file:${file}`;
const postgres = databaseKind(databaseUrl) === "postgresql";
/** The servers the load phases spread over: the first is `base`, which every other phase uses. */
const instances = Number(process.env.SOAK_INSTANCES ?? (postgres ? 2 : 1));
if (!Number.isInteger(instances) || instances < 1 || (instances > 1 && !postgres))
  throw new Error(
    "SOAK_INSTANCES: a whole number, above 1 only on PostgreSQL (a SQLite file has one server)",
  );
const bases = Array.from({ length: instances }, (_, i) => `http://127.0.0.1:${port + i}`);
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  PUBLIC_READ: "false",
};

const figures: [string, string | number][] = [];
const failures: string[] = [];
function check(ok: boolean, property: string) {
  figures.push([property, ok ? "ok" : "FAILED"]);
  if (!ok) failures.push(property);
}

function token(role: "viewer" | "analyst", name = `soak ${role}`): string {
  const out = execFileSync(
    "npm",
    ["run", "--silent", "token", "--", "create", "--role", role, "--name", name],
    {
      env,
      encoding: "utf8",
    },
  );
  return out.trim().split("\n").pop()!;
}

let reader: Record<string, string> = {};
let writer: Record<string, string> = {};
/** The hostile clients' own analyst token: their uploads hold their own import slot, not the writer's. */
let attacker: Record<string, string> = {};

interface PledgeJson {
  id: string;
  version: number;
  status: string;
}

async function call(method: string, url: string, body?: unknown, headers = writer, at = base) {
  const response = await fetch(`${at}${url}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // pages and NDJSON are not one JSON value
  }
  return {
    status: response.status,
    json: json as { data?: PledgeJson; current?: PledgeJson; error?: { message: string } },
  };
}

let sourceId = "";
const statusBody = (version: number, status: string) => ({
  status,
  version,
  note: "Soak test status change",
  sourceId,
  quote: "soak",
});

/** The next status to set: alternates, so that every write is a real change. */
const nextStatus = (current: string) => (current === "stalled" ? "committed" : "stalled");

/** Each instance's output, kept so that a 5xx can be told with the server's own account of it. */
const logOf = (instance: number) => path.join(dir, `server-${instance}.log`);

function startServer(instance = 0): Promise<ChildProcess> {
  return startNext(env, port + instance, nodeFlags, logOf(instance));
}

/** What the servers logged as failed, with the lines after each (its stack), for a failed run. */
function failuresLogged(): string {
  const excerpts: string[] = [];
  for (let instance = 0; instance < instances; instance++) {
    let lines: string[];
    try {
      lines = readFileSync(logOf(instance), "utf8").split("\n");
    } catch {
      continue;
    }
    // What the app logs of an error it could not answer, with its stack: not the renderer's
    // fallbacks under load, nor the hostile clients' connections cut on purpose.
    let shownTo = 0;
    let shown = 0;
    for (const [index, line] of lines.entries()) {
      if (shown === 5) break;
      if (index < shownTo || !/API request failed|Import failed|⨯|unhandled/i.test(line)) continue;
      shownTo = index + 25;
      shown++;
      excerpts.push(`instance ${instance}:`, ...lines.slice(index, shownTo), "");
    }
  }
  return excerpts.join("\n");
}

async function stop(server: ChildProcess, signal: NodeJS.Signals = "SIGTERM") {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  process.kill(-server.pid!, signal);
  await exited;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

// ---- load ----

/** 50 connections for SOAK_SECONDS, `writesPerTen` requests in ten a write, the rest reads; the p99 (ms). */
async function loadPhase(pledgeIds: string[], label = "load", writesPerTen = 1) {
  const reads = ["/dashboard", "/api/v1/pledges?pageSize=50", "/pledges", "/api/v1/summary"];
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let writes = 0;
  let networkErrors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: 50 }, async (_, connection) => {
      // Each connection writes its own pledge, tracking its version, so most writes succeed; the
      // connections are dealt between the instances.
      const pledgeId = pledgeIds[connection]!;
      const at = bases[connection % bases.length]!;
      let pledge = (await call("GET", `/api/v1/pledges/${pledgeId}`, undefined, reader, at)).json.data!;
      while (Date.now() < end) {
        const write = randomInt(10) < writesPerTen;
        const start = performance.now();
        try {
          const answer = write
            ? await call(
                "POST",
                `/api/v1/pledges/${pledgeId}/status`,
                statusBody(pledge.version, nextStatus(pledge.status)),
                writer,
                at,
              )
            : await call("GET", reads[randomInt(reads.length)]!, undefined, reader, at);
          latencies.push(performance.now() - start);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (write) {
            writes++;
            pledge = answer.json.data ?? answer.json.current ?? pledge;
          }
        } catch {
          networkErrors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const p99 = percentile(latencies, 0.99);
  const total = latencies.length;
  const serverErrors = [...statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  figures.push([
    `${label}: requests in ${seconds} s, 50 connections (${writes} writes)${bases.length > 1 ? `, ${bases.length} instances` : ""}`,
    total,
  ]);
  figures.push([`${label}: requests/s`, (total / seconds).toFixed(1)]);
  figures.push([
    `${label}: p50 / p99 latency (ms)`,
    `${percentile(latencies, 0.5).toFixed(0)} / ${percentile(latencies, 0.99).toFixed(0)}`,
  ]);
  figures.push([
    `${label}: answers by status`,
    [...statuses]
      .sort()
      .map(([s, n]) => `${s}×${n}`)
      .join(" "),
  ]);
  check(
    serverErrors === 0 && networkErrors === 0,
    `${label}: zero 5xx (${serverErrors}) and zero errors (${networkErrors})`,
  );
  return p99;
}

// ---- hostile clients during the load ----

/** A body that arrives a few bytes at a time, for as long as the server keeps reading. */
function trickle(text: string, everyMs: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, everyMs));
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.subarray(at, (at += 16)));
    },
  });
}

/**
 * Six clients that send what the probe sent (nested JSON to sign-in, wide and broken CSVs to the
 * import, bodies trickled in slowly) for as long as `until` runs. Each answer is counted by status;
 * a request the client itself gave up on after 15 s counts as "cut".
 */
async function hostileClients(until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true));
  const statuses = new Map<string, number>();
  const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const origin = { origin: base };
  // Built once: the attackers share this machine's cores with the server.
  const wideCsv = `${Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(",")}\n1\n`;
  const nested = "[".repeat(30 * 1024 * 1024);
  const deepButSmall = `{"email":${"[".repeat(15_000)}`;
  const attacks: ((signal: AbortSignal) => Promise<Response>)[] = [
    (signal) =>
      fetch(`${base}/api/auth/sign-in/email`, {
        signal,
        method: "POST",
        headers: { ...origin, "content-type": "application/json" },
        body: nested,
      }),
    (signal) =>
      fetch(`${base}/api/auth/sign-in/email`, {
        signal,
        method: "POST",
        headers: { ...origin, "content-type": "application/json" },
        body: deepButSmall,
      }),
    (signal) =>
      fetch(`${base}/api/v1/imports?fileName=wide.csv&mode=preview`, {
        signal,
        method: "POST",
        headers: attacker,
        body: wideCsv,
      }),
    (signal) =>
      fetch(`${base}/api/v1/imports?fileName=quote.csv&mode=preview`, {
        signal,
        method: "POST",
        headers: attacker,
        body: 'a,b\n1,"x"y\n',
      }),
    (signal) =>
      fetch(`${base}/api/v1/pledges/bench-pledge-0`, {
        signal,
        method: "PATCH",
        headers: { ...attacker, "content-type": "application/json" },
        body: trickle(JSON.stringify({ version: 0, title: "slow" }), 200),
        duplex: "half",
      } as RequestInit),
    (signal) =>
      fetch(`${base}/api/v1/imports?fileName=slow.csv&mode=preview`, {
        signal,
        method: "POST",
        headers: attacker,
        body: trickle("Title,Category,Announced\nSlow,force,2026-01-06\n".repeat(50), 500),
        duplex: "half",
      } as RequestInit),
  ];
  await Promise.all(
    attacks.map(async (attack, index) => {
      while (!done) {
        // A client that gives up goes away: its request is cut, not left trickling on unseen.
        const giveUp = new AbortController();
        const patience = setTimeout(() => giveUp.abort(new Error("cut")), 15_000);
        try {
          const response = await attack(giveUp.signal);
          // The NDJSON of an import says in its last line what became of it.
          const text = await response.text();
          const last = response.headers.get("content-type")?.includes("ndjson")
            ? (JSON.parse(text.trim().split("\n").at(-1)!) as { type: string; status?: number })
            : null;
          count(last?.type === "error" ? `${last.status} (import)` : String(response.status));
        } catch (error) {
          const message = (error as Error).message;
          const cause = String((error as { cause?: { code?: string } }).cause?.code ?? message);
          count(giveUp.signal.aborted ? "cut" : `network error (attack ${index + 1}: ${cause})`);
        } finally {
          clearTimeout(patience);
        }
      }
    }),
  );
  return statuses;
}

// The reader runs on a thread of its own: on the main thread, the hostile clients' own work (30 MB
// bodies sent again and again) would delay its timings, and the server would be blamed for it.
const readerThread = `
const { workerData, parentPort } = require("node:worker_threads");
(async () => {
  const { url, headers, forSeconds } = workerData;
  const latencies = [];
  const end = Date.now() + forSeconds * 1000;
  while (Date.now() < end) {
    const start = performance.now();
    const answer = await fetch(url, { headers });
    await answer.text();
    if (answer.status === 200) latencies.push(performance.now() - start);
  }
  parentPort.postMessage(latencies);
})();
`;

/**
 * One reader loading the dashboard again and again for `forSeconds`, alone or while the hostile
 * clients send: the two side by side say what the attack costs a reader.
 */
async function dashboardReader(forSeconds: number, attacked: boolean) {
  const worker = new Worker(readerThread, {
    eval: true,
    workerData: { url: `${base}/dashboard`, headers: reader, forSeconds },
  });
  const reading = new Promise<number[]>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  }).finally(() => void worker.terminate());
  const hostile = attacked ? await hostileClients(reading) : new Map<string, number>();
  const latencies = (await reading).sort((a, b) => a - b);
  const hostileAnswers = [...hostile]
    .sort()
    .map(([s, n]) => `${s}×${n}`)
    .join(" ");
  const summary = [0.5, 0.99, 1]
    .map((p) => percentile(latencies, p).toFixed(0))
    .join(" / ")
    .replace(/^/, `${latencies.length}, `);
  return { latencies, hostileAnswers, summary };
}

// ---- lost updates ----

async function lostUpdatesPhase(pledgeId: string) {
  const before = (await call("GET", `/api/v1/pledges/${pledgeId}`, undefined, reader)).json.data!;
  const answers = await Promise.all(
    Array.from({ length: 100 }, () =>
      call(
        "POST",
        `/api/v1/pledges/${pledgeId}/status`,
        statusBody(before.version, nextStatus(before.status)),
      ),
    ),
  );
  const ok = answers.filter((a) => a.status === 200).length;
  const conflicts = answers.filter((a) => a.status === 409).length;
  const after = (await call("GET", `/api/v1/pledges/${pledgeId}`, undefined, reader)).json.data!;
  figures.push(["lost updates: 100 parallel updates from one version", `${ok}×200, ${conflicts}×409`]);
  check(
    ok === 1 && conflicts === 99 && after.version === before.version + ok,
    "lost updates: exactly one succeeds; version moves by one",
  );
}

// ---- bad input ----

// Token "last used" stamps and sign-in counters move on every request; everything else must not.
// Nor the counter that follows the tokens (the access version, DataVersion row 2), moved with a
// stamp (at most once a minute per token: only in a long phase): the other counters are compared.
const movingTables = new Set(["ApiToken", "RateLimit", "Session", "DataVersion"]);
const countersSql = `SELECT "id", "version" FROM "DataVersion" WHERE "id" <> 2 ORDER BY "id"`;

/** Every table's rows but the moving ones, as a comparable string per table. */
async function rowHashes(): Promise<Map<string, string>> {
  if (postgres) {
    return withPostgresClient(databaseUrl, async (client) => {
      const hashes = await postgresTableHashes(client);
      const counters = (await client.query(countersSql)).rows;
      return new Map([
        ...Object.entries(hashes).filter(([table]) => !movingTables.has(table)),
        ["DataVersion", JSON.stringify(counters)],
      ]);
    });
  }
  const db = new Database(file, { readonly: true });
  try {
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .pluck()
        .all() as string[]
    ).filter((table) => !movingTables.has(table));
    const rows = (sql: string) =>
      JSON.stringify(db.prepare(sql).raw().all(), (_k, v: unknown) =>
        typeof v === "bigint" ? String(v) : v,
      );
    return new Map([
      ...tables.map((t): [string, string] => [t, rows(`SELECT * FROM "${t}" ORDER BY rowid`)]),
      ["DataVersion", rows(countersSql)],
    ]);
  } finally {
    db.close();
  }
}

async function badInputPhase(pledgeId: string) {
  // Every body carries a version no record has (or none): a body the schema accepts gets 409, so
  // nothing can be written whatever the generator produces.
  const bodies = fc.oneof(
    writeBody([sourceId]).map((b) => ({ ...b, version: 999_999 })),
    // …or none at all. (An older version would merge with what was saved since: see updatePledge.)
    writeBody([sourceId]).map((b) => ({ ...b, version: undefined })),
    fc.jsonValue(),
    fc.string(),
  );
  const mappingBodies = fc.oneof(
    fc.record({ name: fc.constantFrom("", "  "), mapping: fc.jsonValue() }),
    fc
      .record({
        name: fc.string(),
        mapping: fc.record({ columns: fc.dictionary(fc.string(), fc.string()), values: fc.jsonValue() }),
      })
      .map((b) => ({ ...b, extra: true })),
    fc.jsonValue(),
  );
  const before = await rowHashes();
  const routes: [
    string,
    (body: unknown) => Promise<{ status: number; message: string }>,
    fc.Arbitrary<unknown>,
  ][] = [
    [
      "PATCH /api/v1/pledges/{id}",
      async (b) => answer(await call("PATCH", `/api/v1/pledges/${pledgeId}`, b)),
      bodies,
    ],
    [
      "POST /api/v1/pledges/{id}/status",
      async (b) => answer(await call("POST", `/api/v1/pledges/${pledgeId}/status`, b)),
      bodies,
    ],
    [
      "POST /api/v1/import-mappings",
      async (b) => answer(await call("POST", "/api/v1/import-mappings", b)),
      mappingBodies,
    ],
    [
      "POST /api/v1/imports (random files, preview)",
      async (b) => {
        const response = await fetch(`${base}/api/v1/imports?fileName=fuzz.csv`, {
          method: "POST",
          headers: writer,
          body: String(JSON.stringify(b)),
        });
        const lines = (await response.text()).trim().split("\n");
        const last = JSON.parse(lines[lines.length - 1]!) as {
          type?: string;
          status?: number;
          message?: string;
          error?: { message: string };
        };
        // The stream starts 200; a file that cannot be read ends with an error line of its own status.
        return {
          status: last.type === "error" ? last.status! : response.status,
          message: last.message ?? last.error?.message ?? (last.type === "result" ? "preview" : ""),
        };
      },
      fc.oneof(
        fc.string(),
        fc.jsonValue(),
        fc.array(fc.string(), { maxLength: 5 }).map((cells) => cells.join(",")),
      ),
    ],
  ];
  for (const [name, send, arbitrary] of routes) {
    const counts = new Map<number, number>();
    let bad = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (body) => {
        const { status, message } = await send(body);
        counts.set(status, (counts.get(status) ?? 0) + 1);
        const acceptable =
          status === 200 ? name.includes("imports") : [400, 409, 413, 415, 422].includes(status);
        if (!acceptable || message.length === 0) bad++;
      }),
      { numRuns: payloadsPerRoute },
    );
    figures.push([
      `bad input: ${name}`,
      [...counts]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(" "),
    ]);
    check(
      bad === 0,
      `bad input: ${name}: ${name.includes("imports") ? "a preview or" : "only"} 4xx, with a message`,
    );
  }
  const after = await rowHashes();
  // Named, so that a failure says where to look.
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (t) => before.get(t) !== after.get(t),
  );
  check(
    changed.length === 0,
    `bad input: the database is unchanged${changed.length ? ` (changed: ${changed.join(", ")})` : ""}`,
  );
}

async function answer(result: Awaited<ReturnType<typeof call>>) {
  return { status: result.status, message: result.json?.error?.message ?? "" };
}

// ---- crash ----

async function crashPhase(pledgeIds: string[]) {
  let acknowledged = 0;
  let rounds = 0;
  const lost: string[] = [];
  let integrityFailures = 0;
  let auditMismatches = 0;
  for (let round = 0; round < crashRounds; round++) {
    const server = await startServer();
    await waitFor(`${base}/api/v1/conditions`, reader);
    const acks: { id: string; version: number }[] = [];
    let stopped = false;
    const writers = pledgeIds.slice(0, 8).map(async (pledgeId) => {
      try {
        let pledge = (await call("GET", `/api/v1/pledges/${pledgeId}`, undefined, reader)).json.data!;
        while (!stopped) {
          const result = await call(
            "POST",
            `/api/v1/pledges/${pledgeId}/status`,
            statusBody(pledge.version, nextStatus(pledge.status)),
          );
          if (result.status === 200) acks.push({ id: pledgeId, version: result.json.data!.version });
          pledge = result.json.data ?? result.json.current ?? pledge;
        }
      } catch {
        // the server was killed mid-request: that answer never came, so it is not counted
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 300 + randomInt(1200)));
    await stop(server, "SIGKILL");
    stopped = true;
    await Promise.all(writers);
    rounds++;
    acknowledged += acks.length;

    if (!postgres) {
      const db = new Database(file);
      if (db.pragma("integrity_check", { simple: true }) !== "ok") integrityFailures++;
      db.close();
    }
    // Each pledge's version and the latest version its audit trail records, read as the app reads.
    const prisma = createPrismaClient(databaseUrl);
    try {
      const writtenTo = pledgeIds.slice(0, 8);
      const versions = new Map(
        (
          await prisma.pledge.findMany({
            where: { id: { in: writtenTo } },
            select: { id: true, version: true },
          })
        ).map((p) => [p.id, p.version]),
      );
      const audited = await prisma.auditEntry.groupBy({
        by: ["entityId"],
        where: { entityType: "Pledge", entityId: { in: writtenTo } },
        _max: { version: true },
      });
      for (const ack of acks) {
        if ((versions.get(ack.id) ?? 0) < ack.version) lost.push(`${ack.id}@${ack.version}`);
      }
      for (const row of audited) {
        if (row._max.version !== null && row._max.version !== versions.get(row.entityId)) auditMismatches++;
      }
    } finally {
      await prisma.$disconnect();
    }
  }
  figures.push([`crash: kill -9 rounds during write bursts (8 writers)`, rounds]);
  figures.push(["crash: writes answered 200 before the kills", acknowledged]);
  if (!postgres) {
    check(
      integrityFailures === 0,
      `crash: PRAGMA integrity_check ok after every restart (${integrityFailures} failures)`,
    );
  }
  check(lost.length === 0, `crash: every acknowledged write is present (${lost.length} missing)`);
  check(
    auditMismatches === 0,
    `crash: each pledge's latest audit version equals its version (${auditMismatches} mismatches)`,
  );
}

// ---- backup during writes ----

/** The hashes but the data version's, which a restore moves on on purpose. */
const withoutCounter = (hashes: Record<string, string>) =>
  Object.entries(hashes).filter(([table]) => table !== "DataVersion");

async function backupPhase(pledgeIds: string[]) {
  const server = await startServer();
  await waitFor(`${base}/api/v1/conditions`, reader);
  let stopped = false;
  const writes = (async () => {
    let pledge = (await call("GET", `/api/v1/pledges/${pledgeIds[9]!}`, undefined, reader)).json.data!;
    while (!stopped) {
      const result = await call(
        "POST",
        `/api/v1/pledges/${pledge.id}/status`,
        statusBody(pledge.version, nextStatus(pledge.status)),
      );
      pledge = result.json.data ?? result.json.current ?? pledge;
    }
  })();
  const copy = path.join(dir, postgres ? "backup.dump" : "backup.db");
  try {
    execFileSync("npm", ["run", "--silent", "backup", "--", copy], { env, stdio: "ignore" });
  } finally {
    stopped = true;
    await writes;
    await stop(server);
  }
  // Restore into another database so that the hashes compare the restore itself.
  if (postgres) {
    const target = new URL(databaseUrl);
    target.pathname = `${target.pathname}_restored`;
    const restoredUrl = target.toString();
    await ensurePostgresDatabase(restoredUrl, () => {});
    execFileSync("npm", ["run", "--silent", "restore", "--", copy], {
      env: { ...env, DATABASE_URL: restoredUrl },
      stdio: "ignore",
    });
    const dumped = JSON.parse(readFileSync(hashesFileOf(copy), "utf8")) as Record<string, string>;
    const restored = await withPostgresClient(restoredUrl, postgresTableHashes);
    check(
      JSON.stringify(withoutCounter(dumped)) === JSON.stringify(withoutCounter(restored)),
      "backup: pg_dump taken during writes, restored with identical row hashes",
    );
    return;
  }
  const restored = path.join(dir, "restored.db");
  execFileSync("cp", [file, restored]);
  execFileSync("npm", ["run", "--silent", "restore", "--", copy], {
    env: { ...env, DATABASE_URL: `file:${restored}` },
    stdio: "ignore",
  });
  const { tableHashes } = await import("../server/sqlite-backup");
  const same =
    JSON.stringify(withoutCounter(tableHashes(copy))) ===
    JSON.stringify(withoutCounter(tableHashes(restored)));
  check(same, "backup: taken during writes, restored with identical row hashes");
}

async function main() {
  console.log(`preparing ${postgres ? "the PostgreSQL database" : file}`);
  // A new SQLite file; or the PostgreSQL database emptied, migrated and seeded.
  execFileSync("npm", ["run", "--silent", "db:reset"], { env, stdio: "ignore" });
  await seedBenchData(databaseUrl, { pledges: 2000, statusChangesPerPledge: 3, conditions: 20 });
  // Asking for HTML, as a browser loading a page does (the API answers JSON all the same).
  reader = { authorization: `Bearer ${token("viewer")}`, accept: "text/html,*/*" };
  writer = { authorization: `Bearer ${token("analyst")}` };
  attacker = { authorization: `Bearer ${token("analyst", "soak attacker")}` };
  const pledgeIds = Array.from({ length: 60 }, (_, i) => `bench-pledge-${i}`);

  let server = await startServer();
  // The other instances, for the load phases.
  const others: ChildProcess[] = [];
  try {
    for (let instance = 1; instance < instances; instance++) others.push(await startServer(instance));
    for (const at of bases) await waitFor(`${at}/api/v1/conditions`, reader);
    sourceId = (
      (await call("GET", "/api/v1/sources", undefined, reader)).json as unknown as { data: { id: string }[] }
    ).data[0]!.id;
    console.log(`reads only: ${seconds} s`);
    const readsP99 = await loadPhase(pledgeIds, "reads only", 0);
    console.log(`load: ${seconds} s`);
    const quietP99 = await loadPhase(pledgeIds);
    figures.push(["load: p99 with 10 % writes ÷ reads only (target ≤ 3)", (quietP99 / readsP99).toFixed(2)]);
    check(quietP99 <= 3 * readsP99, "load: p99 with 10 % writes at most 3× the reads-only p99");
    // Each instance's peak, the highest of them.
    const peakMemory = () => Math.max(...[server, ...others].map((child) => memoryOf(child.pid!).peak));
    const quietMemory = peakMemory();
    console.log(`load under attack: ${seconds} s, with six hostile clients`);
    const underAttack = loadPhase(pledgeIds, "load under attack");
    const hostile = await hostileClients(underAttack);
    const attackedP99 = await underAttack;
    figures.push([
      "load: p99 quiet / under attack (ms)",
      `${quietP99.toFixed(0)} / ${attackedP99.toFixed(0)}`,
    ]);
    figures.push([
      "hostile clients: answers",
      [...hostile]
        .sort()
        .map(([s, n]) => `${s}×${n}`)
        .join(" "),
    ]);
    const hostile5xx = [...hostile].filter(([s]) => /^5/.test(s)).reduce((sum, [, n]) => sum + n, 0);
    check(
      hostile5xx === 0 && ![...hostile.keys()].some((key) => key.startsWith("network error")),
      `hostile clients: every request answered with a 4xx, never 5xx (${hostile5xx}) or a dropped connection`,
    );
    console.log("one dashboard reader, quiet and then while the hostile clients send: 10 s + 15 s");
    const quietReader = await dashboardReader(10, false);
    const { latencies, hostileAnswers, summary } = await dashboardReader(15, true);
    figures.push([
      "dashboard alone: requests, p50 / p99 / slowest (ms), quiet | under attack",
      `${quietReader.summary} | ${summary}`,
    ]);
    figures.push(["dashboard alone under attack: hostile answers", hostileAnswers]);
    check(
      latencies.length > 0 && percentile(latencies, 0.99) < 1000,
      "dashboard alone under attack: p99 under 1 s",
    );
    const memory = peakMemory();
    figures.push([
      `server memory: peak RSS after the quiet load / after the attack (MB${bases.length > 1 ? ", the highest instance" : ""})`,
      `${quietMemory.toFixed(0)} / ${memory.toFixed(0)}`,
    ]);
    check(memory < 1024, "server memory: peak RSS under 1 GB through the attack");
    console.log("lost updates");
    await lostUpdatesPhase(pledgeIds[55]!);
    console.log(`bad input: ${payloadsPerRoute} payloads per route`);
    await badInputPhase(pledgeIds[56]!);
  } finally {
    await Promise.all([server, ...others].map((child) => stop(child)));
  }
  console.log(`crash: ${crashRounds} rounds`);
  await crashPhase(pledgeIds);
  console.log("backup");
  await backupPhase(pledgeIds);
  server = await startServer(); // leaves nothing running: started and stopped to prove the data still serves
  await waitFor(`${base}/dashboard`, reader);
  await stop(server);

  const width = Math.max(...figures.map(([label]) => label.length));
  console.log(`\nPledgewatch soak (${postgres ? "PostgreSQL" : "SQLite"})`);
  for (const [label, value] of figures) console.log(`${label.padEnd(width)}  ${value}`);
  if (failures.length > 0) {
    // The servers' logs stay, for what they said of any 5xx.
    const logged = failuresLogged();
    if (logged) console.error(`\nWhat the servers logged as failed:\n${logged}`);
    console.error(`\n${failures.length} properties failed; the servers' logs are in ${dir}`);
    process.exit(1);
  }
  rmSync(dir, { recursive: true, force: true });
}

try {
  await main();
} catch (error) {
  // A phase that could not go on (a server that died, one that never answered): what they said.
  const logged = failuresLogged();
  if (logged) console.error(`What the servers logged as failed:\n${logged}`);
  console.error(`The servers' logs are in ${dir}`);
  throw error;
}
