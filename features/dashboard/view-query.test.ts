import { describe, expect, it } from "vitest";
import { viewQuery } from "./view-query";

describe("a view's query string", () => {
  const time = { asOf: new Date("2026-03-01T00:00:00Z") };
  it("leaves the default unit out for exports, and names the scenario and the date", () => {
    expect(viewQuery({ metric: "personnel", assume: ["a", "b"], time })).toBe(
      "assume=a&assume=b&asOf=2026-03-01",
    );
    expect(viewQuery({ metric: "EUR", assume: [], time: {} })).toBe("metric=EUR");
  });

  it("pins the unit and the moment read for a citation, keeping a moment the view already names", () => {
    const at = new Date("2026-12-03T10:00:00Z");
    expect(viewQuery({ metric: "personnel", assume: [], time: {} }, { at })).toBe(
      "metric=personnel&knownAt=2026-12-03T10%3A00%3A00Z",
    );
    const known = new Date("2026-04-01T08:00:00Z");
    expect(viewQuery({ metric: "personnel", assume: [], time: { knownAt: known } }, { at })).toBe(
      "metric=personnel&knownAt=2026-04-01T08%3A00%3A00Z",
    );
  });
});
