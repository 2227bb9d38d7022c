import { describe, expect, it } from "vitest";
import type { ConditionState } from "./effective-status";
import { computeGap, type PledgeGroup } from "./gap";
import { formatQuantity, formatRatio, statedQuantity } from "./quantity";

const ceasefire: ConditionState = { id: "ceasefire", title: "Russia agrees to a ceasefire", status: "unmet" };
const line: ConditionState = { id: "line", title: "Ceasefire line agreed", status: "unmet" };
const required = statedQuantity(50_000n, 100_000n, "personnel", "exact");

const force: PledgeGroup = {
  status: "announced",
  conditions: [ceasefire, line],
  pledged: statedQuantity(30_000n, null, "personnel", "up_to"),
  delivered: 0n,
};

describe("gap figures", () => {
  it("reproduces the seed: up to 30,000 vs 50,000–100,000, nothing unconditional", () => {
    const gap = computeGap(required, [force]);
    expect(formatQuantity(gap.pledged)).toBe("at most 30,000 personnel");
    expect(formatQuantity(gap.shortfall)).toBe("at least 20,000–70,000 personnel");
    expect(formatRatio(gap.coverage!)).toBe("at most 30–60 %");
    expect(gap.unconditional).toMatchObject({ low: 0n, high: 0n, bound: "exact" });
    expect(formatQuantity(gap.unconditionalShortfall)).toBe("50,000–100,000 personnel");
    expect(gap.delivered.high).toBe(0n);
  });

  it("releases a pledge only when every one of its conditions is met in the scenario", () => {
    expect(computeGap(required, [force], new Set(["ceasefire"])).unconditional.high).toBe(0n);
    const both = computeGap(required, [force], new Set(["ceasefire", "line"]));
    expect(both.unconditional).toEqual(force.pledged);
    expect(formatRatio(both.unconditionalCoverage!)).toBe("at most 30–60 %");
  });

  it("leaves withdrawn pledges out and counts delivered amounts apart", () => {
    const withdrawn: PledgeGroup = { ...force, status: "withdrawn", conditions: [] };
    const delivering: PledgeGroup = {
      status: "in_progress",
      conditions: [],
      pledged: statedQuantity(10_000n, null, "personnel", "exact"),
      delivered: 4_000n,
    };
    const gap = computeGap(required, [force, withdrawn, delivering]);
    expect(gap.pledged).toMatchObject({ low: 40_000n, high: 40_000n, bound: "at_most" });
    expect(gap.unconditional).toMatchObject({ low: 10_000n, high: 10_000n, bound: "exact" });
    expect(gap.delivered).toMatchObject({ low: 4_000n, high: 4_000n });
    expect(formatRatio(gap.deliveredCoverage!)).toBe("4–8 %");
  });
});
