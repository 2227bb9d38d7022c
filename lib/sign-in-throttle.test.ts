import { describe, expect, it } from "vitest";
import {
  afterFailure,
  lockedForSeconds,
  signInThrottle,
  waitInWords,
  type FailureRecord,
} from "./sign-in-throttle";

const fail = (times: number, start = 0, gapMs = 1000) => {
  let record: FailureRecord | null = null;
  for (let i = 0; i < times; i++) record = afterFailure(record, start + i * gapMs);
  return record;
};

describe("sign-in throttle", () => {
  it("allows the free failures, then locks the account for 30 s, doubling with each further failure", () => {
    const four = fail(4);
    expect(lockedForSeconds(four, "account", 4000)).toBe(0);
    const five = afterFailure(four, 5000);
    expect(lockedForSeconds(five, "account", 5000)).toBe(30);
    expect(lockedForSeconds(five, "account", 5000 + 29_500)).toBe(1);
    expect(lockedForSeconds(five, "account", 5000 + 30_000)).toBe(0);
    const six = afterFailure(five, 40_000);
    expect(lockedForSeconds(six, "account", 40_000)).toBe(60);
    const many = fail(30, 0, 1);
    expect(lockedForSeconds(many, "account", 30)).toBe(signInThrottle.maxLockSeconds);
  });

  it("gives an address more free failures than an account", () => {
    const record = fail(19);
    expect(lockedForSeconds(record, "account", 19_000)).toBeGreaterThan(0);
    expect(lockedForSeconds(record, "address", 19_000)).toBe(0);
    expect(lockedForSeconds(afterFailure(record, 19_000), "address", 19_000)).toBe(30);
  });

  it("forgets failures a window after the latest one", () => {
    const record = fail(5);
    const later = 4000 + signInThrottle.windowSeconds * 1000 + 1;
    expect(lockedForSeconds(record, "account", later)).toBe(0);
    expect(afterFailure(record, later).failures).toBe(1);
  });

  it("says how long to wait in words", () => {
    expect(waitInWords(1)).toBe("1 second");
    expect(waitInWords(30)).toBe("30 seconds");
    expect(waitInWords(900)).toBe("15 minutes");
    expect(waitInWords(1, "uk")).toBe("1 секунду");
    expect(waitInWords(30, "uk")).toBe("30 секунд");
    expect(waitInWords(900, "fr")).toBe("15 minutes");
    expect(waitInWords(2, "fr")).toBe("2 secondes");
  });
});
