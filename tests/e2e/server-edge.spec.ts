// The production server (server.mjs) as an attacker meets it: bodies refused before they are read,
// addresses Next.js could not decode answered 400, and a bad environment stopping it at start.
import { spawn } from "node:child_process";
import { Agent, get as httpGet } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";

/**
 * An answer as sent, asking for `encoding` (Playwright's own client would decompress it): its status,
 * encoding, Cache-Control and body bytes.
 */
function rawAnswer(url: string, encoding: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; encoding?: string; cache?: string; body: Buffer }>(
    (resolve, reject) => {
      httpGet(url, { headers: { "accept-encoding": encoding, ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            encoding: response.headers["content-encoding"],
            cache: response.headers["cache-control"],
            body: Buffer.concat(chunks),
          }),
        );
      }).on("error", reject);
    },
  );
}

test.describe("the HTTP edge", () => {
  test("refuses a 30 MB sign-in body unread, and the server stays responsive", async ({
    request,
    baseURL,
  }) => {
    // Most of the time is the client building and sending 30 MB: it ran 19–31 s on two busy cores.
    test.setTimeout(90_000);
    const response = await request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL!, "content-type": "application/json" },
      data: "[".repeat(30 * 1024 * 1024),
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).error.message).toMatch(/larger than 16 KB/);
    expect((await request.get("/api/v1/summary")).status()).toBe(200);
  });

  test("queues at most two briefings per person, telling the third to wait", async ({ request }) => {
    test.setTimeout(90_000);
    const statuses = await Promise.all(
      Array.from({ length: 4 }, () => request.get("/api/v1/exports/briefing.pdf").then((r) => r.status())),
    );
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
  });

  test("keeps an idle connection open longer than a client's pause, so reusing it never hangs up", async ({
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const request = httpGet(`${baseURL}/login`, { agent }, (response) => {
          response.resume();
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, reused: request.reusedSocket }),
          );
        });
        request.on("error", reject);
      });
    expect(await get()).toEqual({ status: 200, reused: false });
    // Longer than Node's default of 5 s, which closed the connection under the client's feet.
    await new Promise((resolve) => setTimeout(resolve, 7000));
    expect(await get()).toEqual({ status: 200, reused: true });
    agent.destroy();
  });

  test("sends a page's scripts and styles compressed at build time: brotli, or gzip to a client without it", async ({
    baseURL,
    request,
  }) => {
    const html = await (await request.get("/login")).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1]!,
    );
    expect(assets.length).toBeGreaterThan(3);
    const raw = async (path: string, encoding: string) => {
      const { body, ...answer } = await rawAnswer(`${baseURL}${path}`, encoding);
      return { ...answer, bytes: body.length };
    };
    // The largest of them (the framework's), whose copies the build wrote (npm's postbuild).
    const sized = await Promise.all(
      assets.map(async (path) => ({ path, plain: await raw(path, "identity") })),
    );
    const largest = sized.sort((a, b) => b.plain.bytes - a.plain.bytes)[0]!;
    const br = await raw(largest.path, "gzip, deflate, br");
    const gz = await raw(largest.path, "gzip");
    expect({ status: br.status, encoding: br.encoding, cache: br.cache }).toEqual({
      status: 200,
      encoding: "br",
      cache: "public, max-age=31536000, immutable",
    });
    expect(gz.encoding).toBe("gzip");
    expect(br.bytes).toBeLessThan(gz.bytes);
    expect(gz.bytes).toBeLessThan(largest.plain.bytes / 2);
    // Only read: any other method is refused, not answered 500.
    expect((await request.post(largest.path, { data: "x" })).status()).toBe(405);
  });

  test("sends pages and API answers brotli-compressed to a browser that takes it, gzip to one that does not", async ({
    baseURL,
    request,
  }) => {
    // The API answers only the signed-in (the viewer here); the sign-in page only the signed-out.
    const cookie = (await request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    // An answer as sent (status, encoding, bytes) and as read, its nonces (new each time) set aside.
    const answer = async (path: string, encoding: string, headers: Record<string, string>) => {
      const { status, encoding: sentAs, body } = await rawAnswer(`${baseURL}${path}`, encoding, headers);
      const plain =
        sentAs === "br" ? brotliDecompressSync(body) : sentAs === "gzip" ? gunzipSync(body) : body;
      const text = plain.toString("utf8").replace(/[0-9a-f]{32}/g, "nonce");
      return { status, encoding: sentAs, sent: body.length, text };
    };
    // A page, and a route's JSON (whose Content-Type Next.js sets as a list: server.mjs).
    for (const [path, whole, headers] of [
      ["/login", "Sign in to Pledgewatch", {}],
      ["/api/v1/pledges", '"data"', { cookie }],
    ] as const) {
      const [br, gz, plain] = await Promise.all([
        answer(path, "gzip, deflate, br", headers),
        answer(path, "gzip", headers),
        answer(path, "identity", headers),
      ]);
      expect([br.status, gz.status, plain.status], path).toEqual([200, 200, 200]);
      expect([br.encoding, gz.encoding, plain.encoding], path).toEqual(["br", "gzip", undefined]);
      expect(plain.text, path).toContain(whole);
      expect(br.text, path).toBe(plain.text);
      expect(gz.text, path).toBe(plain.text);
      expect(br.sent, path).toBeLessThan(gz.sent);
    }
  });

  test("answers 400, not 500, for addresses that cannot be decoded", async ({ request }) => {
    for (const path of ["/api/v1/pledges/%ZZ", "/pledges/%ZZ", "/manage/%E0%A4%A"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(400);
    }
  });
});

/** Starts the server with `env` and resolves with its exit code and what it printed. */
function startWith(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ["server.mjs", "--hostname", "127.0.0.1", "--port", "3297"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test.describe("starting with a bad environment", () => {
  test.describe.configure({ timeout: 180_000 });
  const secret = "e2e-start-secret-0123456789abcdef0123456789";
  for (const [name, env, variable] of [
    ["no session secret", { DATABASE_URL: "file:./data/e2e-start.db" }, "BETTER_AUTH_SECRET"],
    ["no database", { BETTER_AUTH_SECRET: secret }, "DATABASE_URL"],
    [
      "a bad proxy list",
      {
        DATABASE_URL: "file:./data/e2e-start.db",
        BETTER_AUTH_SECRET: secret,
        TRUSTED_PROXIES: "lb.internal",
      },
      "TRUSTED_PROXIES",
    ],
    [
      "half the first admin",
      { DATABASE_URL: "file:./data/e2e-start.db", BETTER_AUTH_SECRET: secret, ADMIN_EMAIL: "a@b.test" },
      "ADMIN_PASSWORD",
    ],
  ] as const) {
    test(`exits non-zero naming ${variable} with ${name}`, async () => {
      const { code, output } = await startWith(env);
      expect(code).toBe(1);
      expect(output).toContain(variable);
    });
  }
});
