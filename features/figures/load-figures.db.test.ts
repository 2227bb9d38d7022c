// Every figure comes through loadFigures: these tests hold its views to each other and to the list
// on a real database.
import { describe, expect, it } from "vitest";
import { seededTestDatabase } from "@tests/seeded-database";
import { countsTowardTotals } from "@/lib/rules/effective-status";

const { db } = await seededTestDatabase();
const { listPledges } = await import("@/features/pledges/queries");
const { everyPledge } = await import("@/features/pledges/selection-sql");
const { pledgeListParams } = await import("@/features/api/schemas");
const { checkScenario, loadFigureSources, loadFigures, loadKnownFigures } = await import("./index");
const { figureParams, figureViewOf, UnknownConditionError } = await import("./schemas");

const viewOf = (params: Record<string, string | string[]>) => figureViewOf(figureParams.parse(params));
const figures = (params: Record<string, string | string[]>) => loadFigures(viewOf(params));
const sourcesOf = (params: Record<string, string | string[]>) => loadFigureSources(viewOf(params));
const pledges = async (params: Record<string, string | string[]>) => {
  const { asOf, knownAt, page, pageSize, ...selection } = pledgeListParams.parse(params);
  return listPledges({ selection, time: { asOf, knownAt }, page, pageSize: pageSize ?? 100 });
};

describe("loadFigures", () => {
  it("computes the same figures for the dashboard's view and for a filter that keeps every pledge", async () => {
    for (const assume of [[], ["russia-agrees-to-ceasefire", "ceasefire-line-agreed"]]) {
      // The API's parameters name the dashboard's view exactly (and so share its cached figures).
      const view = { metric: "personnel", time: {}, selection: { ...everyPledge, assume } };
      expect(viewOf({ assume })).toEqual(view);
      const dashboard = await loadFigures(view);
      // A date filter that keeps every pledge takes the filtered path.
      const filtered = await figures({ assume, from: "2000-01-01" });
      expect(filtered.summary.gap).toEqual(dashboard.summary.gap);
      expect(filtered.summary.byStakeholder).toEqual(dashboard.summary.byStakeholder);
      expect(filtered.summary.conditions).toEqual(dashboard.summary.conditions);
      expect(await sourcesOf({ assume, from: "2000-01-01" })).toEqual(await sourcesOf({ assume }));
      // The view is as the request named it, whatever order the cache first saw.
      expect(dashboard.assumed).toEqual(assume);
      const reversed = await loadFigures({
        ...view,
        selection: { ...view.selection, assume: [...assume].reverse() },
      });
      expect(reversed.assumed).toEqual([...assume].reverse());
      expect(reversed.summary).toEqual(dashboard.summary);
    }
  });

  it("sums, in SQL, exactly the pledges the list selects", async () => {
    const cases: Record<string, string>[] = [
      { category: "force" },
      { stakeholder: "france" },
      { q: "hub" },
      {},
    ];
    for (const params of cases) {
      const [summary, list] = await Promise.all([figures(params), pledges(params)]);
      expect(summary.summary.pledgeCount, JSON.stringify(params)).toBe(list.total);
      const personnel = list.rows
        .filter((row) => row.quantity.quantityUnit === "personnel" && countsTowardTotals(row.status))
        .reduce((total, row) => total + (row.quantity.quantityHigh ?? 0n), 0n);
      expect(summary.summary.gap?.pledged.high, JSON.stringify(params)).toBe(personnel);
    }
  });

  it("names the sources behind each figure", async () => {
    const sources = await sourcesOf({});
    const force = await db().pledge.findUniqueOrThrow({
      where: { externalId: "seed:deterrence-force" },
      include: { citations: true },
    });
    expect(sources.pledged).toEqual([...new Set(force.citations.map((c) => c.sourceId))].sort());
    expect(sources.required.length).toBeGreaterThan(0);
    expect(sources.unconditional).toEqual([]);
    const met = await sourcesOf({ assume: ["russia-agrees-to-ceasefire", "ceasefire-line-agreed"] });
    expect(met.unconditional).toEqual(sources.pledged);
  });

  it("refuses a scenario naming a condition that does not exist", async () => {
    expect((await figures({ assume: "no-such-condition" })).unknownConditions).toEqual(["no-such-condition"]);
    await expect(
      loadKnownFigures(figureViewOf(figureParams.parse({ assume: "no-such-condition" }))),
    ).rejects.toBeInstanceOf(UnknownConditionError);
    await expect(checkScenario(["no-such-condition"], {})).rejects.toBeInstanceOf(UnknownConditionError);
    await expect(checkScenario(["russia-agrees-to-ceasefire"], {})).resolves.toBeUndefined();
  });

  it("before the summit, finds no pledge", async () => {
    expect((await figures({ asOf: "2026-01-01" })).summary.pledgeCount).toBe(0);
    expect((await pledges({ asOf: "2026-01-01" })).total).toBe(0);
  });
});
