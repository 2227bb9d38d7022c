import { describe, expect, it } from "vitest";
import { pledgePatchSchema, sourceSchema } from "./schemas";

describe("a source's web address", () => {
  it("is checked by the rule in lib/web-address.ts, for the form and the API alike", () => {
    const parsed = sourceSchema.safeParse({ title: "A", url: "javascript:alert(1)" });
    expect(parsed.success).toBe(false);
    expect(sourceSchema.safeParse({ title: "A", url: "https://example.org" }).success).toBe(true);
  });
});

describe("an announcement date known to the month or year", () => {
  it("is stored as the period's first day, from the form and the API alike", () => {
    const patch = (announcedPrecision: string) =>
      pledgePatchSchema.parse({ version: 1, announcedOn: "2022-03-15", announcedPrecision }).announcedOn;
    expect(patch("month")).toEqual(new Date("2022-03-01T00:00:00Z"));
    expect(patch("year")).toEqual(new Date("2022-01-01T00:00:00Z"));
    expect(patch("day")).toEqual(new Date("2022-03-15T00:00:00Z"));
  });
});
