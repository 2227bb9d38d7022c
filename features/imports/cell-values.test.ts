import { inEnglish } from "@/i18n/translate";
import { invalid } from "@/lib/validation-message";
import { describe, expect, it } from "vitest";
import {
  pledgeStatuses,
  pledgeStatusLabels,
  quantityQualifiers,
  qualifierLabels,
  categoryLabels,
  pledgeCategories,
} from "@/lib/rules/vocabulary";
import {
  cellContent,
  readAmount,
  readChoice,
  readConditionName,
  readDate,
  readDateAt,
  readStakeholder,
  splitList,
} from "./cell-values";

const amount = (cell: string | number, unit = "personnel", round = false) => {
  const read = readAmount(cell, unit, { round });
  return read.ok ? read.value.minor : inEnglish(read.message);
};
const day = (cell: string | number | Date) => {
  const read = readDate(cell);
  return read.ok ? read.value.toISOString().slice(0, 10) : inEnglish(read.message);
};

describe("readAmount", () => {
  it("reads thousands separators as the issue's examples write them", () => {
    expect(amount("1,200")).toBe(1200n);
    expect(amount("30 000")).toBe(30000n);
    expect(amount("1\u00a0250\u00a0000,50", "EUR")).toBe(125000050n);
    expect(amount("1,250,000.5", "EUR")).toBe(125000050n);
  });

  it("reads decimal commas only where they cannot be thousands", () => {
    expect(amount("2,5", "EUR")).toBe(250n);
    expect(amount("1.234,56", "EUR")).toBe(123456n);
    expect(amount("1,200", "EUR")).toBe(120000n);
    expect(amount("2,5")).toMatch(/whole numbers/);
  });

  it("keeps money exact: a float-looking cell is read as the decimal a spreadsheet shows", () => {
    expect(amount(0.1 + 0.2, "EUR")).toBe(30n);
    expect(amount(1250000.5, "EUR")).toBe(125000050n);
    expect(amount("0.001", "EUR")).toMatch(/more than 2 decimals/);
  });

  it("rounds fractional cents only when asked, and says by how much", () => {
    expect(amount("10.125", "EUR", true)).toBe(1013n);
    expect(amount(0.125, "EUR", true)).toBe(13n);
    expect(readAmount("1 000,5", "EUR", { round: true })).toEqual({
      ok: true,
      value: { minor: 100050n, roundedBy: null },
    });
    expect(readAmount("-12.5", "EUR", { negative: true })).toEqual({
      ok: true,
      value: { minor: -1250n, roundedBy: null },
    });
    expect(readAmount("-12.5", "EUR")).toEqual({ ok: false, message: invalid("row.negative") });
    // Each refusal names the option that would take the cell, and only that one.
    expect(readAmount("-12.5", "EUR", { correctable: true })).toMatchObject({ fix: "corrections" });
    expect(readAmount("1.005", "EUR")).toMatchObject({ ok: false, fix: "round" });
    const tooPrecise = readAmount(`1.${"1".repeat(21)}`, "EUR", { round: true });
    expect(tooPrecise.ok).toBe(false);
    expect(!tooPrecise.ok && inEnglish(tooPrecise.message)).toMatch(/more decimals than any amount needs/);
    expect(readAmount("10.124", "EUR", { round: true })).toEqual({
      ok: true,
      value: { minor: 1012n, roundedBy: { units: -4n, scale: 3 } },
    });
  });

  it("refuses what is not a non-negative number, saying what was written", () => {
    expect(amount("abc")).toBe('"abc" is not a number');
    expect(amount("-5")).toBe("must not be negative");
    expect(amount(1e16)).toMatch(/too large/);
  });
});

describe("readDateAt", () => {
  const today = new Date(Date.UTC(2026, 11, 2));
  const at = (cell: string | number | Date) => {
    const read = readDateAt(cell, today);
    return read.ok
      ? `${read.value.date.toISOString().slice(0, 10)} ${read.value.precision}`
      : inEnglish(read.message);
  };

  it("reads months and years as their first day with their precision, and a day as before", () => {
    expect(at("2022-03")).toBe("2022-03-01 month");
    expect(at("2022-3")).toBe("2022-03-01 month");
    expect(at("March 2022")).toBe("2022-03-01 month");
    expect(at("Sept. 2022")).toBe("2022-09-01 month");
    expect(at("2022")).toBe("2022-01-01 year");
    expect(at(2022)).toBe("2022-01-01 year");
    expect(at("2022-03-15")).toBe("2022-03-15 day");
    expect(at(new Date(Date.UTC(2022, 2, 15)))).toBe("2022-03-15 day");
  });

  it("takes “unknown” as the day it is read, and refuses what names no month", () => {
    expect(at("Unknown")).toBe("2026-12-02 unknown");
    expect(at("2022-13")).toBe('"2022-13" is not a month');
    expect(at("Smarch 2022")).toBe('"Smarch 2022" is not a month');
    expect(at("1800")).toBe("1800-01-01 is outside the dates Pledgewatch takes (1900-01-01 to 2100-12-31)");
  });
});

describe("readDate", () => {
  it("reads ISO days, timestamps, date cells and written-out dates", () => {
    expect(day("2026-01-06")).toBe("2026-01-06");
    expect(day("2026-01-06T23:30:00+00:00")).toBe("2026-01-06");
    expect(day(new Date(Date.UTC(2026, 0, 6)))).toBe("2026-01-06");
    expect(day("6 January 2026")).toBe("2026-01-06");
    expect(day("Jan 6, 2026")).toBe("2026-01-06");
    expect(day("25/12/2026")).toBe("2026-12-25");
    expect(day("12/25/2026")).toBe("2026-12-25");
  });

  it("refuses ambiguous and impossible dates and bare numbers", () => {
    expect(day("06/01/2026")).toMatch(/day\/month or month\/day/);
    expect(day("2026-02-30")).toMatch(/not a calendar date/);
    expect(day("31 June 2026")).toMatch(/not a calendar date/);
    expect(day(46028)).toMatch(/is a number, not a date/);
    expect(day("soon")).toMatch(/not a date/);
  });
});

describe("readChoice", () => {
  it("matches identifiers and labels ignoring case, spaces, hyphens and underscores", () => {
    expect(readChoice("up to", quantityQualifiers, qualifierLabels)).toBe("up_to");
    expect(readChoice("UP-TO", quantityQualifiers, qualifierLabels)).toBe("up_to");
    expect(readChoice("Enablers", pledgeCategories, categoryLabels)).toBe("enablers");
    expect(readChoice("In progress", pledgeStatuses, pledgeStatusLabels)).toBe("in_progress");
    expect(readChoice("Commitment", pledgeStatuses, pledgeStatusLabels)).toBeNull();
  });

  it("uses the analyst's value mapping, but only onto real identifiers", () => {
    expect(readChoice("Commitment", pledgeStatuses, pledgeStatusLabels, { commitment: "committed" })).toBe(
      "committed",
    );
    expect(readChoice("Allocation", pledgeStatuses, pledgeStatusLabels, { Allocation: "bogus" })).toBeNull();
  });
});

describe("lists", () => {
  it("splits on semicolons, bars and line breaks, never on commas inside names", () => {
    expect(splitList("France; Korea, Republic of | Japan\nItaly;")).toEqual([
      "France",
      "Korea, Republic of",
      "Japan",
      "Italy",
    ]);
  });

  it("reads a stakeholder's role in brackets, and keeps other brackets in the name", () => {
    expect(readStakeholder("France (lead)")).toEqual({ name: "France", role: "lead" });
    expect(readStakeholder("Coalition of the willing (CoW)")).toEqual({
      name: "Coalition of the willing (CoW)",
      role: "pledger",
    });
    expect(readConditionName("russia-ceasefire (unmet)")).toBe("russia-ceasefire");
    expect(readConditionName("US backstop (air)")).toBe("US backstop (air)");
  });
});

describe("cellContent", () => {
  it("takes a formula's saved value and refuses formulas without one or showing errors", () => {
    expect(cellContent({ formula: "A1*2", result: 2400 })).toEqual({ ok: true, value: 2400 });
    const refusal = (read: ReturnType<typeof cellContent>) => !read.ok && inEnglish(read.message);
    expect(refusal(cellContent({ formula: "A1*2" }))).toMatch(/=A1\*2 with no saved value/);
    expect(refusal(cellContent({ formula: "1/0", error: "#DIV/0!" }))).toBe("shows the error #DIV/0!");
  });
});
