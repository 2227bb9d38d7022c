// The API's and exports' figures come from the same SQL selection and the same rules as the dashboard
// and the list: these tests hold them to each other on a real SQLite file.
import { describe, expect, it } from "vitest";
import { seededTestDatabase } from "@tests/seeded-database";
import { effectiveStatuses } from "@/lib/rules/vocabulary";

const { db } = await seededTestDatabase();
const { listPledges, streamPledges } = await import("@/features/pledges/queries");
const { streamDatasetRows, streamStatusHistory } = await import("./queries");
const { pledgeJson } = await import("@/features/api/json");
const { getPledgeJson } = await import("@/features/api/queries");
const { pledgeListParams } = await import("@/features/api/schemas");

const pledges = async (params: Record<string, string | string[]>) => {
  const { asOf, knownAt, page, pageSize, ...selection } = pledgeListParams.parse(params);
  return listPledges({ selection, time: { asOf, knownAt }, page, pageSize: pageSize ?? 100 });
};

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

    // Each change names the sources it cites, as stored.
    const cited = await db().citation.findMany({
      where: { statusChangeId: { not: null } },
      select: { statusChangeId: true, sourceId: true },
    });
    expect(cited.length).toBeGreaterThan(0);
    for (const row of all) {
      const expected = cited.filter((c) => c.statusChangeId === row.id).map((c) => c.sourceId);
      expect([...row.sourceIds].sort(), row.id).toEqual([...new Set(expected)].sort());
    }
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
