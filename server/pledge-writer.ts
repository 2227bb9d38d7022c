import { newId } from "./ids";
import type { Prisma } from "@/generated/prisma/client";
import { actorLabel, type Principal } from "@/lib/access";
import type { ConditionStatus, PledgeStatus } from "@/lib/rules/vocabulary";
import { distinctStakeholders, type PledgeColumns, type PledgeLinks } from "@/lib/rules/pledge-fields";
import { auditEntryRow } from "./audit";
import type { InsertRows } from "./bulk-insert";
import { creationEvents } from "./ledger";
import { pledgeSnapshot } from "./pledge-snapshot";

// The one writer of a new pledge. A pledge is stored as several rows: the pledge, its links, one
// ledger event per fact, the first entry of its status history, the citations of its evidence and
// its audit entry. They are built here once, and inserted in the caller's transaction: one pledge
// at a time by the editor and the API, fifty thousand at a time by the import.

/** A pledge about to be created (lib/rules/pledge-fields.ts), its links checked by the caller. */
export type NewPledge = PledgeColumns & PledgeLinks;

/** A source and the words of it that a record rests on. */
export interface Citing {
  sourceId: string;
  quote: string;
}

/** Who records, when, and why (the note every first entry carries). */
export interface Recorded {
  by: Principal;
  at: Date;
  note: string;
}

/** Rows by table, in the order their foreign keys need. */
export interface PledgeRows {
  Pledge: Prisma.PledgeCreateManyInput[];
  PledgeStakeholder: Prisma.PledgeStakeholderCreateManyInput[];
  PledgeCondition: Prisma.PledgeConditionCreateManyInput[];
  LedgerEvent: Prisma.LedgerEventCreateManyInput[];
  StatusChange: Prisma.StatusChangeCreateManyInput[];
  Citation: Prisma.CitationCreateManyInput[];
  AuditEntry: Prisma.AuditEntryCreateManyInput[];
}

export const noPledgeRows = (): PledgeRows => ({
  Pledge: [],
  PledgeStakeholder: [],
  PledgeCondition: [],
  LedgerEvent: [],
  StatusChange: [],
  Citation: [],
  AuditEntry: [],
});

/** Each citation of `evidence` for `target`, as a row. */
export function citationRows(
  evidence: readonly Citing[],
  target: { pledgeId: string } | { ledgerEventId: string } | { statusChangeId: string },
  at: Date,
): Prisma.CitationCreateManyInput[] {
  return evidence.map(({ sourceId, quote }) => ({
    id: newId(),
    sourceId,
    quote,
    ...target,
    createdAt: at,
    updatedAt: at,
  }));
}

/**
 * A status history entry (a pledge's or a condition's): what changed, when it happened, and who
 * recorded it when, with why. Every writer of one builds it here.
 */
export function statusChangeRow(
  subject:
    | { pledgeId: string; fromPledgeStatus: PledgeStatus | null; toPledgeStatus: PledgeStatus }
    | {
        conditionId: string;
        fromConditionStatus: ConditionStatus | null;
        toConditionStatus: ConditionStatus;
      },
  occurredAt: Date,
  recorded: Recorded,
): Prisma.StatusChangeCreateManyInput & { id: string } {
  return {
    id: newId(),
    ...subject,
    occurredAt,
    recordedBy: actorLabel(recorded.by),
    recordedById: recorded.by.kind === "user" ? recorded.by.id : null,
    note: recorded.note,
    createdAt: recorded.at,
    updatedAt: recorded.at,
  };
}

/**
 * Adds to `rows` those of a new pledge: the pledge (version 1), its links, its creation events
 * dated its announcement, its first status entry dated the same, and the audit entry; `evidence`
 * is cited by the pledge, by its stated (and any delivered) figures and by its first status entry.
 * Everything shares the instant `recorded.at`, so that a view "as known at" any moment shows the
 * whole pledge or none of it. Returns the pledge's id.
 */
export function addNewPledge(
  rows: PledgeRows,
  pledge: NewPledge,
  recorded: Recorded,
  evidence: readonly Citing[],
): string {
  const id = newId();
  const { stakeholders, conditionIds, ...columns } = pledge;
  const at = recorded.at;
  const links = {
    stakeholders: distinctStakeholders(stakeholders),
    conditionIds: [...new Set(conditionIds)],
  };
  rows.Pledge.push({ id, ...columns, version: 1, createdAt: at, updatedAt: at });
  addLinks(rows, id, links, at);
  const events = creationEvents({ id, ...columns }, recorded);
  rows.LedgerEvent.push(...events);
  const firstEntry = statusChangeRow(
    { pledgeId: id, fromPledgeStatus: null, toPledgeStatus: columns.status },
    columns.announcedOn,
    recorded,
  );
  rows.StatusChange.push(firstEntry);
  const statusChangeId = firstEntry.id;
  const figures = events.filter(
    (e) => e.fact === "stated" || (e.fact === "delivered" && e.deliveredQuantity != null),
  );
  rows.Citation.push(
    ...citationRows(evidence, { pledgeId: id }, at),
    ...figures.flatMap((e) => citationRows(evidence, { ledgerEventId: e.id! }, at)),
    ...citationRows(evidence, { statusChangeId }, at),
  );
  rows.AuditEntry.push(
    auditEntryRow(
      recorded.by,
      {
        action: "create",
        entityType: "Pledge",
        entityId: id,
        after: pledgeSnapshot({ id, version: 1, ...columns, ...links }),
        version: 1,
        note: recorded.note,
      },
      at,
    ),
  );
  return id;
}

/** Adds to `rows` a pledge's links (each once); the caller removed any it had. */
export function addLinks(rows: PledgeRows, pledgeId: string, links: Partial<PledgeLinks>, at: Date): void {
  for (const { stakeholderId, role } of distinctStakeholders(links.stakeholders ?? [])) {
    rows.PledgeStakeholder.push({ pledgeId, stakeholderId, role, createdAt: at, updatedAt: at });
  }
  for (const conditionId of new Set(links.conditionIds ?? [])) {
    rows.PledgeCondition.push({ pledgeId, conditionId, createdAt: at, updatedAt: at });
  }
}

/**
 * The version claim of every change to a pledge (an edit, a status, a delete, an import's update):
 * `data` is applied only if the pledge is live and still at `version`, and the version moves on.
 * False when another write came first; nothing is changed then.
 */
export async function claimPledge(
  tx: Prisma.TransactionClient,
  id: string,
  version: number,
  data: Prisma.PledgeUncheckedUpdateManyInput,
): Promise<boolean> {
  const { count } = await tx.pledge.updateMany({
    where: { id, version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  return count === 1;
}

/** Inserts `rows` table by table through `insert`, and empties them for the next batch. */
export async function insertPledgeRows(insert: InsertRows, rows: PledgeRows): Promise<void> {
  await insert(Object.entries(rows).map(([table, tableRows]) => [table, tableRows.splice(0)] as const));
}
