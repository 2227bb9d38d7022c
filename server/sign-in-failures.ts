import "server-only";
import { isIP } from "node:net";
import {
  afterFailure,
  liveFailures,
  lockedForSeconds,
  signInThrottle,
  type FailureRecord,
  type ThrottleScope,
} from "@/lib/sign-in-throttle";
import type { PrismaClient } from "@/generated/prisma/client";

// Failed sign-ins, counted in the database (Better Auth's RateLimit table, under keys of our own)
// so that every app instance sees the same counts. The rules are in lib/sign-in-throttle.ts.

const keyPrefix = "sign-in-failures:";

export type ThrottleKeys = Record<ThrottleScope, string>;

/**
 * An address as one client: an IPv4 address whole, an IPv6 address by its /64 (one household or
 * host is handed a whole /64, and could otherwise take a new address for every guess).
 */
export function clientNetwork(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = address.includes("::") ? 8 - headGroups.length - tailGroups.length : 0;
  const groups = [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * The client's address for this request. The HTTP edge (server.mjs) has put it in X-Forwarded-For,
 * replacing whatever the client claimed; "unknown" only outside that server.
 */
export function clientAddressOf(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}

export function throttleKeys(email: string, address: string): ThrottleKeys {
  return {
    account: `${keyPrefix}account:${email.trim().toLowerCase()}`,
    address: `${keyPrefix}address:${clientNetwork(address)}`,
  };
}

async function records(client: PrismaClient, keys: ThrottleKeys) {
  const rows = await client.rateLimit.findMany({ where: { key: { in: Object.values(keys) } } });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const record = (key: string): FailureRecord | null => {
    const row = byKey.get(key);
    return row ? { failures: row.count, lastFailureAt: Number(row.lastRequest) } : null;
  };
  return { account: record(keys.account), address: record(keys.address) };
}

/** Counts one attempt as a failure (atomically, so parallel attempts each see their own count). */
async function countAttempt(client: PrismaClient, key: string, now: number): Promise<number> {
  const expired = BigInt(now - signInThrottle.windowSeconds * 1000);
  await client.rateLimit.updateMany({ where: { key, lastRequest: { lt: expired } }, data: { count: 0 } });
  const row = await client.rateLimit.upsert({
    where: { key },
    create: { key, count: 1, lastRequest: BigInt(now) },
    update: { count: { increment: 1 }, lastRequest: BigInt(now) },
  });
  return row.count;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * Whether a sign-in may be tried now. An admitted attempt is already counted as a failure (so a burst
 * of parallel guesses cannot all slip in before the first is counted): settle it with `settleAttempt`.
 */
export async function admitSignIn(
  client: PrismaClient,
  keys: ThrottleKeys,
  now = Date.now(),
): Promise<Admission> {
  const before = await records(client, keys);
  const wait = (scope: ThrottleScope, record: FailureRecord | null) => lockedForSeconds(record, scope, now);
  const locked = Math.max(wait("account", before.account), wait("address", before.address));
  if (locked > 0) return { admitted: false, retryAfterSeconds: locked };
  const counted: string[] = [];
  for (const scope of ["account", "address"] as const) {
    const count = await countAttempt(client, keys[scope], now);
    counted.push(keys[scope]);
    const previous = liveFailures(before[scope], now);
    // Past the free failures, one attempt per lock: a parallel attempt that got here first wins,
    // and this one, never tried, is taken back off the counts.
    if (count > signInThrottle.freeFailures[scope] && count > previous + 1) {
      await uncount(client, counted);
      const record = afterFailure({ failures: count - 1, lastFailureAt: now }, now);
      return { admitted: false, retryAfterSeconds: Math.max(1, lockedForSeconds(record, scope, now)) };
    }
  }
  return { admitted: true };
}

/**
 * After an admitted attempt: a wrong password stays counted; a success clears the account's failures
 * and takes back the address's count; anything else (a malformed request) was no guess at all.
 */
export async function settleAttempt(
  client: PrismaClient,
  keys: ThrottleKeys,
  outcome: "wrong-password" | "signed-in" | "not-a-guess",
): Promise<void> {
  if (outcome === "wrong-password") return;
  if (outcome === "signed-in") await client.rateLimit.deleteMany({ where: { key: keys.account } });
  await uncount(client, outcome === "signed-in" ? [keys.address] : [keys.account, keys.address]);
}

async function uncount(client: PrismaClient, keys: string[]) {
  await client.rateLimit.updateMany({
    where: { key: { in: keys }, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}
