// npm run bench: the dashboard under load at 10,000 pledges and 100,000 status changes, against a
// bare page reading 50 rows, plus the aggregate query against the same SQL run raw. Prints figures;
// asserts nothing (targets are printed beside the figures).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { seedBenchData } from "./seed-bench-data";

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const port = Number(process.env.BENCH_PORT ?? 3300);
const scale = { pledges: 10_000, statusChangesPerPledge: 10, conditions: 20 };

const dir = mkdtempSync(path.join(tmpdir(), "pledgewatch-bench-"));
const file = path.join(dir, "bench.db");
const env = {
  ...process.env,
  DATABASE_URL: `file:${file}`,
  NEXT_TELEMETRY_DISABLED: "1",
  BENCH_BASELINE: "1",
};

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeIt(runs: number, work: () => unknown) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function waitFor(url: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function load(url: string) {
  await autocannon({ url, connections: 25, duration: 3 }); // warm-up
  const result = await autocannon({ url, connections: 25, duration: seconds });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main() {
  console.log(
    `preparing ${scale.pledges} pledges and ${scale.pledges * scale.statusChangesPerPledge} status changes in ${file}`,
  );
  execFileSync("npm", ["run", "--silent", "db:deploy"], { env, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "ignore" });
  seedBenchData(file, scale);

  // Aggregates, in this process: the dashboard's query through Prisma, and the same SQL run raw.
  process.env.DATABASE_URL = env.DATABASE_URL;
  const { getDashboardAggregates, pledgeGroupsQuery } = await import("../src/features/dashboard/queries");
  const { db } = await import("../src/server/db");
  const raw = new Database(file, { readonly: true });
  const figures: [string, number][] = [];
  for (const [label, bound] of [
    ["today", null],
    ["as of 2026-06-30", "2026-07-01T00:00:00"],
  ] as const) {
    const query = pledgeGroupsQuery(bound);
    const statement = raw.prepare(query.sql);
    const rawMs = await timeIt(15, () => statement.all(...query.values));
    const prismaMs = await timeIt(15, () => db().$queryRaw(query));
    const allMs = await timeIt(5, () =>
      getDashboardAggregates(bound ? new Date("2026-06-30T00:00:00Z") : undefined),
    );
    figures.push([`aggregate query ${label}: raw SQL (ms)`, rawMs]);
    figures.push([`aggregate query ${label}: through Prisma (ms)`, prismaMs]);
    figures.push([`aggregate query ${label}: ratio (target ≤ 2)`, prismaMs / rawMs]);
    figures.push([`all dashboard aggregates ${label} (ms)`, allMs]);
  }
  raw.close();
  await db().$disconnect();

  if (!existsSync(".next/BUILD_ID")) execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const server = spawn("npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env,
    stdio: "ignore",
    detached: true,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/bench/baseline`);
    const baseline = await load(`${base}/bench/baseline`);
    const dashboard = await load(`${base}/dashboard`);
    const asOf = await load(`${base}/dashboard?asOf=2026-06-30&assume=bench-condition-1`);
    for (const [name, r] of [
      ["baseline (50 rows)", baseline],
      ["dashboard", dashboard],
      ["dashboard, as-of + scenario", asOf],
    ] as const) {
      figures.push([`${name}: requests/s`, r.rps]);
      figures.push([`${name}: p50 latency (ms)`, r.p50]);
      figures.push([`${name}: p99 latency (ms, target ≤ 300)`, r.p99]);
      figures.push([`${name}: errors + non-2xx`, r.errors]);
    }
    figures.push(["dashboard throughput ÷ baseline (target ≥ 0.5)", dashboard.rps / baseline.rps]);
  } finally {
    process.kill(-server.pid!, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }

  const width = Math.max(...figures.map(([label]) => label.length));
  console.log(`\nPledgewatch benchmark (${seconds} s per load run, 25 connections)`);
  for (const [label, value] of figures) {
    console.log(`${label.padEnd(width)}  ${Number.isInteger(value) ? value : value.toFixed(2)}`);
  }
}

await main();
