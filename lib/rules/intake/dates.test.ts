import { describe, expect, it } from "vitest";
import { suggestedPublicationDate } from "./dates";

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

describe("the publication date a document suggests", () => {
  it.each([
    ["PARIS, January 7, 2026 – Leaders concluded a summit.", "2026-01-07"],
    ["Published 6 January 2026. The talks…", "2026-01-06"],
    ["date 2026-01-07 The United States endorsed…", "2026-01-07"],
    ["On Jan. 6th, 2026, leaders met.", "2026-01-06"],
    ["Sept 30, 2025: the coalition met.", "2025-09-30"],
  ])("reads %j", (text, expected) => {
    expect(day(suggestedPublicationDate(text))).toBe(expected);
  });

  it("takes the first date written, not a later one", () => {
    expect(day(suggestedPublicationDate("7 January 2026. The war began on 24 February 2022."))).toBe(
      "2026-01-07",
    );
  });

  it.each(["Last Tuesday the city met.", "31 February 2026 was no day.", "In 2026 leaders met."])(
    "suggests none from %j",
    (text) => {
      expect(suggestedPublicationDate(text)).toBeNull();
    },
  );

  it("looks only at the opening", () => {
    expect(suggestedPublicationDate(`${"x ".repeat(1500)} 7 January 2026`)).toBeNull();
  });
});
