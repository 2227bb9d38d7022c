import { describe, expect, it } from "vitest";
import { deliveredAbovePledge, incrementDateProblem } from "./ledger";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("incrementDateProblem", () => {
  it("lets an increment be the first delivery, or on or after the latest one", () => {
    expect(incrementDateProblem(null, day("2026-01-01"))).toBeNull();
    expect(incrementDateProblem(day("2026-03-01"), day("2026-03-01"))).toBeNull();
    expect(incrementDateProblem(day("2026-03-01"), day("2026-03-02"))).toBeNull();
  });

  it("refuses one dated before the latest delivery, naming that day", () => {
    expect(incrementDateProblem(day("2026-03-01"), day("2026-02-28"))).toContain("2026-03-01");
  });
});

describe("deliveredAbovePledge", () => {
  it("is true only for a delivery above the pledged ceiling", () => {
    expect(deliveredAbovePledge({ deliveredQuantity: 1_201n, quantityHigh: 1_200n })).toBe(true);
    expect(deliveredAbovePledge({ deliveredQuantity: 1_200n, quantityHigh: 1_200n })).toBe(false);
    expect(deliveredAbovePledge({ deliveredQuantity: 5n, quantityHigh: null })).toBe(false);
    expect(deliveredAbovePledge({ deliveredQuantity: null, quantityHigh: 1n })).toBe(false);
  });
});
