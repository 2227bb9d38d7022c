import { describe, expect, it } from "vitest";
import { compareBatch, planImport, pledgeKey, type ExistingPledge, type ImportSnapshot } from "./plan";
import type { ImportedPledge } from "./rows";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const stored: ExistingPledge = {
  id: "p1",
  version: 3,
  externalId: "k-1",
  title: "Tanks",
  description: null,
  category: "assistance",
  quantityUnit: null,
  quantityLow: null,
  quantityHigh: null,
  quantityQualifier: "exact",
  deliveredQuantity: null,
  status: "announced",
  announcedOn: day("2022-03-01"),
  announcedPrecision: "month",
  dueOn: null,
  scope: null,
  stakeholders: [],
  conditionIds: [],
  citations: [],
};

const row = (overrides: Partial<ImportedPledge>): ImportedPledge => ({
  ...stored,
  row: 2,
  fields: new Set(["externalId", "title", "category", "announcedOn"]),
  stakeholders: [],
  stakeholderKind: null,
  conditions: [],
  source: null,
  roundedBy: [],
  ...overrides,
});

const snapshot: ImportSnapshot = {
  pledgesByExternalId: new Map([["k-1", stored]]),
  pledgesByTitle: new Map([[pledgeKey("Tanks", []), [stored]]]),
  storedPledges: async (ids) => (ids.includes(stored.id) ? [stored] : []),
  stakeholders: new Map(),
  conditions: new Map(),
  sources: new Map(),
};

describe("planning an import against what is stored", () => {
  it("never lets an unknown announcement date replace a stored one", async () => {
    const unknown = row({ announcedOn: day("2026-12-02"), announcedPrecision: "unknown" });
    const plan = await planImport([unknown], [], snapshot);
    expect(plan.rows).toEqual([{ action: "skip", row: 2, reason: "already up to date" }]);
    const known = row({ announcedOn: day("2022-04-01") });
    expect((await planImport([known], [], snapshot)).rows[0]).toMatchObject({
      action: "update",
      changed: ["announcedOn"],
    });
  });

  it("names every stored pledge the rows match, by id or by title, so that none is taken for missing", async () => {
    expect((await planImport([row({})], [], snapshot)).matchedIds).toEqual(["p1"]);
    expect((await planImport([row({ externalId: null })], [], snapshot)).matchedIds).toEqual(["p1"]);
  });

  it("warns when the rows disagree on a new stakeholder's kind, unless the mapping names it", async () => {
    const named = (n: number, kind: "state" | "organisation") =>
      row({
        row: n,
        externalId: `new-${n}`,
        title: `New ${n}`,
        stakeholders: [{ name: "Atlantis Fund", role: "pledger" }],
        stakeholderKind: kind,
      });
    const rows = [named(2, "organisation"), named(3, "organisation"), named(4, "state")];
    const plan = await planImport(rows, [], snapshot);
    expect(plan.newStakeholders).toEqual([
      expect.objectContaining({ name: "Atlantis Fund", kind: "organisation", basis: "column" }),
    ]);
    expect(plan.warnings).toEqual([
      "The rows disagree on what “Atlantis Fund” is (row 2 says organisation, row 4 says state): it will be created as organisation, as its first row says. Choose its kind in the table of new stakeholders.",
    ]);
    expect((await planImport(rows, [], snapshot, [], { "Atlantis Fund": "state" })).warnings).toEqual([]);
    expect((await planImport(rows.slice(0, 2), [], snapshot)).warnings).toEqual([]);
  });

  it("reads the matched pledges a batch at a time, and keeps only those it updates", async () => {
    const count = compareBatch * 2 + 1;
    const storedMany = Array.from({ length: count }, (_, i) => ({
      ...stored,
      id: `p${i}`,
      externalId: `k-${i}`,
    }));
    const reads: number[] = [];
    const many: ImportSnapshot = {
      ...snapshot,
      pledgesByExternalId: new Map(storedMany.map((p) => [p.externalId, p])),
      storedPledges: async (ids) => {
        reads.push(ids.length);
        return storedMany.filter((p) => ids.includes(p.id));
      },
    };
    // Every tenth row renames its pledge; the others say what is stored.
    const rows = storedMany.map((p, i) =>
      row({ row: i + 2, externalId: p.externalId, title: i % 10 === 0 ? "Renamed" : p.title }),
    );
    const plan = await planImport(rows, [], many);
    expect(reads).toEqual([compareBatch, compareBatch, 1]);
    const updates = plan.rows.filter((r) => r.action === "update");
    expect(updates.map((r) => r.existing.id)).toEqual(
      storedMany.filter((_, i) => i % 10 === 0).map((p) => p.id),
    );
    expect(plan.counts).toEqual({
      create: 0,
      update: updates.length,
      skip: count - updates.length,
      invalid: 0,
    });
  });

  it("refuses a row whose pledge was deleted between finding it and comparing it", async () => {
    const gone: ImportSnapshot = { ...snapshot, storedPledges: async () => [] };
    const plan = await planImport([row({ title: "Renamed" })], [], gone);
    expect(plan.rows).toEqual([]);
    expect(plan.errors).toEqual([
      {
        row: 2,
        column: "External ID",
        message: "the pledge this row matches was deleted while the file was being checked; check it again",
      },
    ]);
    expect(plan.counts.invalid).toBe(1);
  });
});
