import { describe, expect, it } from "vitest";
import * as sqliteEnums from "@/generated/prisma/enums";
import * as postgresqlEnums from "@/generated/prisma-postgresql/enums";
import { roles } from "@/lib/access";
import { ledgerFacts } from "./ledger";
import {
  categoryLabels,
  conditionStatusLabels,
  conditionStatuses,
  datePrecisionLabels,
  qualifierLabels,
  roleLabels,
  stakeholderKindLabels,
  effectiveStatusLabels,
  pledgeStatusLabels,
  datePrecisions,
  pledgeCategories,
  pledgeStatuses,
  quantityQualifiers,
  stakeholderKinds,
  stakeholderRoles,
  watchSubjects,
} from "./vocabulary";
import { intakeStates, suggestionKinds } from "./intake/suggestions";

// The closed sets the rules, forms, API and imports use must be exactly the database's enums, in
// both generated clients: a value added to one and not the other would be refused or lost.
const vocabulary = {
  StakeholderKind: stakeholderKinds,
  PledgeCategory: pledgeCategories,
  PledgeStatus: pledgeStatuses,
  ConditionStatus: conditionStatuses,
  QuantityQualifier: quantityQualifiers,
  Role: roles,
  LedgerFact: ledgerFacts,
  StakeholderRole: stakeholderRoles,
  DatePrecision: datePrecisions,
  WatchSubject: watchSubjects,
  IntakeKind: suggestionKinds,
  IntakeState: intakeStates,
} as const;

describe("the vocabulary and the database's enums", () => {
  it.each(Object.entries(vocabulary))("%s holds the same values in the same order", (name, values) => {
    for (const enums of [sqliteEnums, postgresqlEnums]) {
      const generated = (enums as unknown as Record<string, Record<string, string>>)[name];
      expect(generated, name).toBeDefined();
      expect(Object.values(generated!)).toEqual([...values]);
    }
  });

  it("covers every enum the schema declares", () => {
    const declared = Object.keys(sqliteEnums).filter((key) => /^[A-Z]/.test(key));
    expect(declared.sort()).toEqual(Object.keys(vocabulary).sort());
  });
});

describe("labels", () => {
  it("the lifecycle's labels are its six statuses, without the derived 'conditional'", () => {
    expect(Object.keys(pledgeStatusLabels)).toEqual([...pledgeStatuses]);
    expect(effectiveStatusLabels.conditional).toBe("Conditional");
  });
});

describe("the English catalog's vocabulary", () => {
  it("says every label as this module does", async () => {
    const { default: english } = await import("@/messages/en.json");
    // The ledger's facts are named by the catalog alone.
    const { ledgerFact, ...labels } = english.vocabulary;
    expect(Object.keys(ledgerFact)).toEqual([...ledgerFacts]);
    expect(labels).toEqual({
      pledgeStatus: effectiveStatusLabels,
      category: categoryLabels,
      conditionStatus: conditionStatusLabels,
      qualifier: qualifierLabels,
      role: roleLabels,
      stakeholderKind: stakeholderKindLabels,
      datePrecision: datePrecisionLabels,
    });
  });
});
