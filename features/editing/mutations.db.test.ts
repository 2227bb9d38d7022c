// The write paths on a real seeded SQLite file: versions, history, audit and all-or-nothing.
import { inEnglish } from "@/i18n/translate";
import { invalid } from "@/lib/validation-message";
import ukrainian from "@/messages/uk.json";
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/access";
import { seededTestDatabase } from "@tests/seeded-database";
import { holdWriteLock } from "@tests/write-lock";
import { pledgeStatusUpdateSchema } from "./schemas";

const { db, database } = await seededTestDatabase();
const {
  createRecord,
  deletePledge,
  deleteRecord,
  recordConditionStatus,
  recordPledgeStatus,
  restorePledge,
  updatePledge,
  updateRecord,
} = await import("./mutations");
const { WriteError } = await import("@/lib/write-error");

let analyst: Principal;
let pledgeId: string;
let sourceId: string;

beforeAll(async () => {
  const user = await db().user.create({
    data: { name: "Ada Analyst", email: "ada@example.org", role: "analyst" },
  });
  analyst = { kind: "user", id: user.id, name: user.name, role: "analyst" };
  const pledge = await db().pledge.findFirstOrThrow({
    where: { status: "announced" },
    orderBy: { id: "asc" },
  });
  pledgeId = pledge.id;
  sourceId = (await db().source.findFirstOrThrow()).id;
});

async function snapshot() {
  const [pledge, changes, audit, citations, sources] = await Promise.all([
    db().pledge.findUniqueOrThrow({ where: { id: pledgeId } }),
    db().statusChange.count(),
    db().auditEntry.count(),
    db().citation.count(),
    db().source.count(),
  ]);
  return { pledge, changes, audit, citations, sources };
}

const status = (body: object) => pledgeStatusUpdateSchema.parse(body);

describe("status updates", () => {
  it("write the status, a history entry by the user, the citation and an audit entry together", async () => {
    const before = await snapshot();
    const after = await recordPledgeStatus(
      analyst,
      pledgeId,
      status({
        status: "stalled",
        note: "Talks paused",
        version: before.pledge.version,
        sourceId,
        quote: "paused",
      }),
    );
    expect(after.version).toBe(before.pledge.version + 1);
    const change = await db().statusChange.findFirstOrThrow({
      where: { pledgeId },
      orderBy: { createdAt: "desc" },
      include: { citations: true },
    });
    expect(change).toMatchObject({
      fromPledgeStatus: "announced",
      toPledgeStatus: "stalled",
      recordedById: analyst.id,
    });
    expect(change.citations).toEqual([expect.objectContaining({ sourceId, quote: "paused" })]);
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { entityId: pledgeId },
      orderBy: { occurredAt: "desc" },
    });
    expect(audit).toMatchObject({ action: "status", actorUserId: analyst.id, version: after.version });
    expect(JSON.parse(audit.before!)).toMatchObject({ status: "announced" });
    expect(JSON.parse(audit.after!)).toMatchObject({ status: "stalled" });
  });

  it("refuse a stale version with the current record, and write nothing", async () => {
    const before = await snapshot();
    const stale = recordPledgeStatus(
      analyst,
      pledgeId,
      status({ status: "committed", note: "x", version: before.pledge.version - 1, sourceId }),
    );
    await expect(stale).rejects.toMatchObject({
      status: 409,
      details: { current: { version: before.pledge.version } },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("leave the database as it was when any part fails (an inline source is created, then the citation fails)", async () => {
    const before = await snapshot();
    const failing = recordPledgeStatus(
      analyst,
      pledgeId,
      status({ status: "committed", note: "x", version: before.pledge.version, sourceId: "no-such-source" }),
    );
    await expect(failing).rejects.toBeInstanceOf(WriteError);
    expect(await snapshot()).toEqual(before);
  });

  it("create a source given inline", async () => {
    const before = await snapshot();
    await recordPledgeStatus(
      analyst,
      pledgeId,
      status({
        status: "committed",
        note: "Confirmed",
        version: before.pledge.version,
        source: { title: "Communiqué of 3 March", url: "https://example.org/c", quote: "We confirm" },
      }),
    );
    const after = await snapshot();
    expect([after.sources, after.citations, after.changes]).toEqual([
      before.sources + 1,
      before.citations + 1,
      before.changes + 1,
    ]);
  });

  it("on a condition, move its status date and version", async () => {
    const condition = await db().condition.findFirstOrThrow({ where: { status: "unmet" } });
    const after = await recordConditionStatus(analyst, condition.id, {
      status: "partially_met",
      note: "Partial agreement",
      version: condition.version,
      sourceId,
    });
    expect(after).toMatchObject({ status: "partially_met", version: condition.version + 1 });
  });
});

describe("a database held by another writer (a large import)", () => {
  it("answers 503 with a message after the busy timeout, and writes nothing", async () => {
    const release = await holdWriteLock(database);
    try {
      const { version } = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
      await expect(updatePledge(analyst, pledgeId, { version, title: "Blocked" })).rejects.toMatchObject({
        kind: "busy",
        status: 503,
        message: invalid("refusal.databaseBusy"),
      });
    } finally {
      await release();
    }
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).title).not.toBe("Blocked");
  }, 20_000);
});

describe("edits", () => {
  it("apply the changed fields once; the same version a second time is a conflict", async () => {
    const { version } = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    const edited = await updatePledge(analyst, pledgeId, {
      version,
      title: "Renamed pledge",
      quantityUnit: "personnel",
      quantityLow: "1,200",
      quantityHigh: "2000",
    });
    expect(edited).toMatchObject({
      title: "Renamed pledge",
      quantityLow: 1200n,
      quantityHigh: 2000n,
      version: version + 1,
    });
    await expect(updatePledge(analyst, pledgeId, { version, title: "Other" })).rejects.toMatchObject({
      status: 409,
    });
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).title).toBe("Renamed pledge");
  });

  it("merge a colleague's save field by field: the stale value of an untouched field is not written back", async () => {
    const start = await updatePledge(analyst, pledgeId, {
      version: (await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).version,
      title: "Merge test",
      quantityUnit: "personnel",
      quantityLow: "5,000",
      quantityHigh: null,
    });
    // The colleague raises the figure.
    await updatePledge(analyst, pledgeId, {
      version: start.version,
      quantityLow: "6,000",
      quantityHigh: null,
    });
    // I, from the same version, send the whole form back with only the title changed.
    const mine = await updatePledge(analyst, pledgeId, {
      version: start.version,
      title: "Merge test (renamed)",
      quantityUnit: "personnel",
      quantityLow: "5,000",
      quantityHigh: null,
    });
    expect(mine).toMatchObject({
      title: "Merge test (renamed)",
      quantityLow: 6000n,
      version: start.version + 2,
    });
  });

  it("merge on a seeded pledge too, whose first version has no audit entry of its own", async () => {
    const seeded = await db().pledge.findFirstOrThrow({
      where: { id: { not: pledgeId }, version: 1, deletedAt: null },
      orderBy: { id: "asc" },
    });
    await updatePledge(analyst, seeded.id, { version: 1, scope: "Colleague's scope" });
    const mine = await updatePledge(analyst, seeded.id, { version: 1, title: "Renamed from version 1" });
    expect(mine).toMatchObject({ scope: "Colleague's scope", title: "Renamed from version 1", version: 3 });
  });

  it("refuse a field both changed, naming it with its three values, and write nothing", async () => {
    const start = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    await updatePledge(analyst, pledgeId, {
      version: start.version,
      quantityLow: "7,000",
      quantityHigh: null,
    });
    const before = await snapshot();
    const refusal = await updatePledge(analyst, pledgeId, {
      version: start.version,
      quantityLow: "8,000",
      quantityHigh: null,
      scope: "Only mine",
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WriteError);
    const { details, message } = refusal as InstanceType<typeof WriteError>;
    expect(inEnglish(message)).toMatch(
      /after version \d+ and changed fields you changed too: lowest quantity, highest quantity\./,
    );
    expect(details.conflictsIn?.("en")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "quantityLow",
          label: "Quantity (lowest)",
          base: expect.stringMatching(/6,000/),
          mine: expect.stringMatching(/8,000/),
          theirs: expect.stringMatching(/7,000/),
        }),
      ]),
    );
    // The person saving reads the same in their language: the form's label, amounts as they write them.
    expect(details.conflictsIn?.("uk")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: "quantityLow",
          label: ukrainian.pledgeField.quantityLow.label,
          base: expect.stringMatching(/6\s000/),
          mine: expect.stringMatching(/8\s000/),
        }),
      ]),
    );
    expect(await snapshot()).toEqual(before);
  });

  it("apply one save per field sent together from one version; of many saves of one field, one wins", async () => {
    const { version } = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    const each = await Promise.allSettled([
      updatePledge(analyst, pledgeId, { version, title: "Parallel title" }),
      updatePledge(analyst, pledgeId, { version, scope: "Parallel scope" }),
      updatePledge(analyst, pledgeId, { version, description: "Parallel description" }),
      updatePledge(analyst, pledgeId, { version, externalId: "parallel-1" }),
      updatePledge(analyst, pledgeId, { version, dueOn: new Date("2027-01-01") }),
    ]);
    expect(each.map((r) => r.status)).toEqual(Array(5).fill("fulfilled"));
    expect(await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({
      title: "Parallel title",
      scope: "Parallel scope",
      description: "Parallel description",
      externalId: "parallel-1",
      dueOn: new Date("2027-01-01"),
      version: version + 5,
    });
    const same = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        updatePledge(analyst, pledgeId, { version: version + 5, scope: `Scope ${i}` }),
      ),
    );
    expect(same.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(
      same.filter((r) => r.status === "rejected" && (r.reason as { status?: number }).status === 409),
    ).toHaveLength(49);
  });

  it("record a delivery as a dated, cited event; an older one recorded later leaves the row at the latest", async () => {
    const { version, announcedOn } = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    const evidence = { note: "Convoy arrived", sourceId, quote: "arrived" };
    const april = await updatePledge(analyst, pledgeId, {
      version,
      deliveredQuantity: "900",
      occurredOn: new Date("2026-04-10"),
      ...evidence,
    });
    expect(april.deliveredQuantity).toBe(900n);
    // Recorded now, as having happened in March: history, not the latest figure.
    const march = await updatePledge(analyst, pledgeId, {
      version: april.version,
      deliveredQuantity: "400",
      occurredOn: new Date("2026-03-10"),
      ...evidence,
    });
    expect(march.deliveredQuantity).toBe(900n);
    const events = await db().ledgerEvent.findMany({
      where: { pledgeId, fact: "delivered", note: "Convoy arrived" },
      orderBy: { occurredOn: "asc" },
      include: { citations: true },
    });
    expect(events.map((e) => [e.occurredOn.toISOString().slice(0, 10), e.deliveredQuantity])).toEqual([
      ["2026-03-10", 400n],
      ["2026-04-10", 900n],
    ]);
    expect(events.every((e) => e.recordedBy === "Ada Analyst" && e.citations[0]?.sourceId === sourceId)).toBe(
      true,
    );
    await expect(
      updatePledge(analyst, pledgeId, {
        version: march.version,
        deliveredQuantity: "1,000",
        occurredOn: new Date(announcedOn.getTime() - 86_400_000),
        ...evidence,
      }),
    ).rejects.toMatchObject({ status: 422, details: { fields: { occurredOn: expect.any(String) } } });
  });

  it("add an increment to the total as it is when saved, even from an older version, and only as the latest delivery", async () => {
    const opened = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    const evidence = { note: "Second convoy", sourceId, quote: "arrived" };
    // Someone else records a delivery after this form was opened: the increment goes on top of it.
    const theirs = await updatePledge(analyst, pledgeId, {
      version: opened.version,
      deliveredQuantity: "1,000",
      occurredOn: new Date("2026-05-01"),
      ...evidence,
    });
    const mine = await updatePledge(analyst, pledgeId, {
      version: opened.version,
      deliveredIncrement: "250",
      occurredOn: new Date("2026-05-02"),
      ...evidence,
    });
    expect(theirs.deliveredQuantity).toBe(1_000n);
    expect(mine.deliveredQuantity).toBe(1_250n);
    const latest = await db().ledgerEvent.findFirstOrThrow({
      where: { pledgeId, fact: "delivered" },
      orderBy: [{ occurredOn: "desc" }, { recordedAt: "desc" }],
      include: { citations: true },
    });
    expect(latest).toMatchObject({ deliveredQuantity: 1_250n, note: "Second convoy" });
    expect(latest.citations[0]?.sourceId).toBe(sourceId);
    // Dated before the latest delivery, an increment's total on that day is not known: refused.
    await expect(
      updatePledge(analyst, pledgeId, {
        version: mine.version,
        deliveredIncrement: "10",
        occurredOn: new Date("2026-04-30"),
        ...evidence,
      }),
    ).rejects.toMatchObject({
      status: 422,
      details: { fields: { occurredOn: expect.stringContaining("2026-05-02") } },
    });
    await expect(
      updatePledge(analyst, pledgeId, { version: mine.version, deliveredIncrement: "0", ...evidence }),
    ).rejects.toMatchObject({ status: 422, details: { fields: { deliveredIncrement: expect.any(String) } } });
    expect((await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } })).deliveredQuantity).toBe(1_250n);
  });

  it("refuse to delete what is still cited, and delete what is not", async () => {
    await expect(deleteRecord(analyst, "source", sourceId, 1)).rejects.toMatchObject({ status: 409 });
    const created = await createRecord(analyst, "stakeholder", {
      name: "Ruritania",
      kind: "state",
      countryCode: "RU",
    });
    expect(created).toMatchObject({ slug: "ruritania", version: 1 });
    await deleteRecord(analyst, "stakeholder", created.id, 1);
    expect(await db().stakeholder.count({ where: { id: created.id } })).toBe(0);
  });

  it("soft-delete a pledge, keeping its history", async () => {
    const { version } = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    const changes = await db().statusChange.count({ where: { pledgeId } });
    await deletePledge(analyst, pledgeId, version);
    const stored = await db().pledge.findUniqueOrThrow({ where: { id: pledgeId } });
    expect(stored.deletedAt).not.toBeNull();
    expect(await db().statusChange.count({ where: { pledgeId } })).toBe(changes);
    await expect(deletePledge(analyst, pledgeId, stored.version)).rejects.toMatchObject({ status: 404 });
  });
});

describe("a delete racing an edit from the same version", () => {
  const fresh = async (round: number) =>
    db().pledge.create({
      data: { title: `Race ${round}`, category: "other", announcedOn: new Date("2026-02-01") },
    });

  it("of a pledge: one wins, the other is refused, and what the winner did is all there is", async () => {
    for (let round = 0; round < 12; round++) {
      const { id, version } = await fresh(round);
      const scope = `Edited in round ${round}`;
      const [edited, deleted] = await Promise.allSettled([
        updatePledge(analyst, id, { version, scope }),
        deletePledge(analyst, id, version),
      ]);
      const stored = await db().pledge.findUniqueOrThrow({ where: { id } });
      const audit = await db().auditEntry.findMany({ where: { entityId: id }, select: { action: true } });
      if (edited.status === "fulfilled") {
        expect(deleted).toMatchObject({ status: "rejected", reason: { status: 409 } });
        expect(stored).toMatchObject({ deletedAt: null, scope });
        expect(audit.map((a) => a.action)).toEqual(["update"]);
      } else {
        expect(deleted.status).toBe("fulfilled");
        expect([404, 409]).toContain((edited.reason as { status: number }).status);
        expect(stored.deletedAt).not.toBeNull();
        expect(stored.scope).toBeNull();
        expect(audit.map((a) => a.action)).toEqual(["delete"]);
      }
    }
  });

  it("of a stakeholder: one wins, the other gets 409 or 404, nothing half-done", async () => {
    for (let round = 0; round < 12; round++) {
      const created = await createRecord(analyst, "stakeholder", { name: `Racer ${round}`, kind: "state" });
      const [edited, deleted] = await Promise.allSettled([
        updateRecord(analyst, "stakeholder", created.id, 1, {
          name: `Racer ${round} renamed`,
          kind: "state",
        }),
        deleteRecord(analyst, "stakeholder", created.id, 1),
      ]);
      const stored = await db().stakeholder.findUnique({ where: { id: created.id } });
      if (edited.status === "fulfilled") {
        expect(deleted).toMatchObject({ status: "rejected", reason: { status: 409 } });
        expect(stored?.name).toBe(`Racer ${round} renamed`);
      } else {
        expect(deleted.status).toBe("fulfilled");
        expect([404, 409]).toContain((edited.reason as { status: number }).status);
        expect(stored).toBeNull();
      }
    }
  });
});

describe("restoring a deleted pledge", () => {
  it("brings it back with its history, audited; a stale version or a live pledge is refused", async () => {
    const { id, version } = await db().pledge.create({
      data: { title: "Restore me", category: "other", announcedOn: new Date("2026-02-01") },
    });
    await expect(restorePledge(analyst, id, version)).rejects.toMatchObject({ status: 404 });
    await deletePledge(analyst, id, version);
    await expect(restorePledge(analyst, id, version)).rejects.toMatchObject({ status: 409 });
    const restored = await restorePledge(analyst, id, version + 1);
    expect(restored).toMatchObject({ id, version: version + 2 });
    expect((await db().pledge.findUniqueOrThrow({ where: { id } })).deletedAt).toBeNull();
    const audit = await db().auditEntry.findMany({ where: { entityId: id }, orderBy: { occurredAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["delete", "restore"]);
  });
});

describe("the audit log", () => {
  it("refuses to be edited or deleted", async () => {
    await expect(db().auditEntry.deleteMany({})).rejects.toThrow();
    await expect(db().auditEntry.updateMany({ data: { actorLabel: "someone else" } })).rejects.toThrow();
  });
});
