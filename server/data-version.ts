import "server-only";
import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { cache } from "react";
import type { Statement } from "better-sqlite3";
import { FreshEnough, type FreshEnoughOptions } from "@/lib/fresh-enough";
import { db } from "./db";
import { requireDatabaseUrl } from "./env";
import { pageRenderVersion } from "./page-render";
import { openSQLiteReader } from "./prisma-client";

// The data version: a counter the database's triggers move on every write to the tables the figures
// read, from this process or any other. Figures are kept per view and renewed in the background when
// it moves (lib/fresh-enough.ts). A browser that wrote remembers the version of its write, so that
// its next pages wait for figures that include it (read-your-writes), while everyone else may be
// served the previous figures within `maxStaleMs` (or the lag a costlier value is given).

export const ownWriteCookie = "pw-wrote";

// On SQLite, a connection of its own on this thread (server/prisma-client.ts), read-only and never in
// a transaction: the app's connection holds one during every write, and the version read there would
// be that write's, uncommitted (figures lacking the write would be labelled with its version); the
// reader threads may be busy with a history for seconds. Kept per process, as the clients are.
const held = globalThis as unknown as {
  versionStatement?: { url: string; statement: Statement<[number], { version: bigint | number }> | null };
};

/**
 * The counters' rows: the data (what the figures read), access (accounts, sessions, tokens) and the
 * past (what a day before today's figures read). Row 3 is the totals' journal's epoch
 * (features/figures/queries.ts).
 */
const counters = { data: 1, access: 2, past: 4 } as const;

/**
 * The current value of a counter, as committed. One indexed row: on SQLite a microsecond (through
 * Prisma it costs a fifth of a millisecond, and a page asks for the data version for every kind of
 * figure it shows, once per render); on PostgreSQL a query outside any transaction.
 */
async function readCounter(id: number): Promise<number> {
  const url = requireDatabaseUrl();
  if (held.versionStatement?.url !== url)
    held.versionStatement = { url, statement: openSQLiteReader(url)?.prepare(versionSql) ?? null };
  const { statement } = held.versionStatement;
  if (statement) return Number(statement.get(id)?.version ?? 0);
  const row = await db().dataVersion.findUnique({ where: { id }, select: { version: true } });
  return Number(row?.version ?? 0);
}

const versionSql = `SELECT "version" FROM "DataVersion" WHERE "id" = ?`;

/** The data version: moved by every write to what the figures read. */
export const readDataVersion = () => readCounter(counters.data);

/**
 * The past's version: moved only by writes that can change a day before today's figures (backdated
 * events, edits, links, conditions, requirements; migrations 20261204233000_past_version), not by a
 * status change or delivery dated today. A gap history's earlier points are counted again only then.
 */
export const readPastVersion = () => readCounter(counters.past);

/** The access version: moved by every write to accounts, sessions and API tokens (server/access.ts). */
export const readAccessVersion = () => readCounter(counters.access);

/**
 * The data version a page's figures are kept against, read once per server render (React's cache
 * lasts one request; outside a render, each call reads), with when it was read: what a render
 * streams later is as fresh as its start allowed.
 */
const versionOfThisRender = cache(readVersionNow);

async function readVersionNow() {
  const readAt = performance.now();
  return { version: await readDataVersion(), readAt };
}

/**
 * After a write has committed: the browser that made it is told its version (in a server action or
 * a route handler; elsewhere, and for API clients without cookies, nothing is remembered).
 */
export async function rememberOwnWrite(): Promise<void> {
  try {
    const version = await readDataVersion();
    (await cookies()).set(ownWriteCookie, String(version), {
      path: "/",
      // Long enough for the pages after a save; by then every reader's figures include it.
      maxAge: 60,
      sameSite: "lax",
      httpOnly: true,
    });
  } catch (error) {
    unstable_rethrow(error);
    // Not in a request that may set cookies (a render, a script): there is no browser to tell. (Nor
    // when the version cannot be read: the write stands, and the figures catch up within the bound.)
  }
}

/**
 * The oldest data a reader may be shown, given the current version: in a request, that of the
 * reader's own latest write (0 if none), remembered by their browser, or, when this server renders
 * a page to keep it (server/rendered-pages.ts), the version it is kept for, if `forPages`; outside a
 * request (a script, a test), the current data.
 */
async function oldestAllowed(current: number, forPages: boolean): Promise<number> {
  try {
    const own = Number((await cookies()).get(ownWriteCookie)?.value) || 0;
    return forPages ? Math.max(own, pageRenderVersion(await headers())) : own;
  } catch (error) {
    unstable_rethrow(error);
    return current;
  }
}

/** How far behind the data the figures a reader is shown may be: stated in the README. */
const maxStaleMs = 1000;
/**
 * How far behind the figures held fall at least before their renewal starts (README): writes made
 * meanwhile are counted together. Past it, the renewal starts as late as lets one of the usual
 * length end within the bound (`renewLate`). Under the bench's ~5 writes a second, a kept dashboard
 * was rendered again every 0.4 s, each render taking about 0.27 s (median); started late, its
 * renewals start about 0.6 s behind instead, and as early as before when renders take 0.4 s.
 */
const renewAfterMs = 400;

/**
 * A store of values kept fresh enough (lib/fresh-enough.ts), for `max` keys: at most `maxStaleMs`
 * behind the data unless `lag` allows more.
 */
export const freshEnough = <V extends object>(
  max: number,
  lag: Pick<FreshEnoughOptions, "maxStaleMs" | "renewAfterMs" | "renewLate"> = {
    maxStaleMs,
    renewAfterMs,
    renewLate: true,
  },
) => new FreshEnough<V>({ max, ...lag });

/**
 * The value under `key`, kept fresh enough: `make` computes it at the data version it is given. The
 * reader's own latest write, if any, must be in it.
 */
export async function keptFresh<V extends object>(
  store: FreshEnough<V>,
  key: string,
  make: (version: number) => Promise<V>,
  /**
   * The oldest version this caller may be given; by default, the reader's own latest write's, or a
   * kept page's in its render (unless the store allows a longer lag than a page's figures: the page
   * then holds values within their own bound).
   */
  atLeast?: number,
): Promise<V> {
  // `readAt`: just before the version was read; whatever it says was written by then.
  let { version, readAt } = await versionOfThisRender();
  const oldest = atLeast ?? (await oldestAllowed(version, store.maxStaleMs <= maxStaleMs));
  // A write made in this very request (a server action, then its page) is newer than the version
  // this render read first.
  if (oldest > version) ({ version, readAt } = await readVersionNow());
  return store.get(key, version, () => make(version), oldest, readAt);
}
