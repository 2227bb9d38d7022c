import { validationWording } from "@/i18n/translate";
import { worded } from "@/lib/validation-message";
import { describe, expect, it } from "vitest";
import { parseSearchParams } from "@/lib/search-params";
import { pledgeFiltersSchema } from "./schemas";

const parse = (params: Record<string, string | string[] | undefined>) =>
  parseSearchParams(pledgeFiltersSchema, params);

describe("pledge list filters", () => {
  it("reads repeated and single values", () => {
    const result = parse({ status: ["announced", "committed"], category: "force", q: " hubs ", page: "2" });
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        status: ["announced", "committed"],
        category: ["force"],
        q: "hubs",
        page: 2,
      }),
    });
  });

  it("treats empty values as absent", () => {
    expect(parse({ status: "", q: "", page: "", from: "" })).toMatchObject({
      ok: true,
      data: { status: [], q: undefined, page: undefined, from: undefined },
    });
  });

  it.each([
    [{ status: "finished" }, "status", /"finished" is not a known lifecycle status; use one of: announced/],
    [{ effective: "pending" }, "effective", /"pending" is not a known effective status/],
    [{ category: "tanks" }, "category", /"tanks" is not a known category/],
    [{ stakeholder: "<script>" }, "stakeholder", /identifier/],
    [{ from: "2026-02-30" }, "from", /not a calendar date/],
    [{ from: "yesterday" }, "from", /YYYY-MM-DD/],
    [{ from: "2026-03-01", to: "2026-01-01" }, "to", /before the start/],
    [{ page: "99999999999999999999999" }, "page", /at most 10,000/],
    [{ page: "1e400" }, "page", /whole number/],
    [{ page: "-3" }, "page", /page is at least 1/],
    [{ page: "abc" }, "page", /whole number/],
    [{ page: ["1", "2"] }, "page", /only once/],
    [{ q: "x".repeat(201) }, "q", /200 characters/],
  ])("refuses %j with a message naming %s", (params, param, message) => {
    const result = parse(params);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // Worded as the API and the page word it.
    const errors = result.errors.map((e) => ({ ...e, message: worded(e.message, validationWording("en")) }));
    expect(errors).toContainEqual({ param, message: expect.stringMatching(message) });
  });
});

/** A parse's refusals in English words. */
const inWords = (result: ReturnType<typeof parse>) =>
  result.ok
    ? result
    : {
        ...result,
        errors: result.errors.map((e) => ({ ...e, message: worded(e.message, validationWording("en")) })),
      };

describe("page numbers", () => {
  it("names the limit for a huge page number, once", () => {
    const result = inWords(parse({ page: "99999999999999999999" }));
    expect(result).toEqual({
      ok: false,
      errors: [{ param: "page", message: "page is at most 10,000" }],
    });
  });

  it("refuses fractions", () => {
    expect(inWords(parse({ page: "2.5" }))).toEqual({
      ok: false,
      errors: [{ param: "page", message: "page must be a whole number" }],
    });
  });
});
