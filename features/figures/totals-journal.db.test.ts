// The totals' journal is kept by triggers whichever way the rows change. Random writes of every kind
// the triggers answer to (pledges added, edited, deleted and restored, links added, changed and
// taken away, conditions linked and changing status), one after the other and at once, must leave
// it summing to exactly what the GROUP BY queries count from the pledges themselves.
import { beforeAll, describe, expect, it } from "vitest";
import { seededTestDatabase } from "@tests/seeded-database";
import { totalsJournalDrift } from "@tests/totals-journal";
import { testDatabaseKind } from "@tests/temp-database";
import type * as Queries from "./queries";

const { db } = await seededTestDatabase();
const { compactJournal } = await import("./mutations");
const { readJournalGroups } = await import("./queries");

/** The same sequence every run (mulberry32): a failure names the step that caused it. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick, chance: (p: number) => next() < p };
}

const categories = ["force", "monitoring", "assistance", "other"] as const;
const statuses = ["announced", "committed", "in_progress", "delivered", "stalled", "withdrawn"] as const;
const qualifiers = ["exact", "up_to", "at_least", "about"] as const;
const roles = ["pledger", "lead", "contributor", "host", "beneficiary"] as const;
const conditionStatuses = ["unmet", "partially_met", "met", "waived"] as const;

let stakeholders: string[];
let conditions: string[];

beforeAll(async () => {
  stakeholders = (await db().stakeholder.findMany({ select: { id: true } })).map((s) => s.id);
  conditions = (await db().condition.findMany({ select: { id: true } })).map((c) => c.id);
});

type Random = ReturnType<typeof random>;

function figures(r: Random) {
  const low = r.chance(0.2) ? null : BigInt(Math.floor(r.next() * 5) * 1000);
  const high = low === null ? null : low + BigInt(Math.floor(r.next() * 3) * 1000);
  return {
    category: r.pick(categories),
    status: r.pick(statuses),
    quantityQualifier: r.pick(qualifiers),
    quantityUnit: r.pick(["personnel", "eur", null]),
    quantityLow: low,
    quantityHigh: high,
    deliveredQuantity: r.chance(0.4) ? null : BigInt(Math.floor(r.next() * 8) * 1000),
  };
}

/** One write of a kind chosen at random, as a description of what it did. */
async function randomWrite(r: Random, step: number): Promise<string> {
  const pledges = await db().pledge.findMany({
    select: { id: true, deletedAt: true },
    orderBy: { id: "asc" },
  });
  const pledge = r.pick(pledges);
  const kind = r.next();
  if (kind < 0.12) {
    await db().pledge.create({
      data: {
        title: `Random ${step}`,
        announcedOn: new Date("2026-02-01"),
        ...figures(r),
        stakeholders: {
          create: [...new Set([r.pick(stakeholders), r.pick(stakeholders)])].map((stakeholderId) => ({
            stakeholderId,
            role: r.pick(roles),
          })),
        },
        conditions: { create: r.chance(0.5) ? [{ conditionId: r.pick(conditions) }] : [] },
      },
    });
    return "create a pledge with links";
  }
  if (kind < 0.35) {
    const { category, ...rest } = figures(r);
    // Some columns only, or all of them unchanged (as an edit that rewrites everything does).
    const data = r.chance(0.1) ? {} : Object.fromEntries(Object.entries(rest).filter(() => r.chance(0.5)));
    await db().pledge.update({
      where: { id: pledge.id },
      data: r.chance(0.2) ? { ...data, category } : data,
    });
    return `edit ${pledge.id}`;
  }
  if (kind < 0.42) {
    await db().pledge.update({
      where: { id: pledge.id },
      data: { deletedAt: pledge.deletedAt ? null : new Date() },
    });
    return `${pledge.deletedAt ? "restore" : "delete"} ${pledge.id}`;
  }
  if (kind < 0.45) {
    // Hard deletion: only pledges with no history, which the evidence tables keep.
    const bare = await db().pledge.findFirst({
      where: { title: { startsWith: "Random" } },
      orderBy: { id: "desc" },
    });
    if (!bare) return "no pledge to remove";
    await db().pledge.delete({ where: { id: bare.id } });
    return `remove ${bare.id}`;
  }
  const links = await db().pledgeStakeholder.findMany({ where: { pledgeId: pledge.id } });
  if (kind < 0.6) {
    const stakeholderId = r.pick(stakeholders);
    const role = r.pick(roles);
    if (links.some((l) => l.stakeholderId === stakeholderId && l.role === role)) return "link there already";
    await db().pledgeStakeholder.create({ data: { pledgeId: pledge.id, stakeholderId, role } });
    return `link ${stakeholderId} as ${role} to ${pledge.id}`;
  }
  if (kind < 0.7) {
    if (links.length === 0) return "no link to take away";
    const { pledgeId, stakeholderId, role } = r.pick(links);
    await db().pledgeStakeholder.delete({
      where: { pledgeId_stakeholderId_role: { pledgeId, stakeholderId, role } },
    });
    return `unlink ${stakeholderId} (${role}) from ${pledge.id}`;
  }
  if (kind < 0.78) {
    if (links.length === 0) return "no link to change";
    const link = r.pick(links);
    const role = r.pick(roles);
    const stakeholderId = r.chance(0.3) ? r.pick(stakeholders) : link.stakeholderId;
    if (links.some((l) => l.stakeholderId === stakeholderId && l.role === role))
      return "changed link there already";
    await db().pledgeStakeholder.update({
      where: {
        pledgeId_stakeholderId_role: {
          pledgeId: link.pledgeId,
          stakeholderId: link.stakeholderId,
          role: link.role,
        },
      },
      data: { role, stakeholderId },
    });
    return `change ${link.stakeholderId} (${link.role}) to ${stakeholderId} (${role}) on ${pledge.id}`;
  }
  if (kind < 0.88) {
    const conditionId = r.pick(conditions);
    const linked = await db().pledgeCondition.findUnique({
      where: { pledgeId_conditionId: { pledgeId: pledge.id, conditionId } },
    });
    if (linked)
      await db().pledgeCondition.delete({
        where: { pledgeId_conditionId: { pledgeId: pledge.id, conditionId } },
      });
    else await db().pledgeCondition.create({ data: { pledgeId: pledge.id, conditionId } });
    return `${linked ? "unlink" : "link"} condition ${conditionId} on ${pledge.id}`;
  }
  const conditionId = r.pick(conditions);
  const status = r.pick(conditionStatuses);
  await db().condition.update({ where: { id: conditionId }, data: { status } });
  return `condition ${conditionId} ${status}`;
}

describe("the totals' journal", () => {
  it("starts as the queries count the seeded pledges", async () => {
    expect(await totalsJournalDrift()).toEqual([]);
    expect(await db().figureDelta.count()).toBeGreaterThan(0);
  });

  it("follows random writes of every kind, one after the other", async () => {
    const r = random(20261204);
    const done: string[] = [];
    for (let step = 0; step < 240; step++) {
      done.push(await randomWrite(r, step));
      if (step % 20 === 19) expect(await totalsJournalDrift(), done.slice(-20).join("\n")).toEqual([]);
    }
    // Every kind of write was made.
    for (const kind of [
      "create",
      "edit",
      "delete",
      "restore",
      "remove",
      "link",
      "unlink",
      "change",
      "condition",
    ]) {
      expect(
        done.some((d) => d.startsWith(kind)),
        kind,
      ).toBe(true);
    }
  }, 120_000);

  it("counts a stakeholder once when one statement gives it several roles on a pledge, and when they go", async () => {
    const [stakeholderId, other] = stakeholders as [string, string];
    const pledge = await db().pledge.create({
      data: {
        title: "Random roles",
        announcedOn: new Date("2026-02-01"),
        category: "force",
        quantityLow: 10n,
        quantityHigh: 10n,
      },
    });
    const roles = ["pledger", "lead", "contributor"] as const;
    await db().pledgeStakeholder.createMany({
      data: [
        ...roles.map((role) => ({ pledgeId: pledge.id, stakeholderId, role })),
        { pledgeId: pledge.id, stakeholderId: other, role: "host" },
      ],
    });
    expect(await totalsJournalDrift()).toEqual([]);
    await db().pledgeStakeholder.updateMany({
      where: { pledgeId: pledge.id, role: "contributor" },
      data: { role: "beneficiary" },
    });
    expect(await totalsJournalDrift()).toEqual([]);
    await db().pledgeStakeholder.deleteMany({
      where: { pledgeId: pledge.id, role: { in: ["pledger", "lead"] } },
    });
    expect(await totalsJournalDrift()).toEqual([]);
    await db().pledgeStakeholder.deleteMany({ where: { pledgeId: pledge.id } });
    expect(await totalsJournalDrift()).toEqual([]);
  });

  it("follows writes made at once", async () => {
    for (let round = 0; round < 6; round++) {
      // Each write its own sequence, so that the order they run in changes none.
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => randomWrite(random(round * 10 + i), 1000 + round * 10 + i)),
      );
      // Two writes at once may clash on a key (a link both add): what was written still counts.
      expect(results.some((result) => result.status === "fulfilled")).toBe(true);
      expect(await totalsJournalDrift()).toEqual([]);
    }
  }, 120_000);

  it("reads a write committed after a later one, which a server read in between", async () => {
    const [first, second] = await db().pledge.findMany({
      where: { deletedAt: null, quantityHigh: { not: null } },
      take: 2,
      orderBy: { id: "asc" },
    });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let began = () => {};
    const begun = new Promise<void>((resolve) => (began = resolve));
    // The first writer adds its journal rows (drawing the lower ids), then waits before committing.
    const slow = db().$transaction(
      async (tx) => {
        await tx.pledge.update({ where: { id: first!.id }, data: { deliveredQuantity: 777n } });
        began();
        await released;
      },
      { timeout: 20_000 },
    );
    await begun;
    if (testDatabaseKind() === "postgresql") {
      // A second writer commits meanwhile; a server reads the journal: the second write, not the first.
      await db().pledge.update({ where: { id: second!.id }, data: { deliveredQuantity: 555n } });
      expect(await totalsJournalDrift()).toEqual([]);
      release();
      await slow;
    } else {
      // SQLite's writers take turns: the second waits for the first, whose rows it follows.
      const fast = db().pledge.update({ where: { id: second!.id }, data: { deliveredQuantity: 555n } });
      release();
      await Promise.all([slow, fast]);
    }
    // Then the first: read although the server had read past its rows' ids.
    expect(await totalsJournalDrift()).toEqual([]);
  }, 60_000);

  it("applies each row once when two copies of its module catch up at once, as Next.js's bundles for the pages and for the API do", async () => {
    // A second instance of the module (the query makes it another), sharing the journal held.
    const copy = "./queries?another-bundle";
    const other = (await import(/* @vite-ignore */ copy)) as typeof Queries;
    expect(other.readJournalGroups).not.toBe(readJournalGroups);
    const r = random(11);
    for (let round = 0; round < 6; round++) {
      await randomWrite(r, 6000 + round);
      await Promise.all([readJournalGroups(), other.readJournalGroups(), other.readJournalGroups()]);
    }
    expect(await totalsJournalDrift()).toEqual([]);
  }, 60_000);

  it("sums up to one row a group without changing a total", async () => {
    const before = await db().figureDelta.count();
    await compactJournal();
    const after = await db().figureDelta.count();
    expect(after).toBeLessThan(before);
    const keys = await db().figureDelta.groupBy({
      by: ["kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy"],
    });
    expect(keys.length).toBe(after);
    expect(await totalsJournalDrift()).toEqual([]);
    // Writes go on being journalled after it.
    await randomWrite(random(3), 5000);
    expect(await totalsJournalDrift()).toEqual([]);
  }, 60_000);
});
