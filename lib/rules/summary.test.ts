import { describe, expect, it } from "vitest";
import { formatQuantity } from "./quantity";
import { summarize, type SummaryInput } from "./summary";
import { ceasefire, group } from "./test-fixtures";

const met = { id: "met", title: "Already met", status: "met" } as const;
const conditions = [
  { ...ceasefire, slug: "ceasefire", pledges: 1, dependsOn: null },
  { ...met, slug: "met", pledges: 0, dependsOn: null },
];
const input = (scenario: Set<string>): SummaryInput => ({
  unit: "personnel",
  requirement: { low: 50_000n, high: 100_000n, qualifier: "exact" },
  groups: [
    group({ qualifier: "up_to", low: 30_000n, high: 30_000n, blockedBy: [ceasefire] }),
    group({ low: 1_000n, high: 1_000n }),
  ],
  stakeholderGroups: [],
  stakeholders: [],
  conditions,
  scenario,
});

describe("summarize", () => {
  it("offers to assume only the conditions that still block something", () => {
    const summary = summarize(input(new Set()));
    expect(summary.conditions.map((c) => [c.slug, c.canBeAssumed, c.assumedMet])).toEqual([
      ["ceasefire", true, false],
      ["met", false, false],
    ]);
  });

  it("recomputes the unconditional figure when a condition is assumed met", () => {
    const today = summarize(input(new Set()));
    const ceasefireMet = summarize(input(new Set(["ceasefire"])));
    expect(formatQuantity(today.gap!.unconditional)).toBe("1,000 personnel");
    expect(formatQuantity(ceasefireMet.gap!.unconditional)).toBe("at most 31,000 personnel");
    expect(ceasefireMet.conditions[0]!.assumedMet).toBe(true);
    expect(today.pledgeCount).toBe(2);
  });

  it("counts the pledges in the unit whose deliveries exceed what they pledged, and only those", () => {
    const summary = summarize({
      ...input(new Set()),
      groups: [
        group({ deliveredAbove: 2, count: 3 }),
        group({ status: "delivered", deliveredAbove: 1 }),
        group({ status: "withdrawn", deliveredAbove: 4, count: 4 }),
        group({ unit: "EUR", deliveredAbove: 5, count: 5 }),
      ],
    });
    expect(summary.totals.deliveredAbove).toBe(3);
  });
});
