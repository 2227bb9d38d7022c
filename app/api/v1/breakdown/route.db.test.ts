// What each condition is worth, through the API on the seeded database: every outcome the
// breakdown gives (met alone, all but this one, each joint set) is what the summary says under the
// scenario that meets those conditions, so the sensitivity and the headline cannot disagree.
import { beforeAll, describe, expect, it } from "vitest";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const breakdownRoute = (await import("./route")).GET;
const summaryRoute = (await import("../summary/route")).GET;
const pledgesRoute = (await import("../pledges/route")).POST;

type Range = { low: number; high: number; bound: string };
interface Outcome {
  unlocks: { pledges: number; quantity: Range };
  unconditional: Range;
  shortfall: Range | null;
  coverage: Range | null;
}
interface ConditionRow extends Outcome {
  key: string;
  status: string;
  alone: Outcome;
  allButThis: Outcome;
  joint: (Outcome & { conditions: string[] })[];
}

let headers: Record<string, string>;
beforeAll(async () => {
  headers = await bearerHeaders("viewer");
});

async function get(route: typeof summaryRoute, path: string, query: [string, string][]) {
  const response = await route(
    new Request(`http://localhost/api/v1/${path}?${new URLSearchParams(query)}`, { headers }),
    routeContext({}),
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: unknown }).data;
}

const assuming = (slugs: Iterable<string>) => [...slugs].map((slug): [string, string] => ["assume", slug]);
const conditionRows = async (query: [string, string][] = []) =>
  (await get(breakdownRoute, "breakdown", [["by", "condition"], ...query])) as ConditionRow[];
const summary = async (query: [string, string][]) =>
  (await get(summaryRoute, "summary", query)) as {
    unconditional: Range;
    unconditionalShortfall: Range | null;
    unconditionalCoverage: Range | null;
  };

/** The outcome must be the summary's figures under `scenario`. */
async function expectOutcome(outcome: Outcome, scenario: Iterable<string>) {
  const figures = await summary(assuming(scenario));
  expect(outcome.unconditional).toEqual(figures.unconditional);
  expect(outcome.shortfall).toEqual(figures.unconditionalShortfall);
  expect(outcome.coverage).toEqual(figures.unconditionalCoverage);
}

describe("GET /api/v1/breakdown?by=condition: what each condition is worth", () => {
  it("gives each blocking condition's outcomes as the summary gives them under the same scenario", async () => {
    const rows = await conditionRows();
    const blocking = rows.filter((row) => row.status === "unmet" || row.status === "partially_met");
    expect(blocking.length).toBeGreaterThan(1);
    // The seed's force pledge waits for two conditions at once.
    expect(blocking.some((row) => row.joint.length > 0)).toBe(true);
    const base = await summary([]);
    for (const row of blocking) {
      await expectOutcome(row.alone, [row.key]);
      expect(row.alone.unlocks).toEqual(row.unlocks);
      await expectOutcome(
        row.allButThis,
        blocking.filter((other) => other.key !== row.key).map((other) => other.key),
      );
      for (const set of row.joint) {
        expect(set.conditions).toContain(row.key);
        expect(set.conditions.length).toBeGreaterThan(1);
        await expectOutcome(set, set.conditions);
      }
      // Releasing pledges never lowers the unconditional total.
      expect(row.alone.unconditional.low).toBeGreaterThanOrEqual(base.unconditional.low);
    }
    // The seed's ceasefire releases pledges on its own: the monitoring pledges wait for nothing else.
    const ceasefire = rows.find((row) => row.key === "russia-agrees-to-ceasefire")!;
    expect(ceasefire.alone.unlocks.pledges).toBeGreaterThan(0);
  });

  it("gives a condition the scenario assumes the worth of assuming it, and keeps the others' from that scenario", async () => {
    const plain = await conditionRows();
    const ceasefire = "russia-agrees-to-ceasefire";
    const assumed = await conditionRows(assuming([ceasefire]));
    const row = (rows: ConditionRow[], key: string) => rows.find((r) => r.key === key)!;
    expect(row(assumed, ceasefire).alone).toEqual(row(plain, ceasefire).alone);
    // Nothing more to release on top of the scenario: `unlocks` says so.
    expect(row(assumed, ceasefire).unlocks.pledges).toBe(0);
    for (const other of assumed.filter((r) => r.key !== ceasefire && r.status === "unmet")) {
      await expectOutcome(other.alone, [ceasefire, other.key]);
    }
  });

  it("writes the outcomes without shortfall or coverage in a unit with no requirement", async () => {
    expect(await db().requirement.count({ where: { unit: "EUR" } })).toBe(0);
    const rows = await conditionRows([["metric", "EUR"]]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.alone).toMatchObject({ shortfall: null, coverage: null });
      expect(row.allButThis).toMatchObject({ shortfall: null, coverage: null });
    }
  });
});

interface StakeholderRow {
  key: string;
  label: string;
  pledges: number;
  pledged: Range;
}

describe("GET /api/v1/breakdown?by=lead: each pledge once", () => {
  it("adds up to the summary's totals, where counting every carrier does not", async () => {
    const total = (await get(summaryRoute, "summary", [])) as { pledges: number; pledged: Range };
    const byLead = (await get(breakdownRoute, "breakdown", [["by", "lead"]])) as StakeholderRow[];
    const byCarrier = (await get(breakdownRoute, "breakdown", [["by", "stakeholder"]])) as StakeholderRow[];
    const sum = (rows: StakeholderRow[], pick: (row: StakeholderRow) => number) =>
      rows.reduce((sum, row) => sum + pick(row), 0);
    expect(sum(byLead, (row) => row.pledges)).toBe(total.pledges);
    expect(sum(byLead, (row) => row.pledged.low)).toBe(total.pledged.low);
    expect(sum(byLead, (row) => row.pledged.high)).toBe(total.pledged.high);
    // The seed has pledges several stakeholders carry: counted for each, they add up to more.
    expect(sum(byCarrier, (row) => row.pledges)).toBeGreaterThan(total.pledges);
    expect(byLead.map((row) => row.key)).toContain("france");
  });

  it("counts a pledge led by one of its carriers for the lead alone, and one led by several for no one", async () => {
    const [france, uk] = await Promise.all([
      db().stakeholder.findUniqueOrThrow({ where: { slug: "france" } }),
      db().stakeholder.findUniqueOrThrow({ where: { slug: "united-kingdom" } }),
    ]);
    const analyst = await bearerHeaders("analyst");
    // Through the API, as any pledge is written: in a unit of their own, apart from the seed's.
    const pledge = async (title: string, roles: [string, "lead" | "pledger" | "contributor"][]) => {
      const response = await pledgesRoute(
        new Request("http://localhost/api/v1/pledges", {
          method: "POST",
          headers: { ...analyst, "content-type": "application/json" },
          body: JSON.stringify({
            title,
            category: "enablers",
            quantityUnit: "aircraft",
            quantityLow: "7",
            quantityHigh: "7",
            quantityQualifier: "exact",
            announcedOn: "2026-02-01",
            stakeholders: roles.map(([stakeholderId, role]) => ({ stakeholderId, role })),
            conditionIds: [],
            source: { title: `${title}: communiqué`, url: "https://example.org/lead", quote: "seven" },
          }),
        }),
        routeContext({}),
      );
      expect(response.status).toBe(201);
    };
    await pledge("Led by France", [
      [france.id, "lead"],
      [uk.id, "contributor"],
    ]);
    await pledge("Led by both", [
      [france.id, "lead"],
      [uk.id, "lead"],
    ]);
    const rows = (await get(breakdownRoute, "breakdown", [
      ["by", "lead"],
      ["metric", "aircraft"],
    ])) as StakeholderRow[];
    // Rows count every pledge (the seed's too); amounts are in the unit asked for, here only these two.
    expect(rows.map((row) => [row.label, row.pledged.high])).toEqual(
      expect.arrayContaining([
        ["France", 7],
        ["No single lead", 7],
      ]),
    );
    expect(rows.find((row) => row.label === "United Kingdom")?.pledged.high ?? 0).toBe(0);
  });
});
