import { describe, expect, it } from "vitest";
import { summarize } from "@/lib/rules/figures";
import { ceasefire, group } from "@/lib/rules/test-fixtures";
import { breakdownLines, conditionLines } from "./breakdown-lines";

const summaryInput = (scenario = new Set<string>()) => ({
  unit: "personnel",
  requirement: null,
  groups: [
    group({ qualifier: "up_to", low: 30_000n, high: 30_000n, blockedBy: [ceasefire] }),
    group({ category: "monitoring" }),
  ],
  stakeholderGroups: [group({ stakeholderId: "s1", qualifier: "up_to", low: 30_000n, high: 30_000n })],
  leadGroups: [group({ stakeholderId: "s1", qualifier: "up_to", low: 30_000n, high: 30_000n })],
  stakeholders: [{ id: "s1", slug: "france", name: "France" }],
  conditions: [{ ...ceasefire, slug: "ceasefire", pledges: 1, dependsOn: "Russia" }],
  scenario,
});
const summary = (scenario = new Set<string>()) => summarize(summaryInput(scenario));

describe("breakdownLines", () => {
  it("puts amounts in words, a dash for none, and names the rows", () => {
    const lines = breakdownLines(summary());
    expect(lines.byStatus.find((line) => line.key === "conditional")).toEqual({
      key: "conditional",
      label: "conditional",
      count: 1,
      pledged: "up to 30,000 personnel",
      pledgedExact: "up to 30,000 personnel",
      unconditional: "—",
      unconditionalExact: "none",
      // Charted: nothing unconditional, the whole ceiling held back by its condition.
      chart: { unconditional: 0, conditional: 30_000 },
    });
    expect(lines.byCategory.find((line) => line.key === "monitoring")).toMatchObject({
      label: "Monitoring",
      pledged: "—",
    });
    expect(lines.byStakeholder[0]).toMatchObject({ label: "France", count: 1 });
    expect(lines.byLead[0]).toMatchObject({ label: "France", href: "/stakeholders/france" });
  });

  it("writes large amounts at their scale, the exact figure beside", () => {
    const euros = summarize({
      ...summaryInput(),
      unit: "EUR",
      groups: [group({ unit: "EUR", low: 123_456_789_012_34n, high: 123_456_789_012_34n })],
    });
    expect(breakdownLines(euros).byStatus.find((line) => line.key === "announced")).toMatchObject({
      pledged: "€123.5 bn",
      pledgedExact: "123,456,789,012.34 EUR",
    });
  });
});

describe("conditionLines", () => {
  it("says what meeting each condition would release, or that the scenario already counts it", () => {
    expect(conditionLines(summary().conditions)[0]).toMatchObject({
      slug: "ceasefire",
      dependsOn: "Russia",
      unlocks: "1 pledge, up to 30,000 personnel",
    });
    expect(conditionLines(summary(new Set(["ceasefire"])).conditions)[0]?.unlocks).toBe(
      "Already counted in this scenario",
    );
  });
});
