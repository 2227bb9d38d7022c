// How failed sign-ins slow an attacker down: failures (never successes) are counted per account
// and per client address; past a few free failures each further one locks that key for twice as
// long as the last, up to a ceiling. Failures are forgotten a window after the latest one.

import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";

export const signInThrottle = {
  /** Failures are forgotten this long after the latest one. */
  windowSeconds: 15 * 60,
  /** Failures allowed before the first lock: few per account, more per address (offices share one). */
  freeFailures: { account: 5, address: 20 },
  firstLockSeconds: 30,
  maxLockSeconds: 15 * 60,
} as const;

export type ThrottleScope = keyof typeof signInThrottle.freeFailures;

/** What is remembered of one key's failures. Times are epoch milliseconds. */
export type FailureRecord = { failures: number; lastFailureAt: number };

function current(record: FailureRecord | null, now: number): FailureRecord | null {
  return record && now - record.lastFailureAt <= signInThrottle.windowSeconds * 1000 ? record : null;
}

/** The failures still remembered at `now`. */
export function liveFailures(record: FailureRecord | null, now: number): number {
  return current(record, now)?.failures ?? 0;
}

/** Seconds to wait before the next attempt under this key; 0 when one may be made now. */
export function lockedForSeconds(record: FailureRecord | null, scope: ThrottleScope, now: number): number {
  const live = current(record, now);
  const free = signInThrottle.freeFailures[scope];
  if (!live || live.failures < free) return 0;
  const lock = Math.min(
    signInThrottle.firstLockSeconds * 2 ** (live.failures - free),
    signInThrottle.maxLockSeconds,
  );
  return Math.max(0, Math.ceil((live.lastFailureAt + lock * 1000 - now) / 1000));
}

/** The record after one more failure at `now`. */
export function afterFailure(record: FailureRecord | null, now: number): FailureRecord {
  return { failures: (current(record, now)?.failures ?? 0) + 1, lastFailureAt: now };
}

/** "30 seconds", "2 minutes": how long to wait, in words, in the reader's language ("30 секунд"). */
export function waitInWords(seconds: number, locale: Locale = "en"): string {
  const { unit, count } = waitUnit(seconds);
  return translator(locale)(unit === "seconds" ? "auth.seconds" : "auth.minutes", { count });
}

/** A wait in the unit it is said in: seconds up to a minute and a half, else whole minutes, rounded up. */
export function waitUnit(seconds: number): { unit: "seconds" | "minutes"; count: number } {
  return seconds < 90
    ? { unit: "seconds", count: seconds }
    : { unit: "minutes", count: Math.ceil(seconds / 60) };
}
