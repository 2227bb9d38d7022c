import { describe, expect, it } from "vitest";
import { computeGap } from "./gap";
import { formatQuantity, formatRatio, statedQuantity } from "./quantity";
import { ceasefire, ceasefireLine, group } from "./test-fixtures";

const required = statedQuantity(50_000n, 100_000n, "personnel", "exact");
const force = group({
  qualifier: "up_to",
  low: 30_000n,
  high: 30_000n,
  blockedBy: [ceasefire, ceasefireLine],
});

describe("gap figures", () => {
  it("reproduces the seed: up to 30,000 vs 50,000–100,000, nothing unconditional", () => {
    const gap = computeGap(required, [force, group({ unit: null, category: "guarantee" })]);
    expect(formatQuantity(gap.pledged)).toBe("at most 30,000 personnel");
    expect(formatQuantity(gap.shortfall)).toBe("at least 20,000–70,000 personnel");
    expect(formatRatio(gap.coverage!)).toBe("at most 30–60 %");
    expect(gap.unconditional).toMatchObject({ low: 0n, high: 0n, bound: "exact" });
    expect(formatQuantity(gap.unconditionalShortfall)).toBe("50,000–100,000 personnel");
    expect(gap.delivered.high).toBe(0n);
  });

  it("is all shortfall when nothing is pledged", () => {
    const gap = computeGap(required, []);
    expect(gap.pledged).toMatchObject({ low: 0n, high: 0n, bound: "exact" });
    expect(gap.shortfall).toEqual(required);
    expect(gap.coverage).toEqual({ low: 0, high: 0, bound: "exact" });
  });

  it("releases a pledge only when every one of its conditions is met in the scenario", () => {
    expect(computeGap(required, [force], new Set(["ceasefire"])).unconditional.high).toBe(0n);
    const both = computeGap(required, [force], new Set(["ceasefire", "line"]));
    expect(both.unconditional).toMatchObject({ low: 30_000n, high: 30_000n, bound: "at_most" });
    expect(formatRatio(both.unconditionalCoverage!)).toBe("at most 30–60 %");
  });

  it("leaves withdrawn pledges and other units out, and counts delivered amounts apart", () => {
    const gap = computeGap(required, [
      force,
      group({ status: "withdrawn", low: 30_000n, high: 30_000n }),
      group({ unit: "EUR", low: 99_000_00n, high: 99_000_00n }),
      group({ status: "in_progress", low: 10_000n, high: 10_000n, delivered: 4_000n }),
    ]);
    expect(gap.pledged).toMatchObject({ low: 40_000n, high: 40_000n, bound: "at_most" });
    expect(gap.unconditional).toMatchObject({ low: 10_000n, high: 10_000n, bound: "exact" });
    expect(gap.delivered).toMatchObject({ low: 4_000n, high: 4_000n });
    expect(formatRatio(gap.deliveredCoverage!)).toBe("4–8 %");
  });
});
