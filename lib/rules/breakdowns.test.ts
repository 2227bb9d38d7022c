import { describe, expect, it } from "vitest";
import { breakdown, conditionEffect, effectiveStatusOf, type AggregateGroup } from "./breakdowns";
import { formatQuantity } from "./quantity";
import { ceasefire, ceasefireLine as line, group } from "./test-fixtures";

const groups: AggregateGroup[] = [
  group({ qualifier: "up_to", low: 30_000n, high: 30_000n, blockedBy: [ceasefire, line] }),
  group({ category: "monitoring", low: 2_000n, high: 3_000n, blockedBy: [ceasefire], count: 2 }),
  group({ category: "assistance", unit: "EUR", low: 500_00n, high: 500_00n, status: "committed" }),
  group({ category: "infrastructure", unit: null, status: "committed", count: 3 }),
  group({ category: "force", low: 5_000n, high: 5_000n, status: "withdrawn", count: 1 }),
  group({ category: "force", low: 1_000n, high: 1_000n, status: "in_progress", delivered: 400n }),
];

describe("breakdowns", () => {
  it("counts every pledge but sums only the chosen unit, leaving withdrawn pledges out", () => {
    const rows = breakdown(groups, (g) => g.category, "personnel");
    const force = rows.find((row) => row.key === "force")!;
    expect(force.count).toBe(3);
    expect(formatQuantity(force.pledged)).toBe("at most 31,000 personnel");
    expect(force.unconditional).toMatchObject({ low: 1_000n, high: 1_000n });
    expect(force.delivered.high).toBe(400n);
    expect(rows.find((row) => row.key === "infrastructure")).toMatchObject({
      count: 3,
      pledged: { high: 0n },
    });
    expect(rows.find((row) => row.key === "assistance")!.pledged.high).toBe(0n);
    expect(
      breakdown(groups, (g) => g.category, "EUR").find((row) => row.key === "assistance")!.pledged.high,
    ).toBe(50_000n);
  });

  it("sorts pledges by effective status, following the scenario", () => {
    const now = breakdown(groups, (g) => effectiveStatusOf(g), "personnel");
    expect(now.find((row) => row.key === "conditional")!.count).toBe(3);
    const ceasefireMet = breakdown(groups, (g) => effectiveStatusOf(g, new Set(["ceasefire"])), "personnel");
    expect(ceasefireMet.find((row) => row.key === "conditional")!.count).toBe(1);
    expect(ceasefireMet.find((row) => row.key === "announced")!.pledged).toMatchObject({
      low: 2_000n,
      high: 3_000n,
    });
  });

  it("says what meeting a condition would unlock, given the scenario", () => {
    expect(conditionEffect("ceasefire", groups, "personnel")).toMatchObject({
      pledges: 2,
      quantity: { low: 2_000n, high: 3_000n },
    });
    expect(conditionEffect("line", groups, "personnel")).toMatchObject({
      pledges: 0,
      quantity: { high: 0n },
    });
    const afterCeasefire = conditionEffect("line", groups, "personnel", new Set(["ceasefire"]));
    expect(formatQuantity(afterCeasefire.quantity)).toBe("at most 30,000 personnel");
  });
});
