import { describe, expect, it } from "vitest";
import { inEnglish } from "@/i18n/translate";
import { canonicalFilter, filterSelection, watchSchema } from "./schemas";

// A list's filters are one watch however the address spells them.
describe("a watch of the list's filters", () => {
  it("spells the same filters one way: names in order, values sorted and once, words trimmed", () => {
    const spellings = [
      "?status=committed&category=force&status=announced",
      "category=force&status=announced&status=committed&status=committed&page=2&sort=title",
      "status=announced&q=%20%20&status=committed&category=force&asOf=2026-03-01",
    ];
    const targets = spellings.map((query) => canonicalFilter(query));
    expect(targets).toEqual(Array(3).fill({ target: "category=force&status=announced&status=committed" }));
    expect(canonicalFilter("q=%20brigade%20&from=2026-01-06")).toEqual({
      target: "from=2026-01-06&q=brigade",
    });
  });

  it("is every pledge with no filter, and ignores names that are not the list's own", () => {
    expect(canonicalFilter("")).toEqual({ target: "" });
    expect(canonicalFilter("constructor=1&toString=x&__proto__=y&hasOwnProperty=z")).toEqual({ target: "" });
  });

  it("refuses filters the list would refuse, naming the filter", () => {
    expect(canonicalFilter("status=bogus")).toMatchObject({ problem: expect.stringMatching(/^status: /) });
    expect(canonicalFilter("from=2026-02-30")).toMatchObject({ problem: expect.stringMatching(/^from: /) });
    const parsed = watchSchema.safeParse({ subject: "filter", target: "category=nonsense" });
    expect(parsed.success).toBe(false);
    expect(inEnglish(parsed.error?.issues[0]?.message ?? "")).toMatch(
      /^These filters cannot be watched: category: /,
    );
  });

  it("reads a stored target back as the selection it names", () => {
    expect(filterSelection("category=force&status=committed")).toMatchObject({
      category: ["force"],
      status: ["committed"],
      stakeholder: [],
      assume: [],
    });
  });
});

describe("a watch as a form names it", () => {
  it("needs a subject it knows and a target that could be a record's id", () => {
    expect(watchSchema.safeParse({ subject: "pledge", target: "abc_123" }).success).toBe(true);
    expect(watchSchema.safeParse({ subject: "everything", target: "x" }).success).toBe(false);
    expect(watchSchema.safeParse({ subject: "condition", target: "../../etc" }).success).toBe(false);
    expect(watchSchema.safeParse({ subject: "stakeholder", target: "" }).success).toBe(false);
  });
});
