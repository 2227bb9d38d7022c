import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalValue, mergeFields } from "./merge";

const fields = ["title", "quantityLow", "dueOn", "conditionIds"] as const;

describe("mergeFields", () => {
  const base = { title: "Force", quantityLow: 5000n, dueOn: null, conditionIds: ["a", "b"] };

  it("applies what only I changed and keeps what only they changed", () => {
    const theirs = { ...base, quantityLow: 6000n };
    const outcome = mergeFields(fields, base, { title: "Force (revised)" }, theirs);
    expect(outcome).toEqual({ apply: ["title"], conflicts: [], theirs: ["quantityLow"] });
  });

  it("does not count a field I sent unchanged as mine: the stale form's value is not written back", () => {
    const theirs = { ...base, quantityLow: 6000n };
    // The whole form comes back, with the 5,000 it was opened with.
    const outcome = mergeFields(fields, base, { ...base, title: "Force (revised)" }, theirs);
    expect(outcome.apply).toEqual(["title"]);
    expect(outcome.conflicts).toEqual([]);
  });

  it("calls a field both changed to different values a conflict, and the same value no change", () => {
    const theirs = { ...base, quantityLow: 6000n, title: "Same" };
    const outcome = mergeFields(fields, base, { quantityLow: 7000n, title: "Same" }, theirs);
    expect(outcome).toEqual({ apply: [], conflicts: ["quantityLow"], theirs: [] });
  });

  it("compares lists as sets and stored JSON dates with dates", () => {
    const theirs = { ...base, dueOn: "2026-06-30T00:00:00.000Z" };
    const outcome = mergeFields(
      fields,
      base,
      { conditionIds: ["b", "a"], dueOn: new Date("2026-06-30T00:00:00.000Z") },
      theirs,
    );
    // Both set the same due date: nothing to write and nothing to choose.
    expect(outcome).toEqual({ apply: [], conflicts: [], theirs: [] });
  });

  it("never loses a change: every field ends as mine, theirs, or a conflict", () => {
    const value = fc.constantFrom("x", "y", "z");
    const record = fc.record({ title: value, quantityLow: value, dueOn: value, conditionIds: value });
    fc.assert(
      fc.property(record, record, record, (was, mine, now) => {
        const outcome = mergeFields(fields, was, mine, now);
        if (outcome.conflicts.length) return;
        const merged = { ...now, ...Object.fromEntries(outcome.apply.map((f) => [f, mine[f]])) };
        for (const field of fields) {
          if (mine[field] !== was[field]) expect(merged[field]).toBe(mine[field]);
          else expect(merged[field]).toBe(now[field]);
        }
      }),
    );
  });
});

describe("fields merged together", () => {
  const dated = ["title", "announcedOn", "announcedPrecision"] as const;
  const was = { title: "A", announcedOn: "2022-03-01", announcedPrecision: "month" };

  it("make a conflict of a date changed by one person and its precision by the other", () => {
    const outcome = mergeFields(
      dated,
      was,
      { announcedOn: "2022-03-15" },
      { ...was, announcedPrecision: "year", title: "B" },
      [["announcedOn", "announcedPrecision"]],
    );
    expect(outcome).toEqual({
      apply: [],
      conflicts: ["announcedOn", "announcedPrecision"],
      theirs: ["title"],
    });
  });

  it("leave a group changed by one person alone", () => {
    const outcome = mergeFields(
      dated,
      was,
      { announcedOn: "2022-01-01", announcedPrecision: "year" },
      { ...was, title: "B" },
      [["announcedOn", "announcedPrecision"]],
    );
    expect(outcome).toEqual({
      apply: ["announcedOn", "announcedPrecision"],
      conflicts: [],
      theirs: ["title"],
    });
  });
});

describe("canonicalValue", () => {
  it("treats empty text, null and undefined as no value", () => {
    expect(canonicalValue("")).toBe(canonicalValue(null));
    expect(canonicalValue(undefined)).toBe("");
  });
  it("writes quantities exactly", () => {
    expect(canonicalValue(30000000000000000001n)).toBe("30000000000000000001");
    expect(canonicalValue("6000")).toBe(canonicalValue(6000n));
  });
});
