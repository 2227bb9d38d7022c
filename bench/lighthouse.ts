// Lighthouse (mobile: its default emulated phone, slow 4G and a 4× slower CPU, simulated) on the
// pages stakeholders open, against the production server on the seeded Paris data, read as the
// public reads it, and on the analysts' /import and the admins' /admin, signed in. Three rounds, the pages interleaved in each, so that the machine's noise falls on
// every page alike; the median of the three is printed. Also each page's first-load JavaScript
// (compressed as sent: brotli) above a bare page's: charts drawn later, once scrolled to, are not first-load.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromiumFlags } from "../server/chromium-flags";
import { createBenchAdmin, signIn, waitFor, withServer } from "./support";
import { median } from "../lib/median";

type Record = (label: string, value: number) => void;

interface Run {
  score: number;
  tbt: number;
  cls: number;
  lcp: number;
  scriptKib: number;
  scriptRequests: number;
  benchmarkIndex: number;
}

async function audit(url: string, port: number, headers?: { [name: string]: string }): Promise<Run> {
  const result = await lighthouse(url, {
    port,
    onlyCategories: ["performance"],
    logLevel: "error",
    ...(headers ? { extraHeaders: headers } : {}),
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { audits, categories, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`Lighthouse on ${url}: ${runtimeError.message}`);
  const requests =
    (audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] })
      ?.items ?? [];
  const scripts = requests.filter((request) => request.resourceType === "Script");
  const scriptBytes = scripts.reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
  return {
    score: Math.round((categories.performance?.score ?? 0) * 100),
    tbt: audits["total-blocking-time"]?.numericValue ?? NaN,
    cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
    lcp: audits["largest-contentful-paint"]?.numericValue ?? NaN,
    scriptKib: scriptBytes / 1024,
    scriptRequests: scripts.length,
    benchmarkIndex: result.lhr.environment.benchmarkIndex,
  };
}

/** The pages, by name: each named page's address on the seeded data, and whether it needs the admin. */
async function pagesOf(base: string) {
  const list = await (await fetch(`${base}/pledges`)).text();
  const pledge = /href="(\/pledges\/[a-z0-9]+)"/.exec(list)?.[1];
  const stakeholder = /href="(\/stakeholders\/[a-z0-9-]+)"/.exec(list)?.[1];
  if (!pledge || !stakeholder) throw new Error("the seeded pledge list links to no pledge or stakeholder");
  return [
    ["bare page", "/bench/baseline"],
    ["/dashboard", "/dashboard"],
    ["/pledges", "/pledges"],
    ["a pledge page", pledge],
    ["a stakeholder page", stakeholder],
    ["/import", "/import", "signed in"],
    ["/admin", "/admin", "signed in"],
  ] as const;
}

export async function benchLighthouse(dir: string, port: number, record: Record, rounds = 3) {
  const file = path.join(dir, "lighthouse.db");
  const env = {
    ...process.env,
    DATABASE_URL: `file:${file}`,
    NEXT_TELEMETRY_DISABLED: "1",
    BENCH_BASELINE: "1",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
    PUBLIC_READ: "true",
  };
  execFileSync("npm", ["run", "--silent", "db:deploy"], { env, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "ignore" });
  // /import and /admin are an analyst's and an admin's: audited signed in.
  const admin = createBenchAdmin(env);
  const log = path.join(dir, "lighthouse-server.log");
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  await withServer({ env, port, log }, async () => {
    try {
      chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        chromeFlags: ["--headless=new", ...chromiumFlags],
      });
      const base = `http://127.0.0.1:${port}`;
      await waitFor(`${base}/bench/baseline`);
      const pages = await pagesOf(base);
      const signedIn = { Cookie: await signIn(base, admin) };
      await audit(`${base}/dashboard`, chrome.port); // warm-up: the server's first render of each route
      const runs = new Map<string, Run[]>(pages.map(([name]) => [name, []]));
      for (let round = 0; round < rounds; round++) {
        for (const [name, address, who] of pages) {
          const run = await audit(base + address, chrome.port, who ? signedIn : undefined);
          console.log(
            `  lighthouse round ${round + 1}, ${name}: score ${run.score}, TBT ${Math.round(run.tbt)} ms, CLS ${run.cls.toFixed(3)}, LCP ${Math.round(run.lcp)} ms`,
          );
          runs.get(name)!.push(run);
        }
      }
      const bareScript = median(runs.get("bare page")!.map((run) => run.scriptKib));
      for (const [name] of pages) {
        const of = (pick: (run: Run) => number) => median(runs.get(name)!.map(pick));
        record(
          `lighthouse ${name}: performance (median of ${rounds}, target ≥ 95)`,
          of((r) => r.score),
        );
        record(`lighthouse ${name}: total blocking time (ms, target ≤ 150)`, Math.round(of((r) => r.tbt)));
        record(
          `lighthouse ${name}: cumulative layout shift (target ≤ 0.02)`,
          of((r) => r.cls),
        );
        record(
          `lighthouse ${name}: largest contentful paint (ms, target ≤ 2000)`,
          Math.round(of((r) => r.lcp)),
        );
        if (name !== "bare page")
          record(
            `${name}: first-load JavaScript above the bare page (KiB as sent, target ≤ 150)`,
            of((r) => r.scriptKib) - bareScript,
          );
        // Each costs a phone round trips on one of HTTP/1.1's six connections (next.config.ts).
        record(
          `${name}: script requests during the load`,
          of((r) => r.scriptRequests),
        );
      }
      record("bare page: first-load JavaScript (KiB as sent)", bareScript);
      // The emulated phone is this machine slowed 4×: on a slower machine every figure above is worse
      // (Lighthouse warns below 1,000), so compare runs of similar index only.
      record(
        "lighthouse: this machine's CPU benchmark index (median)",
        Math.round(median([...runs.values()].flat().map((run) => run.benchmarkIndex))),
      );
    } finally {
      chrome?.kill();
    }
  });
}
