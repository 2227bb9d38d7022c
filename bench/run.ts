// npm run bench: the dashboard under load at 10,000 pledges and 100,000 status changes, against a
// bare page reading 50 rows and a bare JSON route, taken in turns; the dashboard while an analyst
// writes; the aggregate query against the same SQL run raw; Lighthouse on the pages stakeholders
// open; the import; each export's time, and their memory at 100,000 pledges.
// Prints each figure as it is measured and keeps them in bench/results/latest.json; a step that
// fails is reported with its cause and the next one runs. Asserts nothing: targets are printed
// beside the figures, and a missed one is marked. BENCH_STEPS=load,writes runs only the steps named
// (prepare, aggregates, load, writes, exports, list, lighthouse, first-load, import, prepare-100k, csv-100k,
// reports-100k); the database is prepared whenever a later step needs it.
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import type { AnalystWriterData, AnalystWriterMessage } from "./analyst-writer";
import { benchImport } from "./import";
import { benchFirstLoad } from "./first-load";
import { benchLighthouse } from "./lighthouse";
import { BenchResults } from "./results";
import { seedBenchData } from "./seed-bench-data";
import { pledgeSortKeys } from "../features/pledges/index";
import { memoryOf, waitFor, withServer } from "./support";
import { median } from "../lib/median";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const port = Number(process.env.BENCH_PORT ?? 3300);
const scale = { pledges: 10_000, statusChangesPerPledge: 10, conditions: 20 };
// The CSV export must stream: its memory is measured on ten times the pledges.
const csvScale = { pledges: 100_000, statusChangesPerPledge: 1, conditions: 20 };
const heapCapMb = 96;
const reportHeapCapMb = 256;
// The analyst's pace while the dashboard is under load.
const writesPerSecond = 5;

const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-bench-"));
const file = path.join(dir, "bench.db");
const bigFile = path.join(dir, "bench-100k.db");
const authSecret = randomBytes(32).toString("base64url");
const envFor = (database: string) => ({
  ...process.env,
  DATABASE_URL: `file:${database}`,
  NEXT_TELEMETRY_DISABLED: "1",
  BENCH_BASELINE: "1",
  BETTER_AUTH_SECRET: authSecret,
  PUBLIC_READ: "false",
});
/** Every request reads as a signed-in viewer would: through an API token, checked on each request. */
const authHeaders: Record<string, string> = {};
/** The analyst's API token, for the writes. */
const analystHeaders: Record<string, string> = {};
const env = envFor(file);
const results = new BenchResults();
const record = results.record;

async function timeIt(runs: number, work: () => unknown) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, duration = seconds): Promise<Load> {
  // Asking for HTML, as a browser loading a page does.
  const result = await autocannon({
    url,
    connections: 25,
    duration,
    headers: { ...authHeaders, accept: "text/html,*/*" },
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Each run's figures, the median of its rounds. */
function medianLoad(loads: Load[]): Load {
  const of = (pick: (load: Load) => number) => median(loads.map(pick));
  return { rps: of((l) => l.rps), p50: of((l) => l.p50), p99: of((l) => l.p99), errors: of((l) => l.errors) };
}

/**
 * The runs taken in turns (a, b, c, a, b, c, …), `rounds` times, so that the machine's drift falls
 * on each alike; each run's median. `alongside` runs beside a run's load, started (once it says it
 * is ready) before the load and stopped when it ends.
 */
async function inTurns(
  runs: { name: string; url: string; alongside?: () => Promise<() => Promise<void>> }[],
): Promise<Map<string, Load>> {
  for (const run of runs) await load(run.url, 3); // warm-up
  const loads = new Map<string, Load[]>(runs.map((run) => [run.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const run of runs) {
      const stop = await run.alongside?.();
      let measured: Load;
      try {
        measured = await load(run.url);
      } finally {
        await stop?.();
      }
      console.log(
        `  round ${round + 1}, ${run.name}: ${measured.rps.toFixed(1)} requests/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${measured.errors} errors`,
      );
      loads.get(run.name)!.push(measured);
    }
  }
  return new Map([...loads].map(([name, list]) => [name, medianLoad(list)]));
}

/**
 * An analyst recording status changes at `writesPerSecond` (bench/analyst-writer.ts, in a thread of
 * its own); their latencies are added to `latencies`. Resolves once the thread is ready to write
 * (loading its TypeScript takes the bench's CPU for a second, which must not fall in the load
 * measured), with the function that stops it, which throws if a write failed.
 */
async function analystWriting(base: string, pledgeIds: string[], sourceId: string, latencies: number[]) {
  const data: AnalystWriterData = { base, pledgeIds, sourceId, headers: analystHeaders, writesPerSecond };
  // Threads do not inherit tsx's loader: it is registered there first, to run the TypeScript file.
  const entry = JSON.stringify(new URL("./analyst-writer.ts", import.meta.url).href);
  const tsx = JSON.stringify(import.meta.resolve("tsx/esm/api"));
  const writer = new Worker(
    `import(${tsx}).then(({ register }) => { register(); return import(${entry}); });`,
    { eval: true, workerData: data },
  );
  const message = <K extends AnalystWriterMessage["kind"]>(kind: K) =>
    new Promise<Extract<AnalystWriterMessage, { kind: K }>>((resolve, reject) => {
      const take = (said: AnalystWriterMessage) => {
        if (said.kind !== kind) return;
        writer.off("message", take);
        resolve(said as Extract<AnalystWriterMessage, { kind: K }>);
      };
      writer.on("message", take);
      writer.once("error", reject);
      writer.once("exit", (code) =>
        reject(new Error(`the writer's thread ended (code ${code}) without a ${kind} message`)),
      );
    });
  const report = message("report");
  // A thread that failed to start is reported when the writer is stopped, not as a crash; one that
  // says nothing for 30 s is stopped then.
  report.catch(() => undefined);
  const loading = AbortSignal.timeout(30_000);
  await Promise.race([
    message("ready").catch(() => undefined),
    new Promise((resolve) => loading.addEventListener("abort", resolve)),
  ]);
  if (loading.aborted) void writer.terminate();
  return async () => {
    writer.postMessage("stop");
    const { latencies: measured, failure } = await report.finally(() => writer.terminate());
    latencies.push(...measured);
    if (failure) throw new Error(failure);
  };
}

/** A production server on `database`, its output kept in the bench's folder, for `work`. */
async function onServer<T>(
  database: string,
  serverPort: number,
  nodeFlags: string[],
  work: (base: string, server: ChildProcess) => Promise<T>,
): Promise<T> {
  const log = path.join(dir, `server-${serverPort}.log`);
  // BENCH_NODE_FLAGS: more flags for the servers, split at spaces (a value cannot hold one), e.g.
  // "--cpu-prof --cpu-prof-dir=/tmp/profiles".
  const flags = [...nodeFlags, ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? [])];
  return withServer({ env: envFor(database), port: serverPort, nodeFlags: flags, log }, async (server) => {
    const base = `http://127.0.0.1:${serverPort}`;
    await waitFor(`${base}/api/v1/conditions`, authHeaders);
    return work(base, server);
  });
}

/** The bench's API token, valid on a second database too. */
function copyApiTokens(from: string, to: string) {
  const rows = new Database(from, { readonly: true }).prepare(`SELECT * FROM "ApiToken"`).all() as object[];
  const target = new Database(to);
  for (const row of rows) {
    const columns = Object.keys(row);
    target
      .prepare(
        `INSERT INTO "ApiToken" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`,
      )
      .run(row);
  }
  target.close();
}

/** Downloads `url` to the end, returning the time taken and the bytes received. */
async function download(url: string) {
  const start = performance.now();
  const response = await fetch(url, { headers: authHeaders });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const reader = response.body!.getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
    bytes += chunk.value.byteLength;
  return { ms: performance.now() - start, bytes };
}

/**
 * A download's time on a fresh server, then the median of `runs` more: each step starts its own
 * server, whose first download also compiles the route (and, for the workbook, starts its thread).
 */
async function timeDownload(url: string, runs = 3) {
  const first = await download(url);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await download(url)).ms);
  return { first: first.ms, ms: median(times), mb: first.bytes / 1_048_576 };
}

/** The text of a piece of the page's HTML: tags and React's text separators taken out. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&#x27;/g, "'");

/**
 * The pledge list's totals row for personnel, under each order and for a few filters, against the
 * summary API's figures for the same filters: they must be the same numbers (one code path).
 */
async function listTotalsAgainstSummary(base: string, orders: string[]) {
  const filters = ["", "category=force", "status=committed&effective=conditional"];
  const unlike: string[] = [];
  let checked = 0;
  for (const filter of filters) {
    const summary = (await (
      await fetch(`${base}/api/v1/summary?metric=personnel&${filter}`, { headers: authHeaders })
    ).json()) as { data: Record<"pledged" | "unconditional" | "delivered", { high: number }> };
    for (const order of orders) {
      const query = [order.replace("?", ""), filter].filter(Boolean).join("&");
      const html = await (await fetch(`${base}/pledges?${query}`, { headers: authHeaders })).text();
      const table = html.match(/<table[^>]*data-testid="list-totals"[^>]*>([\s\S]*?)<\/table>/)?.[1] ?? "";
      const row = table.match(/<tr><th scope="row">personnel<\/th>([\s\S]*?)<\/tr>/)?.[1] ?? "";
      const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => textOf(cell[1]!));
      (["pledged", "unconditional", "delivered"] as const).forEach((figure, i) => {
        const expected = summary.data[figure].high.toLocaleString("en-GB");
        if (!cells[i]?.includes(expected)) {
          unlike.push(`/pledges?${query}: ${figure} "${cells[i] ?? "(no totals)"}", summary ${expected}`);
        }
      });
      checked++;
    }
  }
  return { checked, unlike };
}

async function main() {
  await results.step(
    "prepare",
    `preparing ${scale.pledges} pledges and ${scale.pledges * scale.statusChangesPerPledge} status changes`,
    async () => {
      execFileSync("npm", ["run", "--silent", "db:deploy"], { env, stdio: "ignore" });
      execFileSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "ignore" });
      await seedBenchData(`file:${file}`, scale);
      console.log(`  in ${file}`);
    },
  );

  // Aggregates, in this process: the dashboard's query through Prisma, and the same SQL run raw.
  await results.step("aggregates", "aggregates", async () => {
    process.env.DATABASE_URL = env.DATABASE_URL;
    const { readAggregates, pledgeGroupsQuery } = await import("../features/figures/queries");
    const { viewBound } = await import("../features/pledges/selection-sql");
    const { db } = await import("../server/db");
    const { createApiToken } = await import("../server/api-tokens");
    authHeaders.authorization = `Bearer ${(await createApiToken(db(), { name: "bench", role: "viewer" }, null)).token}`;
    analystHeaders.authorization = `Bearer ${(await createApiToken(db(), { name: "bench analyst", role: "analyst" }, null)).token}`;
    const { sqliteConnectionPragmas } = await import("../server/sqlite-pragmas");
    // Raw SQL on a connection set up as the app's is.
    const raw = new Database(file, { readonly: true });
    for (const pragma of sqliteConnectionPragmas) raw.pragma(pragma);
    const rawMs = new Map<string, number>();
    for (const [label, time] of [
      ["today", {}],
      ["as of 2026-06-30", { asOf: new Date("2026-06-30T00:00:00Z") }],
    ] as const) {
      const query = pledgeGroupsQuery(viewBound(time));
      const statement = raw.prepare(query.sql);
      rawMs.set(label, await timeIt(15, () => statement.all(...query.values)));
      const prismaMs = await timeIt(15, () => db().$queryRaw(query));
      const allMs = await timeIt(5, () => readAggregates(time));
      record(`aggregate query ${label}: raw SQL (ms)`, rawMs.get(label)!);
      record(`aggregate query ${label}: through Prisma (ms)`, prismaMs);
      record(`aggregate query ${label}: ratio (target ≤ 2)`, prismaMs / rawMs.get(label)!);
      record(`all dashboard aggregates ${label} (ms)`, allMs);
    }
    // The as-of figures are rebuilt from the ledger's events: they may cost at most twice today's.
    record(
      "aggregate query: as of 2026-06-30 / today (target ≤ 2)",
      rawMs.get("as of 2026-06-30")! / rawMs.get("today")!,
    );
    raw.close();
    await db().$disconnect();
  });

  await results.step("build", "the production build, if there is none", async () => {
    if (!existsSync(".next/BUILD_ID"))
      execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  });

  await results.step(
    "load",
    `the dashboard under load, against the yardsticks (${rounds} rounds of ${seconds} s, in turns)`,
    () =>
      onServer(file, port, [], async (base) => {
        const loads = await inTurns([
          { name: "baseline page (50 rows)", url: `${base}/bench/baseline` },
          { name: "dashboard", url: `${base}/dashboard` },
          {
            name: "dashboard, as-of + scenario",
            url: `${base}/dashboard?asOf=2026-06-30&assume=bench-condition-1`,
          },
          { name: "bare JSON route", url: `${base}/bench/json` },
          { name: "/api/v1/summary", url: `${base}/api/v1/summary` },
        ]);
        for (const [name, r] of loads) {
          record(`${name}: requests/s`, r.rps);
          record(`${name}: p50 latency (ms)`, r.p50);
          record(`${name}: p99 latency (ms)`, r.p99);
          record(`${name}: errors + non-2xx (target ≤ 0)`, r.errors);
        }
        const of = (name: string) => loads.get(name)!;
        const [baseline, dashboard] = [of("baseline page (50 rows)"), of("dashboard")];
        record("dashboard throughput ÷ baseline (target ≥ 0.9)", dashboard.rps / baseline.rps);
        record("dashboard p99 ÷ baseline p99 (target ≤ 1.3)", dashboard.p99 / baseline.p99);
        record(
          "/api/v1/summary throughput ÷ bare JSON route (target ≥ 0.6)",
          of("/api/v1/summary").rps / of("bare JSON route").rps,
        );
      }),
  );

  await results.step(
    "writes",
    `the dashboard while an analyst writes ~${writesPerSecond} status changes a second (in turns)`,
    () =>
      onServer(file, port, [], async (base) => {
        const sources = (await (await fetch(`${base}/api/v1/sources`, { headers: authHeaders })).json()) as {
          data: { id: string }[];
        };
        const pledgeIds = Array.from({ length: 200 }, (_, i) => `bench-pledge-${i}`);
        const latencies: number[] = [];
        const loads = await inTurns([
          { name: "dashboard, reads only", url: `${base}/dashboard` },
          {
            name: "dashboard, with writes",
            url: `${base}/dashboard`,
            alongside: () => analystWriting(base, pledgeIds, sources.data[0]!.id, latencies),
          },
        ]);
        const [quiet, writing] = [loads.get("dashboard, reads only")!, loads.get("dashboard, with writes")!];
        record("dashboard with writes: requests/s", writing.rps);
        record("dashboard with writes: p99 latency (ms)", writing.p99);
        record("dashboard with writes: errors + non-2xx (target ≤ 0)", writing.errors);
        record("dashboard throughput, with writes ÷ without (target ≥ 0.8)", writing.rps / quiet.rps);
        record("dashboard p99, with writes ÷ without (target ≤ 1.5)", writing.p99 / quiet.p99);
        const sorted = [...latencies].sort((a, b) => a - b);
        record("writes under load: count", sorted.length);
        if (sorted.length === 0) throw new Error("no write succeeded under load");
        record("writes under load: median (ms, target ≤ 50)", median(sorted));
        record(
          "writes under load: p99 (ms)",
          sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? NaN,
        );
      }),
  );

  await results.step(
    "exports",
    "exports of the 10,000 pledges (and 100,000 status changes in the report's history)",
    () =>
      onServer(file, port, [], async (base) => {
        for (const [name, label, target] of [
          ["pledges.csv", "pledges.csv, 10,000 pledges", 2000],
          ["report.xlsx", "report.xlsx, 10,000 pledges + 100,000 changes", 2000],
          ["briefing.pdf", "briefing.pdf", 5000],
          ["datapackage.zip", "datapackage.zip, 10,000 pledges + 100,000 changes", 3000],
        ] as const) {
          const timed = await timeDownload(`${base}/api/v1/exports/${name}`);
          record(`${label}: first on a fresh server (ms)`, timed.first);
          record(`${label} (ms, median of 3 after it, target ≤ ${target})`, timed.ms);
          record(`${name} size (MB)`, timed.mb);
        }
      }),
  );

  await results.step(
    "list",
    "the pledge list of the 10,000, sorted by each column against its default order (in turns)",
    () =>
      onServer(file, port, [], async (base) => {
        const orders = ["", ...pledgeSortKeys.map((key) => `?sort=${key}`)];
        const times = new Map<string, number[]>(orders.map((order) => [order, []]));
        await download(`${base}/pledges`);
        for (let round = 0; round < 11; round++) {
          for (const order of orders) times.get(order)!.push((await download(`${base}/pledges${order}`)).ms);
        }
        const unsorted = median(times.get("")!);
        record("/pledges, 10,000 pledges, default order (ms)", unsorted);
        for (const key of pledgeSortKeys) {
          record(
            `/pledges sorted by ${key} ÷ default order (target ≤ 1.5)`,
            median(times.get(`?sort=${key}`)!) / unsorted,
          );
        }
        const totals = await listTotalsAgainstSummary(base, orders);
        record("/pledges totals checked against /api/v1/summary (lists)", totals.checked);
        record("/pledges totals unlike /api/v1/summary (lists, target ≤ 0)", totals.unlike.length);
        for (const problem of totals.unlike) console.log(`    ${problem}`);
      }),
  );

  await results.step("lighthouse", "Lighthouse (mobile)", () => benchLighthouse(dir, port + 2, record));
  await results.step("first-load", "what the three languages add to each route's first load", () =>
    benchFirstLoad(dir, port + 3, record),
  );

  await results.step("import", "import", () => benchImport(dir, record));

  await results.step("prepare-100k", `preparing ${csvScale.pledges} pledges`, async () => {
    execFileSync("npm", ["run", "--silent", "db:deploy"], { env: envFor(bigFile), stdio: "ignore" });
    execFileSync("npm", ["run", "--silent", "db:seed"], { env: envFor(bigFile), stdio: "ignore" });
    await seedBenchData(`file:${bigFile}`, csvScale);
    copyApiTokens(file, bigFile);
    console.log(`  in ${bigFile}`);
  });

  // Memory while streaming a 100,000-row CSV (28 MB), with the server's JavaScript heap capped at
  // 96 MB: the export only completes if it streams, and the peak must not climb from one to the next.
  await results.step(
    "csv-100k",
    `the 100,000-row CSV on a server whose heap is capped at ${heapCapMb} MB`,
    () =>
      onServer(bigFile, port + 1, [`--max-old-space-size=${heapCapMb}`], async (base, server) => {
        record(`JavaScript heap cap for this server (MB)`, heapCapMb);
        await download(`${base}/api/v1/exports/pledges.csv?category=other`); // warm-up, a seventh of the rows
        const before = memoryOf(server.pid!);
        const result = await download(`${base}/api/v1/exports/pledges.csv`);
        const first = memoryOf(server.pid!);
        record("pledges.csv, 100,000 pledges (ms)", result.ms);
        record("pledges.csv, 100,000 pledges: size (MB)", result.bytes / 1_048_576);
        record("server peak memory before the 100,000-row CSV (MB)", before.peak);
        record("server peak memory after it (MB)", first.peak);
        await download(`${base}/api/v1/exports/pledges.csv`);
        // Flat means bounded: a second download must not raise the peak again.
        record("server peak memory after a second one (MB)", memoryOf(server.pid!).peak);
      }),
  );

  // The workbook and the data package stream their 100,000 pledges and changes the same way. They
  // also compute the view's figures, whose aggregate groups alone take some 65 MB at 100,000 bench
  // pledges (the groups' keys have many values there): their server gets a larger heap.
  await results.step(
    "reports-100k",
    `the workbook and the data package at 100,000 pledges, heap capped at ${reportHeapCapMb} MB`,
    () =>
      onServer(bigFile, port + 3, [`--max-old-space-size=${reportHeapCapMb}`], async (base, server) => {
        record(`JavaScript heap cap for the reports' server (MB)`, reportHeapCapMb);
        for (const name of ["report.xlsx", "datapackage.zip"]) {
          const first = await download(`${base}/api/v1/exports/${name}`);
          record(`${name}, 100,000 pledges + 100,000 changes (ms)`, first.ms);
          record(`${name}, 100,000 pledges: size (MB)`, first.bytes / 1_048_576);
          record(`server peak memory after ${name} at 100,000 (MB)`, memoryOf(server.pid!).peak);
          // Flat means bounded: later downloads must not raise the peak step by step.
          await download(`${base}/api/v1/exports/${name}`);
          record(`server peak memory after a second ${name} (MB)`, memoryOf(server.pid!).peak);
          await download(`${base}/api/v1/exports/${name}`);
          record(`server peak memory after a third ${name} (MB)`, memoryOf(server.pid!).peak);
        }
      }),
  );

  rmSync(dir, { recursive: true, force: true });
  results.print(`Pledgewatch benchmark (${rounds} rounds of ${seconds} s per load run, 25 connections)`);
}

await main();
