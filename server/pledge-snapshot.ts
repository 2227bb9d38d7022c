import { distinctStakeholders, pledgeColumnNames, type PledgeRecordShape } from "@/lib/rules/pledge-fields";

// A pledge as every writer records it in the audit log (the editor, the API and the import): its
// columns, and its links as ids in a stable order. One shape (lib/rules/pledge-fields.ts), so that a
// reader (the audit trail, the merge's base) reads every entry the same way.

export type PledgeSnapshot = PledgeRecordShape;

type Source = Omit<PledgeSnapshot, "stakeholders" | "conditionIds"> & {
  stakeholders: readonly { stakeholderId: string; role: PledgeSnapshot["stakeholders"][number]["role"] }[];
} & ({ conditionIds: readonly string[] } | { conditions: readonly { conditionId: string }[] });

export function pledgeSnapshot(pledge: Source): PledgeSnapshot {
  const conditionIds =
    "conditionIds" in pledge ? [...pledge.conditionIds] : pledge.conditions.map((c) => c.conditionId);
  const columns = Object.fromEntries(pledgeColumnNames.map((column) => [column, pledge[column]]));
  return {
    id: pledge.id,
    version: pledge.version,
    ...(columns as Pick<PledgeSnapshot, (typeof pledgeColumnNames)[number]>),
    stakeholders: distinctStakeholders(
      pledge.stakeholders.map(({ stakeholderId, role }) => ({ stakeholderId, role })),
    ),
    conditionIds: [...new Set(conditionIds)].sort(),
  };
}
