import { describe, expect, it } from "vitest";
import { auditLine, type StoredAuditEntry } from "./audit-lines";

const names = {
  stakeholders: new Map([["s-fr", "France"]]),
  conditions: new Map([["c-cf", "Russia agrees to a ceasefire"]]),
};

const pledge = (overrides: object) =>
  JSON.stringify({
    title: "Reassurance force",
    category: "force",
    quantityUnit: "personnel",
    quantityLow: "5000",
    quantityHigh: "5000",
    quantityQualifier: "up_to",
    deliveredQuantity: null,
    announcedOn: "2026-01-06T00:00:00.000Z",
    dueOn: null,
    status: "announced",
    stakeholders: [{ stakeholderId: "s-fr", role: "pledger" }],
    conditions: [{ conditionId: "c-cf" }],
    version: 1,
    ...overrides,
  });

const entry = (overrides: Partial<StoredAuditEntry>): StoredAuditEntry => ({
  id: "a1",
  occurredAt: new Date("2026-03-01T10:00:00Z"),
  actorLabel: "Ada Analyst",
  action: "update",
  entityType: "Pledge",
  entityId: "p1",
  before: pledge({}),
  after: pledge({ quantityHigh: "6000", version: 2 }),
  note: null,
  ...overrides,
});

describe("auditLine", () => {
  it("names the pledge and says each changed field in its label, before → after, in words", () => {
    expect(auditLine(entry({}), names)).toMatchObject({
      title: "Reassurance force",
      action: "Edited",
      changes: [{ label: "Quantity (highest)", before: "5,000", after: "6,000" }],
    });
  });

  it("says it in the reader's language: the action, the field's label, the numbers and the words", () => {
    expect(auditLine(entry({}), names, "uk")).toMatchObject({
      action: "Змінено",
      changes: [{ label: "Кількість (найбільша)", before: "5\u00a0000", after: "6\u00a0000" }],
    });
    const french = auditLine(entry({ after: pledge({ stakeholders: [], status: "stalled" }) }), names, "fr");
    expect(french.action).toBe("Modification");
    expect(french.changes).toEqual([
      { label: "Acteurs et leur rôle", before: "France (Auteur de l’engagement)", after: "aucun" },
      { label: "Statut", before: "Annoncé", after: "Au point mort" },
    ]);
  });

  it("writes links by name, whichever shape the writer stored them in", () => {
    const line = auditLine(
      entry({ after: pledge({ conditions: undefined, conditionIds: [], stakeholders: [] }) }),
      names,
    );
    expect(line.changes).toEqual([
      { label: "Stakeholders and their role", before: "France (Pledger)", after: "none" },
      { label: "Conditions the pledge depends on", before: "Russia agrees to a ceasefire", after: "none" },
    ]);
  });

  it("says a status change in words, and a delete or restore without fields", () => {
    expect(
      auditLine(entry({ action: "status", after: pledge({ status: "in_progress" }) }), names).changes,
    ).toEqual([{ label: "Status", before: "Announced", after: "In progress" }]);
    expect(auditLine(entry({ action: "delete", after: null }), names)).toMatchObject({
      action: "Deleted",
      changes: [],
    });
    expect(auditLine(entry({ action: "restore", before: null }), names)).toMatchObject({
      action: "Restored",
      changes: [],
    });
  });

  it("labels other records' fields from their forms, and survives a snapshot that is not JSON", () => {
    const line = auditLine(
      entry({
        entityType: "Stakeholder",
        before: JSON.stringify({ name: "Ruritania", countryCode: null, version: 1 }),
        after: JSON.stringify({ name: "Ruritania", countryCode: "RU", version: 2 }),
      }),
      names,
    );
    expect(line).toMatchObject({
      title: "Ruritania",
      changes: [{ label: "Country code", before: "none", after: "RU" }],
    });
    expect(auditLine(entry({ entityType: "Source", before: "{oops", after: null }), names)).toMatchObject({
      title: "p1",
      changes: [],
    });
  });
});
