import type { PledgeStatus, QuantityQualifier } from "@/lib/rules/vocabulary";

// A pledge as every writer records it in the audit log (the editor, the API and the import): its
// columns, and its links as ids in a stable order. One shape, so that a reader (the audit trail,
// the merge's base) reads every entry the same way.

export interface PledgeSnapshot {
  id: string;
  version: number;
  externalId: string | null;
  title: string;
  description: string | null;
  category: string;
  quantityUnit: string | null;
  quantityLow: bigint | null;
  quantityHigh: bigint | null;
  quantityQualifier: QuantityQualifier;
  deliveredQuantity: bigint | null;
  status: PledgeStatus;
  announcedOn: Date;
  dueOn: Date | null;
  scope: string | null;
  stakeholders: { stakeholderId: string; role: string }[];
  conditionIds: string[];
}

type Source = Omit<PledgeSnapshot, "stakeholders" | "conditionIds"> & {
  stakeholders: readonly { stakeholderId: string; role: string }[];
} & ({ conditionIds: readonly string[] } | { conditions: readonly { conditionId: string }[] });

export function pledgeSnapshot(pledge: Source): PledgeSnapshot {
  const conditionIds =
    "conditionIds" in pledge ? [...pledge.conditionIds] : pledge.conditions.map((c) => c.conditionId);
  return {
    id: pledge.id,
    version: pledge.version,
    externalId: pledge.externalId,
    title: pledge.title,
    description: pledge.description,
    category: pledge.category,
    quantityUnit: pledge.quantityUnit,
    quantityLow: pledge.quantityLow,
    quantityHigh: pledge.quantityHigh,
    quantityQualifier: pledge.quantityQualifier,
    deliveredQuantity: pledge.deliveredQuantity,
    status: pledge.status,
    announcedOn: pledge.announcedOn,
    dueOn: pledge.dueOn,
    scope: pledge.scope,
    stakeholders: pledge.stakeholders
      .map(({ stakeholderId, role }) => ({ stakeholderId, role }))
      .sort((a, b) => `${a.stakeholderId}|${a.role}`.localeCompare(`${b.stakeholderId}|${b.role}`)),
    conditionIds: [...new Set(conditionIds)].sort(),
  };
}
