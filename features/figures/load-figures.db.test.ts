// Every figure comes through loadFigures: these tests hold its views to each other and to the list
// on a real database.
import { describe, expect, it } from "vitest";
import { seededTestDatabase } from "@tests/seeded-database";
import { withdrawPledge } from "@tests/withdraw-pledge";
import { countsTowardTotals } from "@/lib/rules/effective-status";

const { db } = await seededTestDatabase();
const { listPledges } = await import("@/features/pledges/queries");
const { everyPledge } = await import("@/features/pledges/selection-sql");
const { pledgeListParams } = await import("@/features/api/schemas");
const {
  checkScenario,
  historyDays,
  loadFigureSources,
  loadFigures,
  loadGapHistory,
  loadKnownFigures,
  loadOpeningMetric,
  openingMetric,
} = await import("./index");
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

describe("the gap over time", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it("steps a week at a time from the first day to the last, and widens its steps for a long span", () => {
    const days = historyDays(day("2026-01-06"), day("2026-03-01"));
    expect(days[0]).toEqual(day("2026-01-06"));
    expect(days[1]).toEqual(day("2026-01-13"));
    expect(days.at(-1)).toEqual(day("2026-03-01"));
    expect(days).toHaveLength(9); // 6 Jan, seven Tuesdays after it, and 1 Mar
    const decade = historyDays(day("2016-01-01"), day("2026-01-01"));
    expect(decade.length).toBeLessThanOrEqual(60);
    expect(decade.at(-1)).toEqual(day("2026-01-01"));
    expect(historyDays(day("2026-03-01"), day("2026-01-06"))).toEqual([]);
  });

  it("gives, at each step, the figures the view gives as of that day, under the view's scenario", async () => {
    for (const assume of [[], ["russia-agrees-to-ceasefire", "ceasefire-line-agreed"]]) {
      const view = {
        metric: "personnel",
        time: { asOf: day("2026-06-30") },
        selection: { ...everyPledge, assume },
      };
      const history = await loadGapHistory(view);
      expect(history.points.length).toBeGreaterThan(2);
      const first = await db().pledge.aggregate({ where: { deletedAt: null }, _min: { announcedOn: true } });
      expect(history.points[0]!.day.getTime()).toBeGreaterThanOrEqual(
        first._min.announcedOn!.getTime() - 86_400_000,
      );
      expect(history.points.at(-1)!.day).toEqual(day("2026-06-30"));
      for (const point of [history.points[0]!, history.points[3]!, history.points.at(-1)!]) {
        const { summary } = await loadFigures({ ...view, time: { asOf: point.day } });
        expect(point.pledged).toEqual(summary.totals.pledged);
        expect(point.unconditional).toEqual(summary.totals.unconditional);
        expect(point.delivered).toEqual(summary.totals.delivered);
        expect(point.required).toEqual(summary.gap?.required ?? null);
      }
    }
  });
});

describe("the gap over time, at its ends", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const at = (iso: string) => ({ metric: "personnel", time: { asOf: day(iso) }, selection: everyPledge });

  it("has no points before the first announcement, and one on the day of it", async () => {
    expect((await loadGapHistory(at("2025-01-01"))).points).toEqual([]);
    const first = await db().pledge.aggregate({ where: { deletedAt: null }, _min: { announcedOn: true } });
    const firstDay = first._min.announcedOn!.toISOString().slice(0, 10);
    const history = await loadGapHistory(at(firstDay));
    expect(history.points.map((point) => point.day)).toEqual([day(firstDay)]);
    const { summary } = await loadFigures(at(firstDay));
    expect(history.points[0]!.pledged).toEqual(summary.totals.pledged);
  });
});

describe("the unit the dashboard opens on", () => {
  it("is personnel where anything is in it, else a unit with a requirement, else the most used", async () => {
    const units = (requirementUnits: string[], pledgeUnits: [string, number][]) =>
      openingMetric({
        requirementUnits,
        pledgeUnits: pledgeUnits.map(([unit, pledges]) => ({ unit, pledges })),
      });
    expect(units(["personnel"], [])).toBe("personnel");
    expect(
      units(
        [],
        [
          ["EUR", 9],
          ["personnel", 1],
        ],
      ),
    ).toBe("personnel");
    expect(
      units(
        ["USD", "EUR"],
        [
          ["EUR", 3],
          ["USD", 1],
        ],
      ),
    ).toBe("EUR");
    expect(
      units(
        [],
        [
          ["EUR", 3],
          ["items", 5],
        ],
      ),
    ).toBe("items");
    expect(units([], [])).toBe("personnel");
    expect(await loadOpeningMetric()).toBe("personnel");
  });
});

// Last in the file: it records a change dated tomorrow.
describe("the gap over time, today", () => {
  const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z");
  const view = { metric: "personnel", time: {}, selection: everyPledge };
  const asPoint = ({ summary }: Awaited<ReturnType<typeof loadFigures>>) => ({
    required: summary.gap?.required ?? null,
    pledged: summary.totals.pledged,
    unconditional: summary.totals.unconditional,
    delivered: summary.totals.delivered,
  });

  it("ends on today's figures, as of today's end, which are the current ones while nothing is dated later", async () => {
    const history = await loadGapHistory(view);
    const last = history.points.at(-1)!;
    expect(last.day).toEqual(today);
    const current = asPoint(await loadFigures(view));
    expect(last).toMatchObject(current);
    expect(asPoint(await loadFigures({ ...view, time: { asOf: today } }))).toEqual(current);
  });

  it("counts today's end again once a change is dated tomorrow, rather than showing the current figures", async () => {
    await withdrawPledge(
      db(),
      "seed:deterrence-force",
      new Date(today.getTime() + 86_400_000),
      "Withdrawn from tomorrow",
    );
    const current = asPoint(await loadFigures(view));
    const endOfToday = asPoint(await loadFigures({ ...view, time: { asOf: today } }));
    expect(endOfToday.pledged).not.toEqual(current.pledged);
    const last = (await loadGapHistory(view)).points.at(-1)!;
    expect(last).toMatchObject(endOfToday);
  });
});
