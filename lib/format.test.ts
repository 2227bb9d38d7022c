import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatLongDate,
  formatDateAt,
  formatDelivered,
  formatPledgeQuantity,
  formatSize,
  fullStop,
  joinWords,
  isoDateAt,
  isoDay,
} from "./format";

describe("format", () => {
  it("shows and exports a date at the precision it is known to, never as a day nobody stated", () => {
    const march = new Date(Date.UTC(2022, 2, 1));
    expect(formatDateAt(march, "day")).toBe("1 Mar 2022");
    expect(formatDateAt(march, "month")).toBe("Mar 2022");
    expect(formatDateAt(march, "year")).toBe("2022");
    expect(formatDateAt(march, "unknown")).toBe("Unknown (recorded by 1 Mar 2022)");
    expect([isoDateAt(march, "day"), isoDateAt(march, "month"), isoDateAt(march, "year")]).toEqual([
      "2022-03-01",
      "2022-03",
      "2022",
    ]);
    expect(isoDateAt(march, "unknown")).toBe("");
  });

  it("shows dates in UTC whatever the server's zone", () => {
    const lateInTheDay = new Date("2026-01-06T23:30:00.000Z");
    expect(formatDate(lateInTheDay)).toBe("6 Jan 2026");
    expect(isoDay(lateInTheDay)).toBe("2026-01-06");
  });

  it("keeps a pledge's quantity as stated", () => {
    const stated = {
      quantityLow: 30_000n,
      quantityHigh: 30_000n,
      quantityUnit: "personnel",
      quantityQualifier: "up_to" as const,
    };
    expect(formatPledgeQuantity(stated)).toBe("up to 30,000 personnel");
    expect(formatPledgeQuantity({ ...stated, quantityHigh: 40_000n, quantityQualifier: "exact" })).toBe(
      "30,000–40,000 personnel",
    );
    expect(formatPledgeQuantity({ ...stated, quantityLow: null })).toBeNull();
    expect(formatDelivered(1_250n, "EUR")).toBe("12.50 EUR");
    expect(formatDelivered(null, "EUR")).toBeNull();
  });

  it("writes a file's size in the unit a download shows", () => {
    expect(formatSize(1)).toBe("1 byte");
    expect(formatSize(999)).toBe("999 bytes");
    expect(formatSize(14_200)).toBe("14 kB");
    expect(formatSize(3_240_000)).toBe("3.2 MB");
  });
});

describe("dates in each language", () => {
  const summit = new Date("2026-01-06T00:00:00Z");
  it("writes the day as the language does, in UTC", () => {
    expect(formatDate(summit, "en")).toBe("6 Jan 2026");
    expect(formatDate(summit, "uk")).toBe("6 січня 2026 р.");
    expect(formatDate(summit, "fr")).toBe("6 janvier 2026");
  });

  it("writes the first of a month as French does, an ordinal, and only in French", () => {
    const first = new Date("2026-02-01T09:30:00Z");
    expect(formatDate(first, "fr")).toBe("1er février 2026");
    expect(formatLongDate(first, "fr")).toBe("1er février 2026");
    expect(formatDateTime(first, "fr")).toMatch(/^1er février 2026/);
    expect(formatDate(first, "en")).toBe("1 Feb 2026");
    expect(formatDate(first, "uk")).toBe("1 лютого 2026 р.");
    expect(formatDate(new Date("2026-02-11T00:00:00Z"), "fr")).toBe("11 février 2026");
  });

  it("writes a month, a year and an unknown date at their precision", () => {
    const march = new Date("2022-03-01T00:00:00Z");
    expect(formatDateAt(march, "month", "uk")).toBe("березень 2022 р.");
    expect(formatDateAt(march, "month", "fr")).toBe("mars 2022");
    expect(formatDateAt(march, "year", "fr")).toBe("2022");
    expect(formatDateAt(summit, "unknown", "uk")).toBe("Невідомо (записано до 6 січня 2026 р.)");
  });
});

describe("sentences and lists in each language", () => {
  it("ends a sentence with one full stop, after an abbreviation's too", () => {
    expect(fullStop("6 січня 2026 р.")).toBe("6 січня 2026 р.");
    expect(fullStop("as of 6 January 2026")).toBe("as of 6 January 2026.");
    expect(fullStop("за записами на 6 січня 2026 р..")).toBe("за записами на 6 січня 2026 р.");
  });

  it("joins items as each language does", () => {
    expect(joinWords(["a", "b", "c"])).toBe("a, b and c");
    expect(joinWords(["a", "b", "c"], "uk")).toBe("a, b і c");
    expect(joinWords(["a", "b"], "fr", "disjunction")).toBe("a ou b");
  });
});
