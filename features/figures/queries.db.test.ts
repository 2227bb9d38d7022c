// The as-of reconstruction runs in SQL; these tests pin it down on a real SQLite file.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { deliveredAbovePledge } from "@/lib/rules/ledger";
import { seededTestDatabase } from "@tests/seeded-database";

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

async function statusesAt(asOf: Date | undefined) {
  const { groups, conditions } = await readAggregates({ asOf });
  const force = groups.find((g) => g.unit === "personnel");
  return {
    pledges: groups.reduce((total, g) => total + g.count, 0),
    forceStatus: force?.status,
    forceBlockedBy: force?.blockedBy.map((c) => c.title).sort(),
    ceasefire: conditions.find((c) => c.slug === "russia-agrees-to-ceasefire"),
  };
}

// A history to rebuild: the ceasefire met on 1 April (18:30 UTC), the force withdrawn on 1 May.
async function addHistory(client: PrismaClient) {
  const ceasefire = await client.condition.findUniqueOrThrow({
    where: { slug: "russia-agrees-to-ceasefire" },
  });
  const force = await client.pledge.findUniqueOrThrow({ where: { externalId: "seed:deterrence-force" } });
  await client.$transaction([
    client.condition.update({
      where: { id: ceasefire.id },
      data: { status: "met", statusDate: day("2026-04-01") },
    }),
    client.statusChange.create({
      data: {
        conditionId: ceasefire.id,
        fromConditionStatus: "unmet",
        toConditionStatus: "met",
        occurredAt: new Date("2026-04-01T18:30:00.000Z"),
        note: "test",
      },
    }),
    client.pledge.update({ where: { id: force.id }, data: { status: "withdrawn" } }),
    client.statusChange.create({
      data: {
        pledgeId: force.id,
        fromPledgeStatus: "announced",
        toPledgeStatus: "withdrawn",
        occurredAt: day("2026-05-01"),
        note: "test",
      },
    }),
  ]);
}

const { db } = await seededTestDatabase(addHistory);
const { readAggregates, readHistoryMarks, readLastChange } = await import("./queries");
const { readDataVersion } = await import("@/server/data-version");

describe("the dashboard's aggregates as of a date", () => {
  it("hold no pledge before the summit", async () => {
    const before = await statusesAt(day("2026-01-05"));
    expect(before.pledges).toBe(0);
    expect(before.ceasefire?.pledges).toBe(0);
  });

  it("rebuild statuses from the history, a day counting to its end (UTC)", async () => {
    expect(await statusesAt(day("2026-03-31"))).toMatchObject({
      pledges: 9,
      forceStatus: "announced",
      forceBlockedBy: ["Boundaries of the ceasefire line agreed", "Russia agrees to a ceasefire"],
      ceasefire: { status: "unmet", pledges: 6 },
    });
    expect(await statusesAt(day("2026-04-01"))).toMatchObject({
      forceStatus: "announced",
      forceBlockedBy: ["Boundaries of the ceasefire line agreed"],
      ceasefire: { status: "met" },
    });
    expect(await statusesAt(day("2026-05-01"))).toMatchObject({ forceStatus: "withdrawn" });
  });

  it("use the records as they stand without a date", async () => {
    expect(await statusesAt(undefined)).toMatchObject({
      pledges: 9,
      forceStatus: "withdrawn",
      ceasefire: { status: "met" },
    });
  });

  it("sum quantities in the database, per group", async () => {
    const { groups } = await readAggregates({ asOf: day("2026-03-31") });
    const personnel = groups.filter((g) => g.unit === "personnel");
    expect(personnel).toHaveLength(1);
    expect(personnel[0]).toMatchObject({ qualifier: "up_to", low: 30_000n, high: 30_000n, count: 1 });
    expect(groups.filter((g) => g.unit === null).reduce((n, g) => n + g.count, 0)).toBe(8);
  });

  it("count deliveries above the pledged ceiling in SQL as the rule in lib/rules/ledger.ts does, from the day they happened", async () => {
    const force = await db().pledge.findUniqueOrThrow({ where: { externalId: "seed:deterrence-force" } });
    const above = (groups: { unit: string | null; deliveredAbove: number }[]) =>
      groups.filter((g) => g.unit === "personnel").reduce((n, g) => n + g.deliveredAbove, 0);
    expect(above((await readAggregates({})).groups)).toBe(0);
    const delivered = force.quantityHigh! + 1n;
    expect(deliveredAbovePledge({ deliveredQuantity: delivered, quantityHigh: force.quantityHigh })).toBe(
      true,
    );
    await db().$transaction([
      db().pledge.update({ where: { id: force.id }, data: { deliveredQuantity: delivered } }),
      db().ledgerEvent.create({
        data: {
          pledgeId: force.id,
          fact: "delivered",
          deliveredQuantity: delivered,
          occurredOn: day("2026-04-15"),
          note: "test",
        },
      }),
    ]);
    expect(above((await readAggregates({})).groups)).toBe(1);
    expect(above((await readAggregates({ asOf: day("2026-04-20") })).groups)).toBe(1);
    expect(above((await readAggregates({ asOf: day("2026-04-14") })).groups)).toBe(0);
    // Exactly the ceiling is not above it.
    await db().pledge.update({ where: { id: force.id }, data: { deliveredQuantity: force.quantityHigh } });
    expect(above((await readAggregates({})).groups)).toBe(0);
  });

  it("move the data version on any write", async () => {
    const before = await readDataVersion();
    await db().stakeholder.update({ where: { slug: "italy" }, data: { stance: "Changed for the test." } });
    expect(await readDataVersion()).toBeGreaterThan(before);
  });

  it("give the committed data version while a write is under way, and the new one once it commits", async () => {
    const before = await readDataVersion();
    await db().$transaction(async (tx) => {
      await tx.stakeholder.update({ where: { slug: "italy" }, data: { stance: "Changed again." } });
      // The figures read now are read without this write: they must not be labelled with its version.
      expect(await readDataVersion()).toBe(before);
    });
    expect(await readDataVersion()).toBeGreaterThan(before);
  });
});

describe("the marks of a gap history", () => {
  it("are the conditions' changes of status by the view's day, in the order they occurred, never their creation", async () => {
    const before = await readHistoryMarks({ asOf: day("2026-03-31") });
    const after = await readHistoryMarks({ asOf: day("2026-06-30") });
    const ceasefire = { at: new Date("2026-04-01T18:30:00.000Z"), status: "met" };
    expect(after.conditionChanges.length).toBe(before.conditionChanges.length + 1);
    expect(after.conditionChanges).toContainEqual(expect.objectContaining(ceasefire));
    expect(before.conditionChanges).not.toContainEqual(expect.objectContaining(ceasefire));
    const times = after.conditionChanges.map((change) => change.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const created = await db().statusChange.count({
      where: { conditionId: { not: null }, fromConditionStatus: null },
    });
    expect(created).toBeGreaterThan(0);
    expect(after.firstAnnounced).toEqual(
      (await db().pledge.aggregate({ where: { deletedAt: null }, _min: { announcedOn: true } }))._min
        .announcedOn,
    );
  });

  it("date the last change by the newest record of any kind the figures read", async () => {
    const condition = await db().condition.update({
      where: { slug: "russia-agrees-to-ceasefire" },
      data: { updatedAt: new Date("2030-01-01T00:00:00.000Z") },
    });
    expect(await readLastChange()).toEqual(condition.updatedAt);
    const change = await db().statusChange.create({
      data: {
        conditionId: condition.id,
        toConditionStatus: "met",
        note: "test",
        occurredAt: new Date("2026-04-02T00:00:00.000Z"),
        createdAt: new Date("2031-01-01T00:00:00.000Z"),
      },
    });
    expect(await readLastChange()).toEqual(change.createdAt);
  });
});
