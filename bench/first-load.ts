// What reading Pledgewatch in three languages adds to each route's first load (issue #23: at most
// 15 KiB gzipped on any route). A second production build, with the browser's source maps, in a
// folder of its own (next.config.ts), is served on the seeded Paris data, signed in as an admin,
// and every page route is read in each language as a browser first loads it: the scripts its HTML
// names. Each script's bytes are laid back, through its source map, on the files they came from;
// what came from next-intl and its helpers (use-intl, icu-minify, @formatjs) and from i18n/ is the
// runtime's share. The catalog's words a page hands the browser (its RSC payload's `messages`) are
// the rest. Both gzipped, as sent; the route's whole first-load JavaScript is printed beside them.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { decode } from "@jridgewell/sourcemap-codec";
import Database from "better-sqlite3";
import { localeCookie, locales } from "../i18n/locales";
import { createBenchAdmin, signIn, waitFor, withServer } from "./support";

type Record = (label: string, value: number) => void;

const distDir = ".next-bench";
const target = 15;

/** The sources a script's bytes count as the i18n runtime's. */
const i18nSource =
  /\/node_modules\/(next-intl|use-intl|icu-minify|@formatjs|intl-messageformat)\/|\[project\]\/i18n\//;

const kib = (bytes: number) => bytes / 1024;
const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;

/** A script's text and the part of it that came from the i18n runtime, by its source map. */
function weighScript(file: string) {
  const text = readFileSync(file, "utf8");
  // Turbopack names a script's map in its last line, not after the script.
  const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
  // A script without a map (Next.js's polyfills) is none of the runtime's.
  if (!mapName) return { text, i18n: "" };
  const map = JSON.parse(readFileSync(path.join(path.dirname(file), mapName), "utf8")) as {
    sources: string[];
    mappings: string;
  };
  const lines = text.split("\n");
  let i18n = "";
  decode(map.mappings).forEach((segments, line) => {
    const source = lines[line] ?? "";
    segments.forEach((segment, index) => {
      const from = segment[0];
      const to = segments[index + 1]?.[0] ?? source.length;
      if (segment.length > 1 && i18nSource.test(map.sources[segment[1]!] ?? ""))
        i18n += source.slice(from, to);
    });
  });
  return { text, i18n };
}

/** The Next.js RSC payload a page's HTML carries, in its `self.__next_f.push([1, "…"])` scripts. */
function flightOf(html: string): string {
  let flight = "";
  for (const [, chunk] of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g))
    flight += JSON.parse(chunk!) as string;
  return flight;
}

/** Each JSON object the flight data gives as `"messages":{…}` whose keys are catalog namespaces. */
function messagesOf(flight: string, namespaces: Set<string>): string[] {
  const found: string[] = [];
  for (const match of flight.matchAll(/"messages":\{/g)) {
    const start = match.index! + '"messages":'.length;
    let depth = 0;
    let inString = false;
    for (let at = start; at < flight.length; at++) {
      const char = flight[at];
      if (inString) {
        if (char === "\\") at++;
        else if (char === '"') inString = false;
      } else if (char === '"') inString = true;
      else if (char === "{" || char === "[") depth++;
      else if (char === "}" || char === "]") {
        depth--;
        if (depth === 0) {
          const json = flight.slice(start, at + 1);
          if (Object.keys(JSON.parse(json) as object).every((key) => namespaces.has(key))) found.push(json);
          break;
        }
      }
    }
  }
  return found;
}

/** Every page route and an address of it on the seeded data (made where the seed has none). */
async function routesOf(base: string, cookie: string, database: string) {
  const read = async (address: string) => (await fetch(base + address, { headers: { cookie } })).text();
  const link = (html: string, pattern: RegExp, what: string) => {
    const found = pattern.exec(html)?.[1];
    if (!found) throw new Error(`no ${what} to measure`);
    return found;
  };
  const list = await read("/pledges");
  const pledge = link(list, /href="(\/pledges\/[a-z0-9]{20,})"/, "pledge");
  const pledgePage = await read(pledge);
  const post = async (address: string, body: BodyInit, type: string) => {
    const response = await fetch(base + address, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": type },
      body,
    });
    if (!response.ok) throw new Error(`POST ${address}: ${response.status} ${await response.text()}`);
    return response;
  };
  const release = (await (
    await post("/api/v1/releases", JSON.stringify({ title: "First-load bench" }), "application/json")
  ).json()) as { data: { number: number } };
  const intake = (await (
    await post(
      "/api/v1/intake?title=First-load%20bench",
      "France will send 2,000 troops once a ceasefire holds.",
      "text/plain",
    )
  ).json()) as { address: string };
  // Webhook endpoints are made in /admin's form alone: one is written as that form would.
  const endpoint = `bench${randomBytes(8).toString("hex")}`;
  const db = new Database(database);
  const now = new Date().toISOString().replace("Z", "+00:00");
  db.prepare(
    "INSERT INTO WebhookEndpoint (id, url, events, secret, createdAt, updatedAt) VALUES (?, ?, '*', ?, ?, ?)",
  ).run(endpoint, "https://example.org/hook", `whsec_${randomBytes(24).toString("base64")}`, now, now);
  db.close();
  const manage = await read("/manage/stakeholder");
  return {
    "/": "/",
    "/account": "/account",
    "/admin": "/admin",
    "/admin/webhooks": "/admin/webhooks",
    "/admin/webhooks/[endpointId]": `/admin/webhooks/${endpoint}`,
    "/audit": "/audit",
    "/bench/baseline": "/bench/baseline",
    "/changes": "/changes",
    "/conditions/[conditionSlug]": link(pledgePage + list, /href="(\/conditions\/[a-z0-9-]+)"/, "condition"),
    "/dashboard": "/dashboard",
    "/dashboard/briefing": "/dashboard/briefing",
    "/import": "/import",
    "/inbox": "/inbox",
    "/intake": "/intake",
    "/intake/[sourceId]": intake.address,
    "/login": "/login",
    "/manage": "/manage",
    "/manage/[kind]": "/manage/stakeholder",
    "/manage/[kind]/new": "/manage/stakeholder/new",
    "/manage/[kind]/[recordId]": link(
      manage,
      /href="(\/manage\/stakeholder\/(?!new")[a-z0-9]+)"/,
      "stakeholder record",
    ),
    "/methodology": "/methodology",
    "/pledges": "/pledges",
    "/pledges/[pledgeId]": pledge,
    "/pledges/[pledgeId]/delivery": `${pledge}/delivery`,
    "/pledges/[pledgeId]/edit": `${pledge}/edit`,
    "/pledges/[pledgeId]/status": `${pledge}/status`,
    "/pledges/deleted": "/pledges/deleted",
    "/pledges/new": "/pledges/new",
    "/releases": "/releases",
    "/releases/[number]": `/releases/${release.data.number}`,
    // These two send the reader on, by design, to the dashboard and the list as known at the
    // release's moment (releaseViewAddress): the figure printed is that page's.
    "/releases/[number]/dashboard": `/releases/${release.data.number}/dashboard`,
    "/releases/[number]/pledges": `/releases/${release.data.number}/pledges`,
    "/sources/[sourceSlug]": link(pledgePage, /href="(\/sources\/[a-z0-9-]+)"/, "source"),
    "/stakeholders/[stakeholderSlug]": link(list, /href="(\/stakeholders\/[a-z0-9-]+)"/, "stakeholder"),
  };
}

/** Every page route under app/, as its folder names it. */
function pageRoutes(): string[] {
  const found = execFileSync("find", ["app", "-name", "page.tsx"], { encoding: "utf8" });
  return found
    .trim()
    .split("\n")
    .map((file) => "/" + path.dirname(file).split(path.sep).slice(1).join("/"));
}

export async function benchFirstLoad(dir: string, port: number, record: Record) {
  const env = {
    ...process.env,
    BENCH_DIST_DIR: distDir,
    DATABASE_URL: `file:${path.join(dir, "first-load.db")}`,
    NEXT_TELEMETRY_DISABLED: "1",
    BENCH_BASELINE: "1",
    BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  };
  console.log(`  building with the browser's source maps into ${distDir}/ …`);
  // Next.js points tsconfig.json and next-env.d.ts at its folder's types as it builds: both are
  // put back as they were.
  const written = ["tsconfig.json", "next-env.d.ts"].map(
    (file) => [file, readFileSync(file, "utf8")] as const,
  );
  try {
    execFileSync("npx", ["next", "build"], { env, stdio: "ignore" });
  } finally {
    for (const [file, text] of written) writeFileSync(file, text);
  }
  execFileSync("npm", ["run", "--silent", "db:deploy"], { env, stdio: "ignore" });
  execFileSync("npm", ["run", "--silent", "db:seed"], { env, stdio: "ignore" });
  const admin = createBenchAdmin(env);
  const namespaces = new Set(Object.keys(JSON.parse(readFileSync("messages/en.json", "utf8")) as object));
  const log = path.join(dir, "first-load-server.log");
  await withServer({ env, port, log }, async () => {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/bench/baseline`);
    const session = await signIn(base, admin);
    const addresses: { [route: string]: string } = await routesOf(
      base,
      session,
      path.join(dir, "first-load.db"),
    );
    const unmeasured = pageRoutes().filter((route) => !(route in addresses));
    if (unmeasured.length > 0) throw new Error(`no address to measure ${unmeasured.join(", ")} at`);
    const scripts = new Map<string, ReturnType<typeof weighScript>>();
    let worst = 0;
    for (const [route, address] of Object.entries(addresses)) {
      let most = { locale: "", runtime: 0, messages: 0, all: 0 };
      let landed = address;
      for (const locale of locales) {
        // The sign-in page is read signed out: signed in, it sends the reader on.
        const signedIn = route === "/login" ? "" : `${session}; `;
        const response = await fetch(base + address, {
          headers: { cookie: `${signedIn}${localeCookie}=${locale}` },
        });
        const html = await response.text();
        if (!response.ok) throw new Error(`${address} in ${locale}: ${response.status}`);
        landed = new URL(response.url).pathname;
        const sources = new Set(
          [...html.matchAll(/<script[^>]* src="\/_next\/(static\/[^"?]+\.js)(?:\?[^"]*)?"/g)].map(
            (match) => match[1]!,
          ),
        );
        let runtime = "";
        let all = 0;
        for (const source of sources) {
          if (!scripts.has(source)) scripts.set(source, weighScript(path.join(distDir, source)));
          const script = scripts.get(source)!;
          runtime += script.i18n;
          all += gzipped(script.text);
        }
        const messages = messagesOf(flightOf(html), namespaces);
        if (messages.length === 0) throw new Error(`${address} in ${locale} hands the browser no messages`);
        const sizes = {
          locale,
          runtime: runtime ? gzipped(runtime) : 0,
          messages: gzipped(messages.join("")),
          all,
        };
        if (sizes.runtime + sizes.messages > most.runtime + most.messages) most = sizes;
      }
      const added = kib(most.runtime + most.messages);
      worst = Math.max(worst, added);
      console.log(
        `  ${route}: i18n ${added.toFixed(1)} KiB (runtime ${kib(most.runtime).toFixed(1)} + ${most.locale} words ${kib(most.messages).toFixed(1)}) of ${kib(most.all).toFixed(1)} KiB first-load JavaScript${landed === address ? "" : ` (sent on to ${landed})`}`,
      );
      record(
        `${route}: first-load JavaScript the three languages add (KiB gzipped, target ≤ ${target})`,
        added,
      );
    }
    record(
      `every route: the most first-load JavaScript the three languages add (KiB gzipped, target ≤ ${target})`,
      worst,
    );
  });
}
