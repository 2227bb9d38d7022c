import { describe, expect, it } from "vitest";
import { inEnglish } from "@/i18n/translate";
import { instantParam, isoInstant, viewTimeKey, viewTimeOfKey } from "./view-time";
import { describeViewTime } from "./view-time-words";

describe("isoInstant", () => {
  it("reads a moment in UTC, with or without seconds, milliseconds or an offset", () => {
    expect(isoInstant.parse("2026-03-01T12:00").toISOString()).toBe("2026-03-01T12:00:00.000Z");
    expect(isoInstant.parse("2026-03-01T12:00:30Z").toISOString()).toBe("2026-03-01T12:00:30.000Z");
    expect(isoInstant.parse("2026-03-01T12:00:00.25+02:00").toISOString()).toBe("2026-03-01T10:00:00.250Z");
  });

  it("takes a date alone as the end of that UTC day", () => {
    expect(isoInstant.parse("2026-03-01").toISOString()).toBe("2026-03-01T23:59:59.999Z");
  });

  it("refuses what is not a moment, or is outside the dates taken, with a message", () => {
    for (const text of ["yesterday", "2026-02-29T10:00", "2026-03-01T24:00", "2026-03-01T12", "1066-10-14"]) {
      const parsed = isoInstant.safeParse(text);
      expect(parsed.success, text).toBe(false);
      expect(inEnglish(parsed.error?.issues[0]?.message ?? "")).toMatch(/moment|outside/);
    }
  });
});

describe("view times", () => {
  it("survive a cache key and a query value unchanged", () => {
    const time = { asOf: new Date("2026-03-01T00:00:00Z"), knownAt: new Date("2026-04-01T10:00:00.123Z") };
    expect(viewTimeOfKey(viewTimeKey(time))).toEqual(time);
    expect(viewTimeOfKey(viewTimeKey({}))).toEqual({});
    expect(instantParam(new Date("2026-04-01T10:00:00Z"))).toBe("2026-04-01T10:00:00Z");
    expect(isoInstant.parse(instantParam(time.knownAt))).toEqual(time.knownAt);
  });

  it("are said in words, and today says nothing", () => {
    expect(describeViewTime({})).toBeNull();
    expect(
      describeViewTime({ asOf: new Date("2026-03-01T00:00:00Z"), knownAt: new Date("2026-04-01T10:00:00Z") }),
    ).toBe("As it stood at the end of 1 Mar 2026 (UTC), as the tracker knew it at 1 Apr 2026, 10:00 UTC");
  });
});
