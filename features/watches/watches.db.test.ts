// Watches and the inbox on a real database, the changes written through the app's own writers:
// what is recorded about a watched pledge, condition, stakeholder or list reaches its watcher's
// inbox and unread count, with what it did to the figures, until they mark it read.
import { invalid } from "@/lib/validation-message";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/access";
import { isoDay } from "@/lib/format";
import { WriteError } from "@/lib/write-error";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const { createPledge, recordPledgeStatus, recordConditionStatus, deletePledge } =
  await import("@/features/editing/mutations");
const { pledgeCreateSchema, pledgeStatusUpdateSchema, conditionStatusUpdateSchema } =
  await import("@/features/editing/schemas");
const { addWatch, removeWatch, markInboxRead } = await import("./mutations");
const { countUnread, loadInbox } = await import("./index");
const { watchSchema } = await import("./schemas");
const { loadLearntSince } = await import("@/features/changes");
const { loadKnownFigures } = await import("@/features/figures");
const { everyPledge } = await import("@/features/pledges/selection-sql");

let analyst: Principal;
let sourceId: string;

const newUser = async (name: string) =>
  (
    await db().user.create({
      data: { name, email: `${name.replace(/\W/g, "")}@example.org`, role: "viewer" },
    })
  ).id;

beforeAll(async () => {
  const user = await db().user.create({
    data: { name: "Ana Watch", email: "ana-watch@example.org", role: "analyst" },
  });
  analyst = { kind: "user", id: user.id, name: user.name, role: "analyst" };
  sourceId = (await db().source.findFirstOrThrow()).id;
});

const today = () => isoDay(new Date());

async function newPledge(
  title: string,
  options: { stakeholderIds?: string[]; conditionIds?: string[] } = {},
) {
  const { id } = await createPledge(
    analyst,
    pledgeCreateSchema.parse({
      title,
      category: "force",
      announcedOn: today(),
      quantityUnit: "personnel",
      quantityLow: "1000",
      quantityQualifier: "exact",
      stakeholders: (options.stakeholderIds ?? []).map((stakeholderId) => ({ stakeholderId, role: "lead" })),
      conditionIds: options.conditionIds ?? [],
      sourceId,
      quote: "fixture",
    }),
  );
  return db().pledge.findUniqueOrThrow({ where: { id } });
}

async function setStatus(pledgeId: string, status: "committed" | "withdrawn", quote: string) {
  const pledge = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
  await recordPledgeStatus(
    analyst,
    pledgeId,
    pledgeStatusUpdateSchema.parse({
      status,
      note: "Recorded by the watch tests",
      version: pledge.version,
      occurredOn: today(),
      sourceId,
      quote,
    }),
  );
}

/** A millisecond on: what is recorded next is after what came before (marks compare to the millisecond). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

const watch = async (userId: string, subject: string, target: string) => {
  const made = await addWatch(userId, watchSchema.parse({ subject, target }));
  await tick();
  return made;
};

describe("a watched pledge", () => {
  it("reaches the inbox and the unread count, with its evidence and effect, until marked read", async () => {
    const reader = await newUser("Reader One");
    const pledge = await newPledge("Watched pledge one");
    await watch(reader, "pledge", pledge.id);
    // Its creation came before the watch: nothing is unread yet.
    expect(await countUnread(reader)).toBe(0);

    await setStatus(pledge.id, "withdrawn", "will not send the brigade after all");
    expect(await countUnread(reader)).toBe(1);
    const inbox = await loadInbox(reader);
    expect(inbox.unread).toBe(1);
    const [item] = inbox.items;
    expect(item).toMatchObject({
      watch: { subject: "pledge" },
      label: "Watched pledge one",
      href: `/pledges/${pledge.id}`,
    });
    expect(item!.entries.map((e) => e.title)).toEqual(["Watched pledge one: Announced → Withdrawn"]);
    expect(item!.entries[0]!.citations.map((c) => c.quote)).toEqual(["will not send the brigade after all"]);
    // In the reader's language: the statuses and the day, the record's own words as entered.
    const [ukrainian] = (await loadInbox(reader, "uk")).items[0]!.entries;
    expect(ukrainian!.title).toBe("Watched pledge one: Оголошене → Відкликане");
    expect(ukrainian!.lines[0]).toMatch(/^Оголошене → Відкликане — \d+ \p{L}+ \d{4} р\.$/u);
    // What it did: the pledge's effect on the sums, as known now against as known before.
    expect(item!.learnt!.pledges.map((p) => [p.title, p.effect.pledged])).toEqual([
      ["Watched pledge one", "−1,000"],
    ]);

    await markInboxRead(reader, new Date());
    await tick();
    expect(await countUnread(reader)).toBe(0);
    const read = await loadInbox(reader);
    expect(read.unread).toBe(0);
    expect(read.items[0]!.entries).toEqual([]);
  });

  it("counts an event once however many watches reach it, and never another user's", async () => {
    const reader = await newUser("Reader Two");
    const other = await newUser("Reader Other");
    const category = await newPledge("Watched pledge two");
    await watch(reader, "pledge", category.id);
    await watch(reader, "filter", "category=force&q=Watched+pledge+two");
    await watch(other, "filter", "category=monitoring");
    await setStatus(category.id, "committed", "confirmed the brigade");
    expect(await countUnread(reader)).toBe(1);
    expect((await loadInbox(reader)).items.map((i) => i.entries.length)).toEqual([1, 1]);
    expect(await countUnread(other)).toBe(0);
  });

  it("shows a deletion, and the watch of a deleted pledge can still be stopped", async () => {
    const reader = await newUser("Reader Three");
    const pledge = await newPledge("Watched pledge three");
    const { id } = await watch(reader, "pledge", pledge.id);
    await deletePledge(analyst, pledge.id, pledge.version);
    const [item] = (await loadInbox(reader)).items;
    expect(item!.gone).toBe(true);
    expect(item!.entries.map((e) => e.title)).toEqual(["Deleted: Watched pledge three"]);
    await removeWatch(reader, id);
    expect((await loadInbox(reader)).items).toEqual([]);
  });
});

describe("a watched condition", () => {
  it("says what its being met released", async () => {
    const reader = await newUser("Reader Four");
    const condition = await db().condition.create({
      data: {
        slug: "watch-fixture-vote",
        title: "Watch fixture vote",
        status: "unmet",
        statusDate: new Date(),
      },
    });
    await newPledge("Held by the vote", { conditionIds: [condition.id] });
    await watch(reader, "condition", condition.id);
    const current = await db().condition.findUniqueOrThrow({ where: { id: condition.id } });
    await recordConditionStatus(
      analyst,
      condition.id,
      conditionStatusUpdateSchema.parse({
        status: "met",
        note: "The vote was held",
        version: current.version,
        occurredOn: today(),
        sourceId,
        quote: "parliament voted yes",
      }),
    );
    const [item] = (await loadInbox(reader)).items;
    expect(item!.entries.map((e) => e.title)).toEqual(["Condition: Watch fixture vote: Unmet → Met"]);
    expect(item!.learnt!.conditions.map((c) => c.summary)).toEqual([
      expect.stringMatching(/Watch fixture vote.*met.*1 pledge no longer conditional.*\+1,000/),
    ]);
    expect(await countUnread(reader)).toBe(1);
  });
});

describe("a watch of a record that is gone", () => {
  it("follows nothing once its condition is removed (never the whole tracker)", async () => {
    const reader = await newUser("Reader Eight");
    const condition = await db().condition.create({
      data: {
        slug: "watch-fixture-gone",
        title: "Watch fixture gone",
        status: "unmet",
        statusDate: new Date(),
      },
    });
    await watch(reader, "condition", condition.id);
    await db().condition.delete({ where: { id: condition.id } });
    await newPledge("Written after the condition went");
    const [item] = (await loadInbox(reader)).items;
    expect(item).toMatchObject({ gone: true, label: "A condition no longer in the tracker", entries: [] });
    // Named in the reader's language, as the rest of the inbox.
    expect((await loadInbox(reader, "uk")).items[0]?.label).toBe("Умова, якої вже немає в трекері");
    expect(await countUnread(reader)).toBe(0);
  });
});

describe("a watched stakeholder", () => {
  it("follows the stakeholder's pledges, new ones included", async () => {
    const reader = await newUser("Reader Five");
    const stakeholder = await db().stakeholder.create({
      data: { slug: "watch-fixture-state", name: "Watch Fixture State", kind: "state" },
    });
    await watch(reader, "stakeholder", stakeholder.id);
    await newPledge("The fixture state's pledge", { stakeholderIds: [stakeholder.id] });
    await newPledge("Someone else's pledge");
    const [item] = (await loadInbox(reader)).items;
    expect(item!.entries.map((e) => e.title)).toEqual(["New pledge: The fixture state's pledge"]);
    expect(item!.learnt!.figures.find((f) => f.figure.startsWith("Pledged"))?.change).toBe("+1,000");
  });
});

describe("watching", () => {
  it("refuses what does not exist and another user's watch, and keeps one watch per subject", async () => {
    const reader = await newUser("Reader Six");
    await expect(watch(reader, "pledge", "no-such-pledge")).rejects.toThrow(WriteError);
    const pledge = await newPledge("Watched twice");
    const first = await watch(reader, "pledge", pledge.id);
    expect(await watch(reader, "pledge", pledge.id)).toEqual(first);
    const other = await newUser("Reader Seven");
    await expect(removeWatch(other, first.id)).rejects.toMatchObject({ message: invalid("watchGone") });
    expect(watchSchema.safeParse({ subject: "filter", target: "status=bogus" }).success).toBe(false);
  });

  it("knows what was learnt since a moment as the difference of the figures as known then and now", async () => {
    const before = new Date();
    await tick();
    const pledge = await newPledge("Learnt since fixture");
    await setStatus(pledge.id, "committed", "committed a company");
    const learnt = await loadLearntSince(before, "personnel", everyPledge);
    const [then, now] = await Promise.all([
      loadKnownFigures({ metric: "personnel", time: { knownAt: before }, selection: everyPledge }),
      loadKnownFigures({ metric: "personnel", time: {}, selection: everyPledge }),
    ]);
    expect(learnt.figures.pledged.change?.high).toBe(
      (now.summary.totals.pledged.high ?? 0n) - (then.summary.totals.pledged.high ?? 0n),
    );
    expect(learnt.pledges.map((p) => p.title)).toContain("Learnt since fixture");
  });
});
