// npm run bench: the dashboard under load at 10,000 pledges and 100,000 status changes, against a
// bare page reading 50 rows, plus the aggregate query against the same SQL run raw; Lighthouse on the
// pages stakeholders open; the import; each export's time, and their memory at 100,000 pledges.
// Prints figures; asserts nothing (targets are printed beside the figures).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { benchImport } from "./import";
import { benchLighthouse } from "./lighthouse";
import { seedBenchData } from "./seed-bench-data";
import { pledgeSortKeys } from "../features/pledges/index";
import { median, memoryOf, startNext, waitFor } from "./support";

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const port = Number(process.env.BENCH_PORT ?? 3300);
const scale = { pledges: 10_000, statusChangesPerPledge: 10, conditions: 20 };
// The CSV export must stream: its memory is measured on ten times the pledges.
const csvScale = { pledges: 100_000, statusChangesPerPledge: 1, conditions: 20 };
const heapCapMb = 96;
const reportHeapCapMb = 256;

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
const env = envFor(file);

async function timeIt(runs: number, work: () => unknown) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function load(url: string) {
  await autocannon({ url, connections: 25, duration: 3, headers: authHeaders }); // warm-up
  const result = await autocannon({ url, connections: 25, duration: seconds, headers: authHeaders });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function startServer(database: string, serverPort: number, nodeFlags: string[] = []) {
  return startNext(envFor(database), serverPort, nodeFlags);
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

async function timeDownload(url: string, runs = 3) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const result = await download(url);
    times.push(result.ms);
    bytes = result.bytes;
  }
  return { ms: median(times), mb: bytes / 1_048_576 };
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
  console.log(
    `preparing ${scale.pledges} pledges and ${scale.pledges * scale.statusChangesPerPledge} status changes in ${file}`,
  );
  execFileSync("npm", ["run", "--silent", "db:deploy"], { env, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "ignore" });
  await seedBenchData(`file:${file}`, scale);

  // Aggregates, in this process: the dashboard's query through Prisma, and the same SQL run raw.
  process.env.DATABASE_URL = env.DATABASE_URL;
  const { readAggregates, pledgeGroupsQuery } = await import("../features/figures/queries");
  const { viewBound } = await import("../features/pledges/selection-sql");
  const { db } = await import("../server/db");
  const { createApiToken } = await import("../server/api-tokens");
  const { token } = await createApiToken(db(), { name: "bench", role: "viewer" }, null);
  authHeaders.authorization = `Bearer ${token}`;
  const { sqliteConnectionPragmas } = await import("../server/prisma-client");
  // Raw SQL on a connection set up as the app's is.
  const raw = new Database(file, { readonly: true });
  for (const pragma of sqliteConnectionPragmas) raw.pragma(pragma);
  const figures: [string, number][] = [];
  // Each figure is printed as it is measured, so that a later failure loses none of them.
  const record = (label: string, value: number) => {
    console.log(`  ${label}: ${Number.isInteger(value) ? value : value.toFixed(2)}`);
    figures.push([label, value]);
  };
  for (const [label, time] of [
    ["today", {}],
    ["as of 2026-06-30", { asOf: new Date("2026-06-30T00:00:00Z") }],
  ] as const) {
    const query = pledgeGroupsQuery(viewBound(time));
    const statement = raw.prepare(query.sql);
    const rawMs = await timeIt(15, () => statement.all(...query.values));
    const prismaMs = await timeIt(15, () => db().$queryRaw(query));
    const allMs = await timeIt(5, () => readAggregates(time));
    record(`aggregate query ${label}: raw SQL (ms)`, rawMs);
    record(`aggregate query ${label}: through Prisma (ms)`, prismaMs);
    record(`aggregate query ${label}: ratio (target ≤ 2)`, prismaMs / rawMs);
    record(`all dashboard aggregates ${label} (ms)`, allMs);
  }
  // The as-of figures are rebuilt from the ledger's events: they may cost at most twice today's.
  const rawOf = (label: string) =>
    figures.find(([name]) => name === `aggregate query ${label}: raw SQL (ms)`)![1];
  record(
    "aggregate query: as of 2026-06-30 / today (target ≤ 2)",
    rawOf("as of 2026-06-30") / rawOf("today"),
  );
  raw.close();
  await db().$disconnect();

  if (!existsSync(".next/BUILD_ID")) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const server = await startServer(file, port);
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/bench/baseline`, authHeaders);
    const baseline = await load(`${base}/bench/baseline`);
    const dashboard = await load(`${base}/dashboard`);
    const asOf = await load(`${base}/dashboard?asOf=2026-06-30&assume=bench-condition-1`);
    for (const [name, r] of [
      ["baseline (50 rows)", baseline],
      ["dashboard", dashboard],
      ["dashboard, as-of + scenario", asOf],
    ] as const) {
      record(`${name}: requests/s`, r.rps);
      record(`${name}: p50 latency (ms)`, r.p50);
      record(`${name}: p99 latency (ms, target ≤ 300)`, r.p99);
      record(`${name}: errors + non-2xx`, r.errors);
    }
    record("dashboard throughput ÷ baseline (target ≥ 0.5)", dashboard.rps / baseline.rps);

    // Exports of the 10,000 pledges (and 100,000 status changes in the report's history sheet).
    const csv = await timeDownload(`${base}/api/v1/exports/pledges.csv`);
    const xlsx = await timeDownload(`${base}/api/v1/exports/report.xlsx`);
    const pdf = await timeDownload(`${base}/api/v1/exports/briefing.pdf`);
    const dataPackage = await timeDownload(`${base}/api/v1/exports/datapackage.zip`);
    record("pledges.csv, 10,000 pledges (ms, target ≤ 2000)", csv.ms);
    record("pledges.csv size (MB)", csv.mb);
    record("report.xlsx, 10,000 pledges + 100,000 changes (ms, target ≤ 2000)", xlsx.ms);
    record("report.xlsx size (MB)", xlsx.mb);
    record("briefing.pdf (ms, target ≤ 5000)", pdf.ms);
    record("datapackage.zip, 10,000 pledges + 100,000 changes (ms, target ≤ 3000)", dataPackage.ms);
    record("datapackage.zip size (MB)", dataPackage.mb);

    // The pledge list of the 10,000, sorted by each column against its default order, interleaved.
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
    record("/pledges totals unlike /api/v1/summary (lists, target 0)", totals.unlike.length);
    for (const problem of totals.unlike) console.log(`    ${problem}`);
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }

  await benchLighthouse(dir, port + 2, record);

  await benchImport(dir, record);

  // Memory while streaming a 100,000-row CSV (17 MB), with the server's JavaScript heap capped at
  // 96 MB: the export only completes if it streams, and the peak must not climb from one to the next.
  console.log(`preparing ${csvScale.pledges} pledges in ${bigFile}`);
  execFileSync("npm", ["run", "--silent", "db:deploy"], { env: envFor(bigFile), stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { env: envFor(bigFile), stdio: "ignore" });
  await seedBenchData(`file:${bigFile}`, csvScale);
  copyApiTokens(file, bigFile);
  const big = await startServer(bigFile, port + 1, [`--max-old-space-size=${heapCapMb}`]);
  try {
    const base = `http://127.0.0.1:${port + 1}`;
    await waitFor(`${base}/api/v1/conditions`, authHeaders);
    await download(`${base}/api/v1/exports/pledges.csv?category=other`); // warm-up, a seventh of the rows
    const before = memoryOf(big.pid!);
    const result = await download(`${base}/api/v1/exports/pledges.csv`);
    const first = memoryOf(big.pid!);
    await download(`${base}/api/v1/exports/pledges.csv`);
    const second = memoryOf(big.pid!);
    record("pledges.csv, 100,000 pledges (ms)", result.ms);
    record("pledges.csv, 100,000 pledges: size (MB)", result.bytes / 1_048_576);
    record(`JavaScript heap cap for this server (MB)`, heapCapMb);
    record("server peak memory before the 100,000-row CSV (MB)", before.peak);
    record("server peak memory after it (MB)", first.peak);
    // Flat means bounded: a second download must not raise the peak again.
    record("server peak memory after a second one (MB)", second.peak);
  } finally {
    process.kill(-big.pid!, "SIGTERM");
  }

  // The workbook and the data package stream their 100,000 pledges and changes the same way. They
  // also compute the view's figures, whose aggregate groups alone take some 65 MB at 100,000 bench
  // pledges (the groups' keys have many values there): their server gets a larger heap.
  const reports = await startServer(bigFile, port + 3, [`--max-old-space-size=${reportHeapCapMb}`]);
  try {
    const base = `http://127.0.0.1:${port + 3}`;
    await waitFor(`${base}/api/v1/conditions`, authHeaders);
    record(`JavaScript heap cap for the reports' server (MB)`, reportHeapCapMb);
    for (const name of ["report.xlsx", "datapackage.zip"]) {
      const first = await download(`${base}/api/v1/exports/${name}`);
      const afterFirst = memoryOf(reports.pid!).peak;
      await download(`${base}/api/v1/exports/${name}`);
      record(`${name}, 100,000 pledges + 100,000 changes (ms)`, first.ms);
      record(`${name}, 100,000 pledges: size (MB)`, first.bytes / 1_048_576);
      record(`server peak memory after ${name} at 100,000 (MB)`, afterFirst);
      record(`server peak memory after a second ${name} (MB)`, memoryOf(reports.pid!).peak);
    }
  } finally {
    process.kill(-reports.pid!, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }

  const width = Math.max(...figures.map(([label]) => label.length));
  console.log(`\nPledgewatch benchmark (${seconds} s per load run, 25 connections)`);
  for (const [label, value] of figures) {
    console.log(`${label.padEnd(width)}  ${Number.isInteger(value) ? value : value.toFixed(2)}`);
  }
}

await main();
