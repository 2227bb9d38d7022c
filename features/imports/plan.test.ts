import { describe, expect, it } from "vitest";
import { planImport, pledgeKey, type ExistingPledge, type ImportSnapshot } from "./plan";
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
  stakeholders: new Map(),
  conditions: new Map(),
  sources: new Map(),
};

describe("planning an import against what is stored", () => {
  it("never lets an unknown announcement date replace a stored one", () => {
    const unknown = row({ announcedOn: day("2026-12-02"), announcedPrecision: "unknown" });
    const plan = planImport([unknown], [], snapshot);
    expect(plan.rows).toEqual([{ action: "skip", row: 2, reason: "already up to date" }]);
    const known = row({ announcedOn: day("2022-04-01") });
    expect(planImport([known], [], snapshot).rows[0]).toMatchObject({
      action: "update",
      changed: ["announcedOn"],
    });
  });

  it("names every stored pledge the rows match, by id or by title, so that none is taken for missing", () => {
    expect(planImport([row({})], [], snapshot).matchedIds).toEqual(["p1"]);
    expect(planImport([row({ externalId: null })], [], snapshot).matchedIds).toEqual(["p1"]);
  });

  it("warns when the rows disagree on a new stakeholder's kind, unless the mapping names it", () => {
    const named = (n: number, kind: "state" | "organisation") =>
      row({
        row: n,
        externalId: `new-${n}`,
        title: `New ${n}`,
        stakeholders: [{ name: "Atlantis Fund", role: "pledger" }],
        stakeholderKind: kind,
      });
    const rows = [named(2, "organisation"), named(3, "organisation"), named(4, "state")];
    const plan = planImport(rows, [], snapshot);
    expect(plan.newStakeholders).toEqual([
      expect.objectContaining({ name: "Atlantis Fund", kind: "organisation", basis: "column" }),
    ]);
    expect(plan.warnings).toEqual([
      "The rows disagree on what “Atlantis Fund” is (row 2 says organisation, row 4 says state): it will be created as organisation, as its first row says. Choose its kind in the table of new stakeholders.",
    ]);
    expect(planImport(rows, [], snapshot, [], { "Atlantis Fund": "state" }).warnings).toEqual([]);
    expect(planImport(rows.slice(0, 2), [], snapshot).warnings).toEqual([]);
  });
});
