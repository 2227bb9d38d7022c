// A gap history's earlier points are counted again only when the past's version moves: it must move
// for every write that changes a day before today's figures, and stay for the writes of today that
// analysts make all day (so that a recount of seconds is not repeated for them).
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/access";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const { recordPledgeStatus, recordConditionStatus, updatePledge } =
  await import("@/features/editing/mutations");
const { pledgeStatusUpdateSchema, pledgePatchSchema } = await import("@/features/editing/schemas");
const { readDataVersion, readPastVersion } = await import("@/server/data-version");
const { loadGapHistory } = await import("./index");
const { everyPledge } = await import("@/features/pledges/selection-sql");

let analyst: Principal;
let sourceId: string;

beforeAll(async () => {
  const user = await db().user.create({
    data: { name: "Pat Past", email: "pat@example.org", role: "analyst" },
  });
  analyst = { kind: "user", id: user.id, name: user.name, role: "analyst" };
  sourceId = (await db().source.findFirstOrThrow()).id;
});

/** In a day's last 15 minutes every write moves the past's version (the migration says why). */
const lateInDay = () => new Date(Date.now() + 15 * 60_000).getUTCDate() !== new Date().getUTCDate();
/** What a write dated today does to the past's version: nothing, but late in the day. */
const todays = (late: boolean) => ({ data: true, past: late || lateInDay() });

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const today = { metric: "personnel", time: {}, selection: everyPledge };

/** What a write did to the data's version and the past's. */
async function moves(write: () => Promise<unknown>) {
  const [data, past] = await Promise.all([readDataVersion(), readPastVersion()]);
  await write();
  return { data: (await readDataVersion()) > data, past: (await readPastVersion()) > past };
}

const pledgeInPersonnel = () =>
  db().pledge.findFirstOrThrow({
    where: { deletedAt: null, quantityUnit: "personnel", status: { notIn: ["withdrawn", "stalled"] } },
    orderBy: { quantityHigh: "desc" },
  });

describe("the past's version", () => {
  it("stays for a status change dated today, which moves only today's figures", async () => {
    const before = await loadGapHistory(today);
    const pledge = await pledgeInPersonnel();
    const status = pledge.status === "committed" ? "in_progress" : "committed";
    const late = lateInDay();
    const moved = await moves(() =>
      recordPledgeStatus(
        analyst,
        pledge.id,
        pledgeStatusUpdateSchema.parse({ status, note: "Today", version: pledge.version, sourceId }),
      ),
    );
    expect(moved).toEqual(todays(late));
    const after = await loadGapHistory(today);
    // The same earlier points, given again rather than counted again.
    expect(after.points.slice(0, -1)).toEqual(before.points.slice(0, -1));
  });

  it("moves for a status change dated in the past, and the earlier points count it", async () => {
    const before = await loadGapHistory(today);
    const pledge = await pledgeInPersonnel();
    const moved = await moves(() =>
      recordPledgeStatus(
        analyst,
        pledge.id,
        pledgeStatusUpdateSchema.parse({
          status: "withdrawn",
          note: "Withdrawn weeks ago",
          version: pledge.version,
          occurredOn: daysAgo(20),
          sourceId,
        }),
      ),
    );
    expect(moved).toEqual({ data: true, past: true });
    const after = await loadGapHistory(today);
    const since = (points: typeof before.points) =>
      points.filter((point) => point.day.getTime() >= Date.parse(daysAgo(20)) && point !== points.at(-1));
    expect(since(after.points).length).toBeGreaterThan(0);
    // Each earlier point from that day on has the pledge's figures no more.
    for (const [i, point] of since(after.points).entries()) {
      expect(point.pledged.high).toBeLessThan(since(before.points)[i]!.pledged.high!);
    }
  });

  it("moves for a pledge's links, its deletion, a condition's backdated change and a requirement", async () => {
    const pledge = await db().pledge.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: "asc" } });
    const stakeholder = await db().stakeholder.findFirstOrThrow({ where: { slug: "france" } });
    expect(
      await moves(() =>
        updatePledge(
          analyst,
          pledge.id,
          pledgePatchSchema.parse({
            version: pledge.version,
            stakeholders: [{ stakeholderId: stakeholder.id, role: "pledger" }],
          }),
        ),
      ),
    ).toEqual({ data: true, past: true });

    const condition = await db().condition.findFirstOrThrow({ where: { status: "unmet" } });
    const late = lateInDay();
    const today = await moves(() =>
      recordConditionStatus(analyst, condition.id, {
        status: "partially_met",
        note: "Talks began",
        version: condition.version,
        sourceId,
      }),
    );
    expect(today).toEqual(todays(late));
    const again = await db().condition.findUniqueOrThrow({ where: { id: condition.id } });
    const backdated = await moves(() =>
      recordConditionStatus(analyst, condition.id, {
        status: "met",
        note: "Agreed last month",
        version: again.version,
        occurredOn: new Date(daysAgo(30)),
        sourceId,
      }),
    );
    expect(backdated).toEqual({ data: true, past: true });

    const requirement = await db().requirement.findFirstOrThrow();
    expect(
      await moves(() =>
        db().requirement.update({ where: { id: requirement.id }, data: { high: requirement.high + 1n } }),
      ),
    ).toMatchObject({ past: true });
    expect(
      await moves(() => db().pledge.update({ where: { id: pledge.id }, data: { deletedAt: new Date() } })),
    ).toEqual({ data: true, past: true });
  });

  it("moves for the first event of a fact, dated today, which the days before it read", async () => {
    const pledge = await db().pledge.create({
      data: { title: "Stated late", category: "force", announcedOn: new Date(daysAgo(40)) },
    });
    const event = (fact: "stated" | "delivered", occurredOn: Date) => () =>
      db().ledgerEvent.create({
        data: { pledgeId: pledge.id, fact, occurredOn, quantityLow: 5n, quantityHigh: 5n, note: "A fact" },
      });
    // The first of each fact: a day before it has none, and reads the earliest.
    expect((await moves(event("stated", new Date()))).past).toBe(true);
    expect((await moves(event("delivered", new Date()))).past).toBe(true);
    // Once one is dated earlier, those dated today move only today.
    expect((await moves(event("stated", new Date(daysAgo(30))))).past).toBe(true);
    const late = lateInDay();
    expect((await moves(event("stated", new Date()))).past).toBe(late || lateInDay());
  });
});
