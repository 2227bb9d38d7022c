// The pledge list sorts the current view on keys kept on the pledge by triggers (when it last
// changed, its first stakeholder, whether a condition blocks it). Whichever writer changes the rows
// they come from, they must stay what those rows say, and sort as the lookups they replace.
import { beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "@/lib/access";
import { seededTestDatabase } from "@tests/seeded-database";
import { sortKeyDrift } from "@tests/sort-keys";
import { totalsJournalDrift } from "@tests/totals-journal";
import { pledgeCreateSchema, pledgePatchSchema, pledgeStatusUpdateSchema } from "./schemas";

const { db } = await seededTestDatabase();
const { createPledge, updatePledge, updateRecord, recordConditionStatus, recordPledgeStatus, createRecord } =
  await import("./mutations");
const { listPledges } = await import("@/features/pledges/queries");
const { everyPledge } = await import("@/features/pledges/selection-sql");

let analyst: Principal;
let sourceId: string;

beforeAll(async () => {
  const user = await db().user.create({
    data: { name: "Kim Keys", email: "kim@example.org", role: "analyst" },
  });
  analyst = { kind: "user", id: user.id, name: user.name, role: "analyst" };
  sourceId = (await db().source.findFirstOrThrow()).id;
});

const stakeholderId = async (slug: string) =>
  (await db().stakeholder.findUniqueOrThrow({ where: { slug } })).id;
const keysOf = (id: string) =>
  db().pledge.findUniqueOrThrow({
    where: { id },
    select: { lastChangeAt: true, firstStakeholderKey: true, blockedBy: true, ledBy: true, version: true },
  });

describe("the list's sort keys", () => {
  it("hold for the seeded pledges", async () => {
    expect(await sortKeyDrift(db())).toEqual([]);
    expect(await db().pledge.count({ where: { lastChangeAt: null } })).toBe(0);
  });

  it("follow every writer: a new pledge, its links replaced, a stakeholder renamed, statuses, a delivery", async () => {
    const condition = await db().condition.findFirstOrThrow({ where: { status: "unmet" } });
    const created = await createPledge(
      analyst,
      pledgeCreateSchema.parse({
        title: "Keys kept",
        category: "force",
        announcedOn: "2026-02-01",
        quantityUnit: "personnel",
        quantityLow: "100",
        quantityHigh: "100",
        quantityQualifier: "exact",
        stakeholders: [
          { stakeholderId: await stakeholderId("france"), role: "contributor" },
          { stakeholderId: await stakeholderId("united-kingdom"), role: "pledger" },
        ],
        conditionIds: [condition.id],
        sourceId,
        quote: "The pledge's words",
      }),
    );
    const fresh = await keysOf(created.id);
    // Two carriers, no lead: no single lead.
    expect(fresh).toMatchObject({
      firstStakeholderKey: "0united kingdom",
      blockedBy: condition.id,
      ledBy: null,
    });
    expect(fresh.lastChangeAt).not.toBeNull();

    // A pledger whose name sorts first takes the lead; the conditions go: nothing blocks it.
    const renamed = await createRecord(analyst, "stakeholder", { name: "Zeta Land", kind: "state" });
    let pledge = await updatePledge(
      analyst,
      created.id,
      pledgePatchSchema.parse({
        version: fresh.version,
        stakeholders: [
          { stakeholderId: renamed.id, role: "pledger" },
          { stakeholderId: await stakeholderId("united-kingdom"), role: "pledger" },
        ],
        conditionIds: [],
      }),
    );
    expect(await keysOf(created.id)).toMatchObject({
      firstStakeholderKey: "0united kingdom",
      blockedBy: null,
    });
    await updateRecord(analyst, "stakeholder", renamed.id, 1, { name: "Alpha Land", kind: "state" });
    expect(await keysOf(created.id)).toMatchObject({ firstStakeholderKey: "0alpha land" });

    // A condition met unblocks every pledge it held; unmet again, blocks them again.
    const held = await db().pledgeCondition.findMany({
      where: { conditionId: condition.id },
      select: { pledgeId: true },
    });
    expect(held.length).toBeGreaterThan(0);
    const met = await recordConditionStatus(analyst, condition.id, {
      status: "met",
      note: "Agreed",
      version: condition.version,
      sourceId,
    });
    expect(await sortKeyDrift(db())).toEqual([]);
    await recordConditionStatus(analyst, condition.id, {
      status: "unmet",
      note: "Withdrawn from",
      version: met.version,
      sourceId,
    });

    // A status change and a delivery are changes: each moves the last change on.
    const beforeStatus = (await keysOf(created.id)).lastChangeAt!;
    pledge = await recordPledgeStatus(
      analyst,
      created.id,
      pledgeStatusUpdateSchema.parse({
        status: "committed",
        note: "Confirmed",
        version: pledge.version,
        sourceId,
      }),
    );
    const afterStatus = (await keysOf(created.id)).lastChangeAt!;
    expect(afterStatus.getTime()).toBeGreaterThanOrEqual(beforeStatus.getTime());
    await updatePledge(
      analyst,
      created.id,
      pledgePatchSchema.parse({
        version: pledge.version,
        deliveredIncrement: "40",
        occurredOn: "2026-03-01",
        note: "First troops",
        sourceId,
      }),
    );
    const latest = await db().ledgerEvent.findFirstOrThrow({
      where: { pledgeId: created.id },
      orderBy: { recordedAt: "desc" },
    });
    expect((await keysOf(created.id)).lastChangeAt).toEqual(latest.recordedAt);
    expect(await sortKeyDrift(db())).toEqual([]);
    // The totals' journal, kept by the same kind of triggers, followed every one of those writers.
    expect(await totalsJournalDrift()).toEqual([]);
  });

  it("sort the current view as the lookups of a view at another time do", async () => {
    // "Known by now" takes the lookups' path (rebuilt from the ledger), with the same data.
    const knownAt = new Date(Date.now() + 60_000);
    for (const key of ["lastChange", "status", "stakeholder"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const order = { key, dir };
        const [now, looked] = await Promise.all([
          listPledges({ selection: everyPledge, order, pageSize: 200 }),
          listPledges({ selection: everyPledge, order, pageSize: 200, time: { knownAt } }),
        ]);
        expect(
          now.rows.map((row) => row.id),
          `${key} ${dir}`,
        ).toEqual(looked.rows.map((row) => row.id));
        expect(now.rows.map((row) => row.lastChange)).toEqual(looked.rows.map((row) => row.lastChange));
      }
    }
    // With a condition assumed met, the rule looks conditions up again: the same pledges conditional.
    const assume = [(await db().condition.findFirstOrThrow({ where: { status: "unmet" } })).slug];
    const scenario = await listPledges({
      selection: { ...everyPledge, assume, effective: ["conditional"] },
      pageSize: 200,
    });
    expect(scenario.rows.every((row) => row.effective.status === "conditional")).toBe(true);
  });
});
