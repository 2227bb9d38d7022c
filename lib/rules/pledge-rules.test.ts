import { describe, expect, it } from "vitest";
import { periodStart, pledgeRuleMessages, pledgeShapeProblems } from "./pledge-rules";

describe("pledgeShapeProblems", () => {
  it("accepts a single figure, a range and a due date on or after the announcement", () => {
    const announcedOn = new Date("2026-02-01");
    expect(
      pledgeShapeProblems({ quantityLow: 5n, quantityHigh: 5n, announcedOn, dueOn: announcedOn }),
    ).toEqual({});
    expect(pledgeShapeProblems({ quantityLow: 5n, quantityHigh: 9n })).toEqual({});
    expect(pledgeShapeProblems({})).toEqual({});
  });

  it("names the field to fix for a range upside down, a highest figure alone and a due date too early", () => {
    expect(pledgeShapeProblems({ quantityLow: 9n, quantityHigh: 5n })).toEqual({
      quantityHigh: pledgeRuleMessages.highBelowLow,
    });
    expect(pledgeShapeProblems({ quantityLow: null, quantityHigh: 5n })).toEqual({
      quantityLow: pledgeRuleMessages.highWithoutLow,
    });
    expect(
      pledgeShapeProblems({ announcedOn: new Date("2026-02-01"), dueOn: new Date("2026-01-31") }),
    ).toEqual({ dueOn: pledgeRuleMessages.dueBeforeAnnouncement });
  });
});

describe("periodStart", () => {
  it("stores a month's or a year's date as the period's first day, and leaves a day or unknown as it is", () => {
    const day = new Date("2022-03-15T00:00:00Z");
    expect(periodStart(day, "month")).toEqual(new Date("2022-03-01T00:00:00Z"));
    expect(periodStart(day, "year")).toEqual(new Date("2022-01-01T00:00:00Z"));
    expect(periodStart(day, "day")).toBe(day);
    expect(periodStart(day, "unknown")).toBe(day);
  });
});
