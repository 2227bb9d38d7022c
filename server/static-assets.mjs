// @ts-check
// The build's static assets (/_next/static: scripts, styles, fonts) compressed once, at build time,
// at brotli's and gzip's highest settings, and served as they were written. Next.js would gzip each
// response as it goes, at a level fast enough to do per request: brotli at quality 11 sends a
// phone's first load about an eighth fewer bytes and costs the server nothing per request.
import { readdirSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import Negotiator from "negotiator";
import sirv from "sirv";
import { securityHeaders } from "./security-headers.mjs";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The URL prefix of the build's static assets, and the build's folder it maps to (in distDir). */
const prefix = "/_next/static/";

/** What compresses: text. Fonts and images are compressed already. */
const compressible = /\.(js|mjs|css|svg|json|txt|map|html)$/;

/** The encodings the assets are kept in, best first. */
const encodings = ["br", "gzip", "identity"];

/** Smaller than this, a file's compressed copy saves less than its headers cost. */
const smallest = 1024;

/**
 * Writes `file.br` and `file.gz` beside every compressible file of the build's static folder, each
 * only when it is smaller than the file. Returns the bytes before and after (brotli), for the log.
 */
export async function precompressStaticAssets(distDir) {
  const root = path.join(distDir, "static");
  const names = (await readdir(root, { recursive: true })).filter((name) => compressible.test(name));
  let before = 0;
  let after = 0;
  // Two at a time: the machine's two cores, no more (brotli at quality 11 is CPU-bound).
  const queue = [...names];
  async function work() {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const file = path.join(root, name);
      if (!(await stat(file)).isFile()) continue;
      const content = await readFile(file);
      if (content.length < smallest) continue;
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        }),
        gzipped(content, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      before += content.length;
      if (br.length < content.length) {
        await writeFile(`${file}.br`, br);
        after += br.length;
      } else {
        after += content.length;
      }
      if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
    }
  }
  await Promise.all([work(), work()]);
  return { files: names.length, before, after };
}

/**
 * The handler of /_next/static requests for the assets compressed at build time: it serves one (as
 * brotli, gzip or as it is, by the request's Accept-Encoding) and says true, or says false and
 * leaves the request to Next.js (another path or method, an asset without compressed copies).
 * The set of assets is read once: a build's static files never change while its server runs.
 */
export function serveStaticAssets(distDir) {
  const root = path.join(distDir, "static");
  /** @type {Set<string>} the assets' paths under the prefix, without the compressed copies' ending */
  const precompressed = new Set();
  /** @type {ReturnType<typeof sirv> | null} */
  let send = null;
  try {
    for (const name of readdirRecursive(root)) {
      if (name.endsWith(".br")) precompressed.add(name.slice(0, -3).split(path.sep).join("/"));
    }
    send = sirv(root, {
      brotli: true,
      gzip: true,
      etag: true,
      maxAge: 31_536_000,
      immutable: true,
      // Only the assets in `precompressed` come here, so no guessing of other names.
      extensions: [],
      setHeaders(response, pathname) {
        for (const { key, value } of securityHeaders) response.setHeader(key, value);
        // A script or style sheet says its encoding, as Next.js's own responses do.
        if (/\.(js|css)$/.test(pathname)) {
          response.setHeader(
            "Content-Type",
            `${pathname.endsWith(".js") ? "application/javascript" : "text/css"}; charset=utf-8`,
          );
        }
      },
    });
  } catch {
    // No build's static folder (a server started before any build): Next.js answers.
  }

  /**
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   */
  return function handle(request, response) {
    const url = request.url ?? "";
    if (!url.startsWith(prefix)) return false;
    if (request.method !== "GET" && request.method !== "HEAD") {
      // Next.js answers 500 to a POST of an existing asset: the assets are only ever read.
      response.writeHead(405, {
        allow: "GET, HEAD",
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
      });
      response.end(JSON.stringify({ error: { message: "Static assets are only read (GET or HEAD)." } }));
      return true;
    }
    if (!send) return false;
    const name = url.slice(prefix.length).split("?")[0];
    if (!precompressed.has(name)) return false;
    // The whole asset, always: a range of a compressed copy is of no use to a browser, and sirv
    // would pass a malformed one (end before start) to fs.createReadStream, which throws.
    delete request.headers.range;
    // sirv only looks for "br" or "gzip" in Accept-Encoding: it is told the one chosen by the
    // header's q-values ("br;q=0" refuses brotli), brotli first of equals (browsers list gzip first).
    const { url: originalUrl, headers } = request;
    const originalEncoding = headers["accept-encoding"];
    headers["accept-encoding"] =
      new Negotiator(request).encodings(encodings, { preferred: encodings })[0] ?? "identity";
    request.url = `/${name}`;
    // sirv calls `missed` (at once) when it has no such file: then Next.js answers after all.
    let served = true;
    try {
      send(request, response, () => {
        served = false;
      });
    } finally {
      request.url = originalUrl;
      if (originalEncoding === undefined) delete headers["accept-encoding"];
      else headers["accept-encoding"] = originalEncoding;
    }
    return served;
  };
}

/** The file names under `root`, relative to it (synchronously: the server reads them once, at start). */
function readdirRecursive(root) {
  return /** @type {string[]} */ (readdirSync(root, { recursive: true }));
}
