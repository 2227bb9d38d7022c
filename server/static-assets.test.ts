import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressStaticAssets, serveStaticAssets } from "./static-assets.mjs";

const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
const style = `.a { color: red }\n`.repeat(200);
const tiny = "x();\n";

let distDir: string;
let server: Server;
let base: string;

/** A raw answer: its status, headers and bytes as sent (not decompressed, unlike fetch's). */
function get(pathname: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    // The path as written, not normalised as a URL would be ("/a/../b" stays so).
    const { hostname, port } = new URL(base);
    const request = httpRequest({ hostname, port, path: pathname, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", reject);
    request.end();
  });
}

beforeAll(async () => {
  distDir = mkdtempSync(path.join(tmpdir(), "static-assets-"));
  mkdirSync(path.join(distDir, "static", "chunks", "[locale]"), { recursive: true });
  mkdirSync(path.join(distDir, "static", "media"), { recursive: true });
  writeFileSync(path.join(distDir, "static", "chunks", "app.js"), script);
  writeFileSync(path.join(distDir, "static", "chunks", "app.css"), style);
  writeFileSync(path.join(distDir, "static", "chunks", "[locale]", "page.js"), script);
  writeFileSync(path.join(distDir, "static", "chunks", "tiny.js"), tiny);
  writeFileSync(path.join(distDir, "static", "media", "font.woff2"), Buffer.alloc(4096, 7));
  // Beside the static folder, which no request may reach.
  writeFileSync(path.join(distDir, "secret.js"), script);
  writeFileSync(path.join(distDir, "secret.js.br"), script);

  await precompressStaticAssets(distDir);
  const serveStatic = serveStaticAssets(distDir);
  server = createServer((request, response) => {
    if (serveStatic(request, response)) return;
    // What Next.js would answer, marked, with the request as it reached it.
    response.writeHead(299, { "content-type": "application/json" });
    response.end(JSON.stringify({ url: request.url, headers: request.headers }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(distDir, { recursive: true, force: true });
});

describe("precompressStaticAssets", () => {
  it("writes brotli and gzip copies of the text assets, not of small files or fonts", async () => {
    const own = mkdtempSync(path.join(tmpdir(), "static-assets-"));
    try {
      mkdirSync(path.join(own, "static", "chunks"), { recursive: true });
      writeFileSync(path.join(own, "static", "chunks", "app.js"), script);
      writeFileSync(path.join(own, "static", "chunks", "tiny.js"), tiny);
      writeFileSync(path.join(own, "static", "chunks", "font.woff2"), Buffer.alloc(4096, 7));
      const result = await precompressStaticAssets(own);
      expect(readdirSync(path.join(own, "static", "chunks")).sort()).toEqual([
        "app.js",
        "app.js.br",
        "app.js.gz",
        "font.woff2",
        "tiny.js",
      ]);
      expect(result.files).toBe(1);
      expect(result.before).toBe(Buffer.byteLength(script));
      expect(result.after).toBeLessThan(result.before / 4);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});

describe("serveStaticAssets", () => {
  it("sends brotli to a browser that takes it, with the headers of an immutable, safe asset", async () => {
    const answer = await get("/_next/static/chunks/app.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
    expect(answer.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.headers["vary"]).toBe("Accept-Encoding");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["x-frame-options"]).toBe("DENY");
  });

  it("sends gzip to a client that takes only gzip", async () => {
    const gz = await get("/_next/static/chunks/app.css?v=1", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(gunzipSync(gz.body).toString()).toBe(style);
  });

  it("follows the header's weights: brotli refused (q=0) or weighed below gzip is not sent", async () => {
    for (const [header, encoding] of [
      ["br;q=0, gzip", "gzip"],
      ["br;q=0.5, gzip", "gzip"],
      ["gzip;q=0.5, br", "br"],
      ["*", "br"],
    ] as const) {
      const answer = await get("/_next/static/chunks/app.js", { "accept-encoding": header });
      expect({ header, encoding: answer.headers["content-encoding"] }).toEqual({ header, encoding });
    }
  });

  it("finds an asset by its address as Next.js writes it (brackets encoded)", async () => {
    const answer = await get("/_next/static/chunks/%5Blocale%5D/page.js", { "accept-encoding": "br" });
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  it("answers 304, with the asset's headers, to a reader holding the same encoding's copy", async () => {
    const first = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" });
    const etag = first.headers["etag"] as string;
    const again = await get("/_next/static/chunks/app.js", {
      "accept-encoding": "br",
      "if-none-match": `"other", ${etag}`,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["etag"]).toBe(etag);
    expect(again.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(again.headers["vary"]).toBe("Accept-Encoding");
    // The gzip copy is another representation: its own tag, so the brotli one does not match it.
    const gzip = await get("/_next/static/chunks/app.js", {
      "accept-encoding": "gzip",
      "if-none-match": etag,
    });
    expect(gzip.status).toBe(200);
    expect(gzip.headers["etag"]).not.toBe(etag);
  });

  it("sends the whole asset whatever range is asked, a malformed one included", async () => {
    const answer = await get("/_next/static/chunks/app.js", { "accept-encoding": "br", range: "bytes=9-3" });
    expect(answer.status).toBe(200);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  it("answers a HEAD with the headers alone", async () => {
    const answer = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" }, "HEAD");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(Number(answer.headers["content-length"])).toBeGreaterThan(0);
    expect(answer.body.length).toBe(0);
  });

  it("keeps sending the assets it started with after their files are gone (a rebuild under it)", async () => {
    const own = mkdtempSync(path.join(tmpdir(), "static-assets-"));
    mkdirSync(path.join(own, "static", "chunks"), { recursive: true });
    writeFileSync(path.join(own, "static", "chunks", "app.js"), script);
    await precompressStaticAssets(own);
    const serve = serveStaticAssets(own);
    rmSync(own, { recursive: true, force: true });
    const gone = createServer((request, response) => {
      if (!serve(request, response)) response.writeHead(299).end();
    });
    await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
    const saved = base;
    base = `http://127.0.0.1:${(gone.address() as AddressInfo).port}`;
    try {
      const answer = await get("/_next/static/chunks/app.js", { "accept-encoding": "br" });
      expect(answer.status).toBe(200);
      expect(brotliDecompressSync(answer.body).toString()).toBe(script);
    } finally {
      base = saved;
      await new Promise((resolve) => gone.close(resolve));
    }
  });

  it("refuses any other method on the assets with 405", async () => {
    for (const pathname of ["/_next/static/chunks/app.js", "/_next/static/chunks/tiny.js"]) {
      const answer = await get(pathname, {}, "POST");
      expect(answer.status).toBe(405);
      expect(answer.headers["allow"]).toBe("GET, HEAD");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(JSON.parse(answer.body.toString())).toEqual({
        error: { message: "Static assets are only read (GET or HEAD)." },
      });
    }
  });

  it("leaves to Next.js, untouched, what it has no copy for, other paths, and plain readers", async () => {
    for (const [pathname, encoding] of [
      ["/_next/static/chunks/tiny.js", "br"],
      ["/_next/static/media/font.woff2", "br"],
      ["/_next/static/chunks/missing.js", "br"],
      ["/_next/static/../secret.js", "br"],
      ["/_next/static/chunks/../../secret.js", "br"],
      ["/pledges", "br"],
      ["/_next/static/chunks/app.js?v=2", "identity"],
      ["/_next/static/chunks/app.js", "br;q=0, gzip;q=0"],
    ] as const) {
      const answer = await get(pathname, { "accept-encoding": encoding, range: "bytes=0-9" });
      expect(answer.status, pathname).toBe(299);
      const seen = JSON.parse(answer.body.toString()) as { url: string; headers: Record<string, string> };
      expect(seen.url).toBe(pathname);
      expect(seen.headers["accept-encoding"]).toBe(encoding);
      expect(seen.headers["range"]).toBe("bytes=0-9");
    }
  });

  it("leaves everything to Next.js when there is no build", async () => {
    const none = serveStaticAssets(path.join(distDir, "no-such-build"));
    const request = {
      method: "GET",
      url: "/_next/static/chunks/app.js",
      headers: { "accept-encoding": "br" },
    };
    expect(none(request as never, {} as never)).toBe(false);
  });
});
