// The API's and exports' figures come from the same SQL selection and the same rules as the dashboard
// and the list: these tests hold them to each other on a real SQLite file.
import { describe, expect, it } from "vitest";
import { seededTestDatabase } from "../../../tests/support/seeded-database";
import { effectiveStatuses } from "@/lib/rules/vocabulary";

const { db } = await seededTestDatabase();
const { listPledges, streamPledges } = await import("@/features/pledges/queries");
const { loadDashboard } = await import("@/features/dashboard/load-dashboard");
const {
  getPledgeJson,
  loadFigures,
  pledgeJson,
  streamDatasetRows,
  streamStatusHistory,
  UnknownConditionError,
} = await import("./queries");
const { figureParams, pledgeListParams } = await import("./schemas");

const figures = (params: Record<string, string | string[]>) => loadFigures(figureParams.parse(params));
const pledges = async (params: Record<string, string | string[]>) => {
  const { asOf, knownAt, page, pageSize, ...selection } = pledgeListParams.parse(params);
  return listPledges({ selection, time: { asOf, knownAt }, page, pageSize: pageSize ?? 100 });
};

describe("loadFigures", () => {
  it("computes the same figures through the dashboard's cache and through the filtered SQL", async () => {
    for (const assume of [[], ["russia-agrees-to-ceasefire", "ceasefire-line-agreed"]]) {
      const cached = await figures({ assume });
      const dashboard = await loadDashboard("personnel", [...assume].sort().join(","), "");
      expect(cached.summary).toEqual(dashboard.summary);
      // A date filter that keeps every pledge takes the filtered path.
      const filtered = await figures({ assume, from: "2000-01-01" });
      expect(filtered.summary.gap).toEqual(dashboard.summary.gap);
      expect(filtered.summary.byStakeholder).toEqual(dashboard.summary.byStakeholder);
      expect(filtered.summary.conditions).toEqual(dashboard.summary.conditions);
      expect(filtered.sources).toEqual(cached.sources);
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
        .filter((row) => row.quantity.quantityUnit === "personnel" && row.status !== "withdrawn")
        .reduce((total, row) => total + (row.quantity.quantityHigh ?? 0n), 0n);
      expect(summary.summary.gap?.pledged.high, JSON.stringify(params)).toBe(personnel);
    }
  });

  it("names the sources behind each figure", async () => {
    const { sources } = await figures({});
    const force = await db().pledge.findUniqueOrThrow({
      where: { externalId: "seed:deterrence-force" },
      include: { citations: true },
    });
    expect(sources.pledged).toEqual([...new Set(force.citations.map((c) => c.sourceId))].sort());
    expect(sources.required.length).toBeGreaterThan(0);
    expect(sources.unconditional).toEqual([]);
    const met = await figures({ assume: ["russia-agrees-to-ceasefire", "ceasefire-line-agreed"] });
    expect(met.sources.unconditional).toEqual(sources.pledged);
  });

  it("refuses a scenario naming a condition that does not exist", async () => {
    await expect(figures({ assume: "no-such-condition" })).rejects.toBeInstanceOf(UnknownConditionError);
  });

  it("before the summit, finds no pledge", async () => {
    expect((await figures({ asOf: "2026-01-01" })).summary.pledgeCount).toBe(0);
    expect((await pledges({ asOf: "2026-01-01" })).total).toBe(0);
  });
});

describe("the pledge selection", () => {
  it("filters by effective status under a scenario exactly as the rule decides", async () => {
    const assume = ["russia-agrees-to-ceasefire"];
    const all = await pledges({ assume });
    for (const status of effectiveStatuses) {
      const expected = all.rows.filter((row) => row.effective.status === status).map((row) => row.id);
      const selected = (await pledges({ assume, effective: status })).rows.map((row) => row.id);
      expect(selected.sort(), status).toEqual(expected.sort());
    }
  });

  it("streams every selected pledge once, in batches", async () => {
    const all = await pledges({});
    const streamed: string[] = [];
    for await (const batch of streamPledges({ ...pledgeListParams.parse({}) }, {}, 2)) {
      expect(batch.length).toBeLessThanOrEqual(2);
      streamed.push(...batch.map((row) => row.id));
    }
    expect(streamed.sort()).toEqual(all.rows.map((row) => row.id).sort());
  });
});

describe("getPledgeJson", () => {
  it("shows a pledge as the list does, plus its quotes and history; null for none", async () => {
    const [force] = (await pledges({ q: "deterrence" })).rows;
    const detail = await getPledgeJson(force!.id);
    expect(detail).toMatchObject(pledgeJson(force!));
    expect(detail?.history.map((change) => change.to)).toEqual(["announced"]);
    expect(detail?.citations.length).toBeGreaterThan(0);
    expect(await getPledgeJson("no-such-pledge")).toBeNull();
  });
});

describe("streamStatusHistory", () => {
  it("keeps a filtered report's own pledges' history, and every condition's", async () => {
    const read = async (params: Record<string, string>) => {
      const rows = [];
      for await (const batch of streamStatusHistory({}, pledgeListParams.parse(params), 3)) {
        rows.push(...batch);
      }
      return rows;
    };
    const all = await read({});
    expect(all).toHaveLength(await db().statusChange.count());
    const force = await read({ category: "force" });
    const forceTitles = (await pledges({ category: "force" })).rows.map((row) => row.title).sort();
    expect([...new Set(force.flatMap((row) => row.pledgeTitle ?? []))].sort()).toEqual(forceTitles);
    expect(force.filter((row) => row.conditionTitle)).toHaveLength(
      all.filter((row) => row.conditionTitle).length,
    );
  });
});

describe("streamDatasetRows", () => {
  it("reads every row of every table", async () => {
    const counts = new Map<string, number>();
    for await (const { table, rows } of streamDatasetRows(5)) {
      counts.set(table, (counts.get(table) ?? 0) + rows.length);
    }
    expect(counts.get("Pledge")).toBe(await db().pledge.count());
    expect(counts.get("Citation")).toBe(await db().citation.count());
    expect(counts.get("StatusChange")).toBe(await db().statusChange.count());
  });
});
