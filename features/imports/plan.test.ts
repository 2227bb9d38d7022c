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
});
