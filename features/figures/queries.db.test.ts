// The as-of reconstruction runs in SQL; these tests pin it down on a real SQLite file.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ConditionStatus } from "@/lib/rules/vocabulary";
import { deliveredAbovePledge } from "@/lib/rules/ledger";
import { blockingConditionStatuses, statusesOutsideTotals } from "@/lib/rules/effective-status";
import { pledgeStatuses } from "@/lib/rules/vocabulary";
import { everyPledge } from "@/features/pledges/selection-sql";
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
const { readAggregates, readHistoryMarks, readLastChange, readSourceRows, readUnitsInUse } =
  await import("./queries");
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
  const ceasefireMet = async () => ({
    at: new Date("2026-04-01T18:30:00.000Z"),
    title: (await db().condition.findUniqueOrThrow({ where: { slug: "russia-agrees-to-ceasefire" } })).title,
    status: "met",
  });

  it("are the conditions' changes of status by the view's day, never their creation", async () => {
    // Every condition's first entry (from no status, on the summit's day) is its creation.
    expect((await readHistoryMarks({ asOf: day("2026-03-31") })).conditionChanges).toEqual([]);
    expect((await readHistoryMarks({ asOf: day("2026-06-30") })).conditionChanges).toEqual([
      await ceasefireMet(),
    ]);
  });

  it("come as they occurred, changes of one moment as they were recorded, and only those recorded by the view's knownAt", async () => {
    const other = await db().condition.findFirstOrThrow({
      where: { slug: { not: "russia-agrees-to-ceasefire" } },
    });
    const change = (
      condition: { id: string },
      status: ConditionStatus,
      occurredAt: string,
      createdAt: string,
    ) =>
      db().statusChange.create({
        data: {
          conditionId: condition.id,
          fromConditionStatus: "unmet",
          toConditionStatus: status,
          occurredAt: new Date(occurredAt),
          createdAt: new Date(createdAt),
          note: "test",
        },
      });
    // Occurred before the ceasefire was met, recorded after.
    await change(other, "partially_met", "2026-03-15T00:00:00.000Z", "2026-04-20T00:00:00.000Z");
    // Two of one moment, stored in the other order than they were recorded.
    await change(other, "met", "2026-05-01T00:00:00.000Z", "2026-05-03T00:00:00.000Z");
    await change(other, "partially_met", "2026-05-01T00:00:00.000Z", "2026-05-02T00:00:00.000Z");
    const marks = (knownAt?: Date) =>
      readHistoryMarks({ asOf: day("2026-06-30"), knownAt }).then(({ conditionChanges }) =>
        conditionChanges.map(({ at, title, status }) => [at.toISOString(), title, status]),
      );
    const ceasefire = await ceasefireMet();
    expect(await marks()).toEqual([
      ["2026-03-15T00:00:00.000Z", other.title, "partially_met"],
      [ceasefire.at.toISOString(), ceasefire.title, "met"],
      ["2026-05-01T00:00:00.000Z", other.title, "partially_met"],
      ["2026-05-01T00:00:00.000Z", other.title, "met"],
    ]);
    // The ceasefire's change was recorded when the test's data was, long after.
    expect(await marks(new Date("2026-05-02T12:00:00.000Z"))).toEqual([
      ["2026-03-15T00:00:00.000Z", other.title, "partially_met"],
      ["2026-05-01T00:00:00.000Z", other.title, "partially_met"],
    ]);
  });

  it("start at the first announcement", async () => {
    const first = await db().pledge.findFirstOrThrow({
      where: { deletedAt: null },
      orderBy: { announcedOn: "asc" },
    });
    expect((await readHistoryMarks({})).firstAnnounced).toEqual(first.announcedOn);
  });
});

// Every status selects every pledge, but not as `everyPledge` does: the queries take their general form.
const everyStatus = { ...everyPledge, status: [...pledgeStatuses] };

describe("the present view of every pledge, read by its shortcuts", () => {
  const tiedCounts = (conditions: { slug: string; pledges: number }[]) =>
    Object.fromEntries(conditions.map((c) => [c.slug, c.pledges]));

  it("counts the pledges tied to each condition as the general query does, a deleted pledge's links left out", async () => {
    const linked = await db().pledge.findFirstOrThrow({
      where: { deletedAt: null, conditions: { some: {} } },
      select: { id: true, conditions: { select: { condition: { select: { slug: true } } } } },
    });
    const before = tiedCounts((await readAggregates({})).conditions);
    await db().pledge.update({ where: { id: linked.id }, data: { deletedAt: new Date() } });
    try {
      const [shortcut, general] = await Promise.all([readAggregates({}), readAggregates({}, everyStatus)]);
      expect(tiedCounts(shortcut.conditions)).toEqual(tiedCounts(general.conditions));
      const expected = { ...before };
      for (const { condition } of linked.conditions) expected[condition.slug]! -= 1;
      expect(tiedCounts(shortcut.conditions)).toEqual(expected);
    } finally {
      await db().pledge.update({ where: { id: linked.id }, data: { deletedAt: null } });
    }
  });

  it("gives the units pledges state with how many live pledges state each", async () => {
    const deleted = await db().pledge.findFirstOrThrow({
      where: { quantityUnit: "personnel", deletedAt: null },
    });
    await db().pledge.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    try {
      const counted = await db().pledge.groupBy({
        by: ["quantityUnit"],
        where: { deletedAt: null, quantityUnit: { not: null } },
        _count: { _all: true },
      });
      const { pledgeUnits } = await readUnitsInUse();
      expect(pledgeUnits.sort((a, b) => a.unit.localeCompare(b.unit))).toEqual(
        counted
          .map((row) => ({ unit: row.quantityUnit!, pledges: row._count._all }))
          .sort((a, b) => a.unit.localeCompare(b.unit)),
      );
    } finally {
      await db().pledge.update({ where: { id: deleted.id }, data: { deletedAt: null } });
    }
  });

  it("lists each source behind a metric's totals with what each citing pledge adds, from the pledges' own records", async () => {
    // The force (cited, in personnel, still blocked by a condition) counted again for the test.
    const force = { externalId: "seed:deterrence-force" };
    await db().pledge.update({ where: force, data: { status: "announced" } });
    try {
      await compareSourceRows();
    } finally {
      await db().pledge.update({ where: force, data: { status: "withdrawn" } });
    }
  });

  async function compareSourceRows() {
    const pledges = await db().pledge.findMany({
      where: { deletedAt: null, status: { notIn: [...statusesOutsideTotals] }, citations: { some: {} } },
      select: {
        quantityUnit: true,
        status: true,
        deliveredQuantity: true,
        citations: { select: { sourceId: true } },
        conditions: { select: { condition: { select: { id: true, status: true } } } },
      },
    });
    const row = (sourceId: string, status: string, blocked: string[], delivered: bigint | number | null) =>
      JSON.stringify([sourceId, status, blocked.sort(), delivered === null ? null : Number(delivered)]);
    let blockedRows = 0;
    const metrics = new Set(pledges.flatMap((p) => p.quantityUnit ?? []));
    for (const metric of ["personnel", ...metrics]) {
      const expected = new Set(
        pledges
          .filter((p) => p.quantityUnit === metric)
          .flatMap((p) => {
            const blocked = p.conditions
              .filter(({ condition }) =>
                (blockingConditionStatuses as readonly string[]).includes(condition.status),
              )
              .map(({ condition }) => condition.id);
            return p.citations.map((c) => row(c.sourceId, p.status, blocked, p.deliveredQuantity));
          }),
      );
      const read = await readSourceRows({}, everyPledge, metric);
      const got = read.map((r) =>
        row(r.sourceId, r.status, r.blocked ? r.blocked.split(",") : [], r.delivered),
      );
      expect(got).toHaveLength(expected.size);
      expect(new Set(got)).toEqual(expected);
      blockedRows += read.filter((r) => r.blocked).length;
    }
    // Rows with blocking conditions, so that their lists are compared too.
    expect(blockedRows).toBeGreaterThan(0);
  }
});

// Last: it dates records a year and more ahead.
describe("the last change", () => {
  it("is the newest record of any kind the figures read", async () => {
    const ahead = (years: number) => new Date(Date.now() + years * 366 * 86_400_000);
    const condition = await db().condition.update({
      where: { slug: "russia-agrees-to-ceasefire" },
      data: { updatedAt: ahead(1) },
    });
    expect(await readLastChange()).toEqual(condition.updatedAt);
    const change = await db().statusChange.create({
      data: {
        conditionId: condition.id,
        fromConditionStatus: "met",
        toConditionStatus: "met",
        note: "test",
        occurredAt: new Date("2026-04-02T00:00:00.000Z"),
        createdAt: ahead(2),
      },
    });
    expect(await readLastChange()).toEqual(change.createdAt);
    const pledge = await db().pledge.update({
      where: { externalId: "seed:deterrence-force" },
      data: { updatedAt: ahead(3) },
    });
    expect(await readLastChange()).toEqual(pledge.updatedAt);
  });
});
