import { describe, expect, it } from "vitest";
import { summarize } from "@/lib/rules/figures";
import { ceasefire, group } from "@/lib/rules/test-fixtures";
import { breakdownJson, summaryJson } from "./json";

const conditions = [{ ...ceasefire, slug: "ceasefire", pledges: 1, dependsOn: null }];

function seededSummary(scenario = new Set<string>()) {
  return summarize({
    unit: "personnel",
    requirement: { low: 50_000n, high: 100_000n, qualifier: "exact" },
    groups: [
      group({ qualifier: "up_to", low: 30_000n, high: 30_000n, blockedBy: [ceasefire] }),
      group({ category: "monitoring" }),
    ],
    stakeholderGroups: [group({ stakeholderId: "s1", qualifier: "up_to", low: 30_000n, high: 30_000n })],
    leadGroups: [group({ stakeholderId: "s1", qualifier: "up_to", low: 30_000n, high: 30_000n })],
    stakeholders: [{ id: "s1", slug: "france", name: "France" }],
    conditions,
    scenario,
  });
}

const sources = { required: ["r"], pledged: ["p"], unconditional: [], delivered: [] };

describe("summaryJson", () => {
  it("writes every figure as a range of numbers with its bound, coverage as a fraction", () => {
    const json = summaryJson(seededSummary(), { time: {}, assumed: [] }, sources);
    expect(json).toMatchObject({
      unit: "personnel",
      asOf: null,
      pledges: 2,
      required: { low: 50_000, high: 100_000, bound: "exact" },
      pledged: { low: 30_000, high: 30_000, bound: "at_most" },
      unconditional: { low: 0, high: 0 },
      shortfall: { low: 20_000, high: 70_000, bound: "at_least" },
      coverage: { low: 0.3, high: 0.6, bound: "at_most" },
      sources,
    });
  });

  it("follows the scenario and says which day and conditions it assumed", () => {
    const json = summaryJson(
      seededSummary(new Set(["ceasefire"])),
      { time: { asOf: new Date("2026-06-30T00:00:00Z") }, assumed: ["ceasefire"] },
      sources,
    );
    expect(json?.unconditional).toEqual({ low: 30_000, high: 30_000, bound: "at_most" });
    expect(json?.asOf).toBe("2026-06-30");
  });

  it("keeps money exact to the cent", () => {
    const summary = summarize({
      unit: "EUR",
      requirement: { low: 100n, high: 100n, qualifier: "exact" },
      groups: [0n, 1n, 2n].map((i) => group({ unit: "EUR", low: 10n + i, high: 10n + i })),
      stakeholderGroups: [],
      leadGroups: [],
      stakeholders: [],
      conditions: [],
      scenario: new Set(),
    });
    const json = summaryJson(summary, { time: {}, assumed: [] }, sources);
    expect(json.pledged).toEqual({ low: 0.33, high: 0.33, bound: "exact" });
    expect(JSON.stringify(json.pledged.low)).toBe("0.33");
  });

  it("adds the unconditional and delivered gaps and the capacity references the chart draws", () => {
    const json = summaryJson(seededSummary(), { time: {}, assumed: [] }, sources, [
      {
        title: "British Army full-time personnel",
        low: 70_000n,
        high: 70_000n,
        qualifier: "about",
        stakeholder: { name: "United Kingdom" },
        citations: [{ source: { id: "s" } }, { source: { id: "s" } }],
      },
    ]);
    expect(json?.unconditionalShortfall).toEqual({ low: 50_000, high: 100_000, bound: "exact" });
    expect(json?.unconditionalCoverage).toEqual({ low: 0, high: 0, bound: "exact" });
    expect(json?.capacities).toEqual([
      {
        title: "British Army full-time personnel",
        stakeholder: "United Kingdom",
        value: { low: 70_000, high: 70_000, bound: "about" },
        sourceIds: ["s"],
      },
    ]);
  });

  it("without a requirement, still sums the metric and leaves the gap null", () => {
    const summary = summarize({
      unit: "EUR",
      requirement: null,
      groups: [group({ unit: "EUR", low: 150n, high: 250n })],
      stakeholderGroups: [],
      leadGroups: [],
      stakeholders: [],
      conditions: [],
      scenario: new Set(),
    });
    const json = summaryJson(summary, { time: {}, assumed: [] }, sources);
    expect(json).toMatchObject({ required: null, shortfall: null, coverage: null, deliveredCoverage: null });
    expect(json.pledged).toEqual({ low: 1.5, high: 2.5, bound: "exact" });
  });
});

describe("breakdownJson", () => {
  it("gives every effective status, labelled, with the dashboard's sums", () => {
    const rows = breakdownJson(seededSummary(), "status");
    expect(rows.map((row) => row.key)).toContain("withdrawn");
    expect(rows.find((row) => row.key === "conditional")).toMatchObject({
      label: "Conditional",
      pledges: 1,
      pledged: { high: 30_000, bound: "at_most" },
    });
  });

  it("names stakeholders by slug and says what each condition unlocks", () => {
    expect(breakdownJson(seededSummary(), "stakeholder")[0]).toMatchObject({
      key: "france",
      label: "France",
    });
    expect(breakdownJson(seededSummary(), "condition")[0]).toMatchObject({
      key: "ceasefire",
      status: "unmet",
      unlocks: { pledges: 1, quantity: { high: 30_000, bound: "at_most" } },
    });
  });
});
