// @ts-check
// The build's scripts and styles (/_next/static) compressed once, at build time, at brotli's and
// gzip's highest settings, and sent as they were written. Otherwise server.mjs would compress each
// response as it goes, at a level fast enough to do per request: brotli at quality 11 sends a
// phone's first load about an eighth fewer bytes and costs the server nothing per request.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import Negotiator from "negotiator";
import { securityHeaders } from "./security-headers.mjs";

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * The build's folder in the project at `projectRoot`, as next.config.ts names it: `.next`, or the
 * bench's second build (BENCH_DIST_DIR).
 */
export function buildFolder(projectRoot) {
  return path.join(projectRoot, process.env.BENCH_DIST_DIR ?? ".next");
}

/** Where the build's static folder is served. */
const prefix = "/_next/static/";

/** What compresses, by ending, with the type it is sent as (as Next.js sends it). Fonts and images are compressed already. */
const contentTypes = new Map([
  [".js", "application/javascript; charset=utf-8"],
  [".mjs", "application/javascript; charset=utf-8"],
  [".css", "text/css; charset=utf-8"],
  [".json", "application/json; charset=utf-8"],
  [".map", "application/json; charset=utf-8"],
  [".txt", "text/plain; charset=utf-8"],
  [".svg", "image/svg+xml"],
]);

/** The encodings the assets are kept in, best first. "identity" is Next.js's to send. */
const encodings = ["br", "gzip", "identity"];

/** Smaller than this, a file's compressed copy saves less than its headers cost. */
const smallest = 1024;

/** A year, and never revalidated: an asset's name changes with its content. As Next.js says it. */
const cacheControl = "public, max-age=31536000, immutable";

/**
 * Writes `file.br` and `file.gz` beside every compressible file of the build's static folder, each
 * only when it is smaller than the file. Returns how many files got copies, and their bytes before
 * and after (brotli), for the log.
 */
export async function precompressStaticAssets(distDir) {
  const root = path.join(distDir, "static");
  const queue = (await readdir(root, { recursive: true })).filter((name) =>
    contentTypes.has(path.extname(name)),
  );
  let files = 0;
  let before = 0;
  let after = 0;
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
      if (br.length >= content.length) continue;
      await writeFile(`${file}.br`, br);
      if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
      files += 1;
      before += content.length;
      after += br.length;
    }
  }
  // Brotli at quality 11 is CPU-bound: a file per core at a time (each with its gzip beside it).
  await Promise.all(Array.from({ length: availableParallelism() }, work));
  return { files, before, after };
}

/**
 * The copies of the build's compressed assets, read into memory: under a megabyte and a half for
 * this app, and sent with one write each, nothing left open on disk should a reader go away or the
 * folder be rebuilt under a running server. Keyed by the path under the prefix, as a URL has it.
 */
function readCopies(root) {
  /** @type {Map<string, { br: Buffer; gzip: Buffer | null; type: string; etag: string }>} */
  const copies = new Map();
  let names;
  try {
    names = /** @type {string[]} */ (readdirSync(root, { recursive: true }));
  } catch (error) {
    // No build yet (a server started before any): Next.js answers every request.
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return copies;
    throw error;
  }
  for (const name of names) {
    if (!name.endsWith(".br")) continue;
    const original = name.slice(0, -3);
    const type = contentTypes.get(path.extname(original));
    if (!type) continue;
    const br = readFileSync(path.join(root, name));
    let gz = null;
    try {
      gz = readFileSync(path.join(root, `${original}.gz`));
    } catch {
      // No gzip copy (it was not smaller): Next.js answers gzip's readers, plain.
    }
    // From the content, so that every instance built from the same sources says the same.
    const etag = `"${createHash("sha256").update(br).digest("base64url").slice(0, 27)}"`;
    copies.set(original.split(path.sep).map(encodeURIComponent).join("/"), { br, gzip: gz, type, etag });
  }
  return copies;
}

/**
 * The handler of /_next/static requests for the assets compressed at build time: it answers one
 * (as brotli or gzip, as the request's Accept-Encoding weighs them) and says true, or says false and
 * leaves the request, untouched, to Next.js: another path, an asset without compressed copies, a
 * reader who takes neither encoding. Any method but GET and HEAD on the assets is refused.
 */
export function serveStaticAssets(distDir) {
  const copies = readCopies(path.join(distDir, "static"));

  /**
   * @param {import("node:http").IncomingMessage} request
   * @param {import("node:http").ServerResponse} response
   */
  return function handle(request, response) {
    const url = request.url ?? "";
    if (!url.startsWith(prefix)) return false;
    if (request.method !== "GET" && request.method !== "HEAD") {
      // Next.js answered a POST of an existing asset with 500 (seen on this build).
      response.writeHead(405, {
        ...headersOf(securityHeaders),
        allow: "GET, HEAD",
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
      });
      response.end(JSON.stringify({ error: { message: "Static assets are only read (GET or HEAD)." } }));
      return true;
    }
    const copy = copies.get(url.slice(prefix.length).split("?")[0] ?? "");
    if (!copy) return false;
    // The encoding the header's weights choose ("br;q=0" refuses brotli), brotli first of equals.
    const encoding = new Negotiator(request).encodings(encodings, { preferred: encodings })[0];
    const body = encoding === "br" ? copy.br : encoding === "gzip" ? copy.gzip : null;
    if (!body) return false;
    const headers = {
      ...headersOf(securityHeaders),
      "cache-control": cacheControl,
      vary: "Accept-Encoding",
      etag: `${copy.etag.slice(0, -1)}-${encoding}"`,
    };
    // The whole asset, always (a Range is not honoured: a piece of a compressed copy is no use).
    if (request.headers["if-none-match"]?.split(/\s*,\s*/).includes(headers.etag)) {
      response.writeHead(304, headers);
      response.end();
      return true;
    }
    response.writeHead(200, {
      ...headers,
      "content-type": copy.type,
      "content-encoding": /** @type {string} */ (encoding),
      "content-length": body.length,
    });
    response.end(request.method === "HEAD" ? undefined : body);
    return true;
  };
}

/** A list of headers as an object. */
function headersOf(list) {
  return Object.fromEntries(list.map(({ key, value }) => [key, value]));
}
