import "server-only";
import { LRUCache } from "lru-cache";
import type { NextRequest } from "next/server";
import { localeHeader } from "@/i18n/locale-header";
import { chooseLocale, localeCookie } from "@/i18n/locales";
import { roleAllows, type Principal } from "@/lib/access";
import { isoDay } from "@/lib/format";
import { authorizeApiRequest } from "./access";
import { freshEnough, ownWriteCookie, readDataVersion } from "./data-version";
import { db } from "./db";
import { developmentMode, internalOrigin, rendererOrigin } from "./env";
import { pageRenderHeaders } from "./page-render";

// Rendering the dashboard costs about 20 ms of the server's one thread (React's two passes over a
// large tree, and 170 KB of HTML with its data), more than twice a plain page, and a crowd of readers
// asks for the same few views. The same view, for the same reader, of the same data on the same day
// is the same document, save for its CSP nonce. So the proxy (proxy.ts) keeps it: rendered once, by a
// request of this server to its renderer (a second process, on another core: server/renderer.mjs) or
// else to itself, and answered to the next readers as text with a nonce of their
// own. It is kept fresh as the figures are (lib/fresh-enough.ts): renewed once the data moves on, in
// the background, at most a second behind the data. Rendered again every few seconds all the same:
// the gap history's earlier points keep a lag of their own, and follow it.

/**
 * The pages kept (proxy.ts names them), with the query parameters they read: an address with any
 * other is not kept. Only pages whose document depends on nothing but the address, the reader (and
 * their language), the data and the day.
 */
export type KeptPaths = ReadonlyMap<string, ReadonlySet<string>>;

/** How old a kept page may be before it is rendered again in the background, data moved or not. */
const refreshAfterMs = 5_000;

/** The headers of a kept page that are said again: the rest are the answer's own. */
const keptHeaders = [
  "content-type",
  "cache-control",
  "vary",
  "link",
  "x-content-type-options",
  "x-frame-options",
  "referrer-policy",
  "permissions-policy",
];

interface RenderedPage {
  /** The document as UTF-8: answered as bytes, never re-encoded (a string body is checked and encoded whole on every answer). */
  body: Buffer;
  /** The nonce the page was rendered with, and where it is in the body: each answer writes its own there. */
  nonce: string;
  nonceAt: number[];
  headers: [string, string][];
  renderedAt: number;
  /** Who rendered it: the renderer process, or this server for itself (server/renderer.mjs). */
  renderedBy: "renderer" | "server";
}

/** How long a render may take before the reader's request is rendered as usual instead. */
const renderTimeoutMs = 10_000;
/** How long keeping pages stops after neither the renderer nor this server could render one. */
const unreachableBackoffMs = 60_000;

/**
 * Whether part of a page failed as it streamed: React then sends the boundary to be rendered in the
 * browser, marked with the error's digest. Such a page is shown to its reader, never kept.
 */
const failedSomewhere = (html: Buffer) => html.includes('$RX("') || html.includes("<template data-dgst=");

/** A page that could not be kept (a redirect, an error, a cookie set): it is rendered per request. */
class NotKept extends Error {}
/** This server's request to itself failed or timed out. */
class Unreachable extends Error {}

const pages = freshEnough<RenderedPage>(64);
/** The pages that could not be kept, by key, with their data version: not tried again at that version. */
const refused = new LRUCache<string, number>({ max: 256, ttl: 60_000 });
const reachable = globalThis as unknown as { pageRendersFailUntil?: number };

/**
 * The kept page this request asks for, as an answer carrying `nonce`, or null when the request must
 * be rendered as usual: another page, a client-side navigation, a reader who may not read it.
 */
export async function keptPage(
  request: NextRequest,
  nonce: string,
  keptPaths: KeptPaths,
): Promise<Response | null> {
  const url = request.nextUrl;
  // `next dev` renders every page anew: its code changes under it.
  if (developmentMode() || Date.now() < (reachable.pageRendersFailUntil ?? 0)) return null;
  const parameters = keptPaths.get(url.pathname);
  if (request.method !== "GET" || !parameters || !isDocumentRequest(request.headers)) return null;
  // Only the view's own parameters: anything else would fill the store with copies of one view.
  if ([...url.searchParams.keys()].some((name) => !parameters.has(name))) return null;
  // Someone who wrote in the last minute is rendered their own page: it waits for their write, in
  // the gap history's earlier points too (server/data-version.ts).
  if (request.cookies.has(ownWriteCookie)) return null;
  // A language named outright (the printer's requests) is not one the key follows.
  if (request.headers.has(localeHeader)) return null;
  let page: RenderedPage;
  try {
    const access = await authorizeApiRequest(request, "read");
    const reader = access.ok ? readerKey(access.principal) : null;
    if (!reader) return null;
    const inbox =
      access.ok && access.principal?.kind === "user" ? await inboxStamp(access.principal.id) : null;
    const readAt = performance.now();
    const version = await readDataVersion();
    // The language the page is written in, chosen as i18n/request.ts chooses it.
    const locale = chooseLocale({
      account: access.ok ? access.principal?.locale : null,
      cookie: request.cookies.get(localeCookie)?.value,
      acceptLanguage: request.headers.get("accept-language"),
    });
    // The day is in the key: a page says "as recorded on" today's date.
    const key = JSON.stringify([url.pathname + url.search, reader, locale, inbox, isoDay(new Date())]);
    if (refused.get(key) === version) return null;
    const render = () => renderPage(request, version);
    try {
      page = await pages.get(key, version, render, 0, readAt);
    } catch (error) {
      if (error instanceof NotKept) refused.set(key, version);
      throw error;
    }
    if (Date.now() - page.renderedAt > refreshAfterMs)
      pages.refresh(key, version, render, readAt).catch(() => undefined);
  } catch (error) {
    // Rendered as usual, then: an error has its page there.
    if (error instanceof Unreachable) {
      reachable.pageRendersFailUntil = Date.now() + unreachableBackoffMs;
      console.error(
        `Pages are rendered per request for a minute: no render of one succeeded (${error.message}). If this server cannot reach itself at ${internalOrigin()}, set INTERNAL_URL.`,
      );
    } else if (!(error instanceof NotKept)) console.error(`A page could not be kept: ${String(error)}`);
    return null;
  }
  if (nonce.length !== page.nonce.length) return null;
  const headers = new Headers(
    page.headers.map(([name, value]) => [name, value.replaceAll(page.nonce, nonce)] as [string, string]),
  );
  headers.set("server-timing", `page;desc="kept", render;desc="${page.renderedBy}"`);
  return new Response(withNonce(page, nonce), { status: 200, headers });
}

/** The kept body with `nonce` (as long as the page's own: both are proxy.ts's) in place of the page's own. */
function withNonce(page: RenderedPage, nonce: string): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(page.body.length);
  body.set(page.body);
  const bytes = Buffer.from(nonce, "latin1");
  for (const at of page.nonceAt) body.set(bytes, at);
  return body;
}

/**
 * Who the page is for, as far as it differs: the reader's name and role (the header shows them).
 * Null for admins, whose dashboard also shows the first-run checklist, counted from the accounts,
 * which the data version does not follow.
 */
function readerKey(principal: Principal | null): string | null {
  if (!principal) return "anonymous";
  if (roleAllows(principal.role, "admin")) return null;
  return JSON.stringify([principal.kind, principal.id, principal.name, principal.role]);
}

/**
 * What a signed-in reader's header count stands on besides the data, which the data version does
 * not follow: when they last marked their inbox read, and their watches.
 */
async function inboxStamp(userId: string) {
  const [user, watches] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: { inboxReadAt: true } }),
    db().watch.aggregate({ where: { userId }, _count: true, _max: { createdAt: true } }),
  ]);
  return [user?.inboxReadAt?.getTime() ?? null, watches._count, watches._max.createdAt?.getTime() ?? null];
}

/**
 * A load of the whole document, by a browser (which says so) or another client asking for HTML: not a
 * client-side navigation or prefetch, whose own headers Next.js hides from the proxy, but which a
 * browser sends as a fetch.
 */
function isDocumentRequest(headers: Headers): boolean {
  const destination = headers.get("sec-fetch-dest");
  return destination ? destination === "document" : (headers.get("accept") ?? "").includes("text/html");
}

/**
 * The page rendered by this server for the reader (their credentials and cookies as sent), with
 * figures that hold every write up to `version`.
 */
async function renderPage(request: NextRequest, version: number): Promise<RenderedPage> {
  const url = request.nextUrl;
  // Not compressed: it is read here, and compressed again (if asked) for each reader.
  const headers = new Headers({
    ...pageRenderHeaders(version),
    accept: "text/html",
    "accept-encoding": "identity",
  });
  // Who the reader is and the language they read in.
  for (const name of ["authorization", "cookie", "accept-language"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // The renderer, else (or should it fail: it may have just ended) this server itself.
  const failures: string[] = [];
  let rendered: { origin: string; response: Response; bytes: Buffer } | null = null;
  for (const origin of new Set([rendererOrigin(), internalOrigin()])) {
    try {
      const response = await fetch(`${origin}${url.pathname}${url.search}`, {
        headers,
        redirect: "manual",
        signal: AbortSignal.timeout(renderTimeoutMs),
      });
      rendered = { origin, response, bytes: Buffer.from(await response.arrayBuffer()) };
      break;
    } catch (error) {
      failures.push(`at ${origin}: ${String(error)}`);
    }
  }
  if (!rendered) throw new Unreachable(failures.join("; "));
  if (failures.length > 0)
    console.error(`The page renderer failed a render, done here instead (${failures[0]}).`);
  const { origin, response, bytes } = rendered;
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  if (response.status !== 200 || response.headers.has("set-cookie") || !nonce || failedSomewhere(bytes))
    throw new NotKept();
  const nonceAt: number[] = [];
  for (let at = bytes.indexOf(nonce); at !== -1; at = bytes.indexOf(nonce, at + nonce.length))
    nonceAt.push(at);
  return {
    body: bytes,
    nonce,
    nonceAt,
    renderedAt: Date.now(),
    renderedBy: origin === internalOrigin() ? "server" : "renderer",
    headers: keptHeaders.flatMap((name) => {
      const value = response.headers.get(name);
      return value === null ? [] : [[name, value] as [string, string]];
    }),
  };
}
