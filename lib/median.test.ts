import { describe, expect, it } from "vitest";
import { median } from "./median";

describe("median", () => {
  it.each([
    { values: [100, 300, 250, 900, 200], middle: 250 },
    { values: [3, 1, 2], middle: 2 },
    { values: [400, 100], middle: 250 },
    { values: [7], middle: 7 },
  ])("of $values is $middle, and leaves them in their order", ({ values, middle }) => {
    const given = [...values];
    expect(median(values)).toBe(middle);
    expect(values).toEqual(given);
  });

  it("is NaN for no values", () => {
    expect(median([])).toBeNaN();
  });
});
