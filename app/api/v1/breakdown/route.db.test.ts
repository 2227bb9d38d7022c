// What each condition is worth, through the API on the seeded database: every outcome the
// breakdown gives (met alone, all but this one, each joint set) is what the summary says under the
// scenario that meets those conditions, so the sensitivity and the headline cannot disagree.
import { beforeAll, describe, expect, it } from "vitest";
import { bearerHeaders, routeContext } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const breakdownRoute = (await import("./route")).GET;
const summaryRoute = (await import("../summary/route")).GET;

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
