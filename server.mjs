// @ts-check
// Pledgewatch's HTTP server: Next.js behind a thin edge that alone sees the socket. It puts the
// client's real address in X-Forwarded-For (TRUSTED_PROXIES names the proxies whose word is taken)
// and refuses a body too large for its route before reading a byte of it (server/edge.mjs).
// `npm start` runs it; `--hostname` and `--port` (or PORT) say where it listens. It starts a second
// of itself, `--renderer`, to render the pages it keeps and prints (server/renderer.mjs).
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { constants } from "node:zlib";
import nextEnv from "@next/env";
import compression from "compression";
import next from "next";
import { admitRequest, parseTrustedProxies } from "./server/edge.mjs";
import { announceRenderer, separateRendererWanted, startRenderer } from "./server/renderer.mjs";
import { limitHeapGrowth } from "./server/heap-growth.mjs";
import { buildFolder, serveStaticAssets } from "./server/static-assets.mjs";

// This server and its renderer (which runs this file too) collect garbage sooner than V8 would.
limitHeapGrowth();

// .env as Next.js reads it, now: TRUSTED_PROXIES and PORT are needed before Next.js starts.
nextEnv.loadEnvConfig(import.meta.dirname, false);

const { values } = parseArgs({
  options: { hostname: { type: "string" }, port: { type: "string" }, renderer: { type: "boolean" } },
});
const renderer = values.renderer === true;
// Not HOSTNAME from the environment: containers set it to their own name. The renderer is asked by
// its server alone, on a port of the system's choosing.
const hostname = renderer ? "127.0.0.1" : (values.hostname ?? "0.0.0.0");
const port = renderer ? 0 : Number(values.port ?? process.env.PORT ?? 3000);
/** Stops the renderer this server started, if it did. */
let stopRenderer = () => {};
let stopping = false;
// A renderer whose server is gone (ended, killed, crashed) ends too, even while it starts up, or
// before it began to listen for that.
if (renderer) {
  process.once("disconnect", stop);
  if (!process.connected) stop();
}

let trusted;
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

// What Next.js answers is compressed here rather than by Next.js (next.config.ts), which can only
// gzip: brotli at quality 5 takes no more time than gzip at 6 (1.4 ms for the dashboard's 130 KB on
// the seeded data) and sends a fifth less (17 KB rather than 21), and the pages stream as before
// (Next.js flushes each piece). While a response streams it holds some 1.4 MB of native memory
// (gzip 0.3 MB; brotli at quality 4, 0.8 MB but 7 % larger pages); its window of 256 KB rather than
// 4 MB bounds what a long export holds. Next.js sends its headers before its first piece, so no
// answer is too small to compress: a 401's JSON is compressed too.
const compress = compression({
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: 18 } },
  filter(request, response) {
    // The build's own assets are sent as compressed at build time, or plain when that was no smaller.
    if (request.url?.startsWith("/_next/static/")) return false;
    // A write's answer is short, and compressing it doubled a write's time under load (median 44 ms
    // plain, 104–114 compressed: `BENCH_STEPS=writes npm run bench`).
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    // Route handlers' answers (JSON, CSV) come with their Content-Type as a list of one, which the
    // library takes for a type it cannot compress: said as the one value it is, they are compressed.
    const type = response.getHeader("content-type");
    if (Array.isArray(type) && type.length === 1) response.setHeader("content-type", type[0]);
    return compression.filter(request, response);
  },
});

/** The most of a refused body read into nothing before the connection is cut. */
const maxDiscardedBytes = 64 * 1024 * 1024;

/** @type {ReturnType<ReturnType<typeof next>["getRequestHandler"]>} */
let handle;
/** @type {ReturnType<typeof serveStaticAssets>} */
let serveStatic;
const server = createServer((request, response) => {
  const refusal = admitRequest(request, trusted);
  if (refusal) {
    // The body is never kept: it is read into nothing (so that the client hears the answer rather
    // than a reset while it still sends), up to a bound past which the connection is cut.
    let discarded = 0;
    request.on("data", (chunk) => {
      discarded += chunk.length;
      if (discarded > maxDiscardedBytes) request.destroy();
    });
    response.writeHead(refusal.status, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
    });
    response.end(JSON.stringify({ error: { message: refusal.message } }));
    return;
  }
  // Only the renderer listens before Next.js is ready, and only its server asks it, once told.
  if (!handle || !serveStatic) {
    response.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "1" });
    response.end("Starting.");
    return;
  }
  if (serveStatic(request, response)) return;
  compress(request, response, () => void handle(request, response));
});
// A whole request (an import's upload included) must arrive within 150 s, its headers within 20 s.
server.requestTimeout = 150_000;
server.headersTimeout = 20_000;
// An idle kept-alive connection stays open for 65 s (Node's default is 5 s): a client that reuses
// one just as the server closes it gets "socket hang up" (seen from the tests' clients after a few
// seconds' work between requests), and proxies in front keep theirs for 60 s.
server.keepAliveTimeout = 65_000;

// The renderer learns its port by listening; its server asks it nothing before it says where it is.
const listening = renderer
  ? await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, hostname, () => resolve(server.address()));
    })
  : null;
const actualPort = listening && typeof listening === "object" ? listening.port : port;
// The app renders its kept pages and PDFs at http://127.0.0.1:$PORT when it has no renderer
// (server/rendered-pages.ts, features/reports/briefing-pdf.ts).
process.env.PORT = String(actualPort);

const app = next({ dev: false, hostname, port: actualPort, dir: import.meta.dirname });
handle = app.getRequestHandler();
await app.prepare();
// The build's static assets, compressed as it was built.
serveStatic = serveStaticAssets(buildFolder(import.meta.dirname));

if (renderer) announceRenderer(actualPort);
else {
  // A port taken (EADDRINUSE) or refused ends the server, for its supervisor to see.
  server.once("error", (error) => {
    console.error(`Pledgewatch cannot listen on ${hostname}:${port}: ${error.message}`);
    stopRenderer();
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    console.log(`Pledgewatch listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
    // Started once this server has made ready (its start-up has made the first account) and
    // listens: the two do not start up over each other.
    if (separateRendererWanted()) stopRenderer = startRenderer(import.meta.filename);
  });
}

function stop() {
  // Said twice (a signal to the process group, then its server's): once is enough.
  if (stopping) return;
  stopping = true;
  stopRenderer();
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Requests still running after 10 s are cut off.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
