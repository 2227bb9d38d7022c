// The Records lists on a real seeded SQLite file: sorted, paged and counted in the database.
import { describe, expect, it } from "vitest";
import { seededTestDatabase } from "@tests/seeded-database";

const { db } = await seededTestDatabase();
const { listRecords } = await import("./queries");

describe("listRecords", () => {
  it("sorts by name either way, pages without overlap, and counts every record", async () => {
    const total = await db().stakeholder.count();
    const all = await listRecords("stakeholder", { pageSize: 200 });
    expect(all.total).toBe(total);
    const names = all.rows.map((r) => r.label);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const reversed = await listRecords("stakeholder", { dir: "desc", pageSize: 200 });
    expect(reversed.rows.map((r) => r.label)).toEqual([...names].reverse());

    const first = await listRecords("stakeholder", { page: 1, pageSize: 25 });
    expect(first.rows).toHaveLength(Math.min(25, total));
    if (total > 25) {
      const second = await listRecords("stakeholder", { page: 2, pageSize: 25 });
      expect(second.rows.map((r) => r.id)).not.toContain(first.rows[0]!.id);
    }
  });

  it("sorts by detail with the name breaking ties, and by last change newest first", async () => {
    // Kinds come in the database's order for them (PostgreSQL: the enum's; SQLite: the text's), each
    // kind together and its names in order.
    const byKind = (await listRecords("stakeholder", { sort: "detail", pageSize: 200 })).rows;
    const kinds = byKind.map((r) => r.detail).filter((kind, i, all) => kind !== all[i - 1]);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const kind of kinds) {
      const names = byKind.filter((r) => r.detail === kind).map((r) => r.label);
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    const byChange = await listRecords("condition", { sort: "changed", pageSize: 200 });
    const times = byChange.rows.map((r) => r.changedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("counts a stakeholder's pledges without the deleted ones", async () => {
    const link = await db().pledgeStakeholder.findFirstOrThrow({ where: { pledge: { deletedAt: null } } });
    const before = (await listRecords("stakeholder", { pageSize: 200 })).rows.find(
      (r) => r.id === link.stakeholderId,
    )!;
    const live = await db().pledgeStakeholder.count({
      where: { stakeholderId: link.stakeholderId, pledge: { deletedAt: null } },
    });
    expect(before.uses).toBe(live);
    await db().pledge.update({ where: { id: link.pledgeId }, data: { deletedAt: new Date() } });
    const after = (await listRecords("stakeholder", { pageSize: 200 })).rows.find(
      (r) => r.id === link.stakeholderId,
    )!;
    expect(after.uses).toBe(live - 1);
  });
});
