import "server-only";
import { actorLabel, type Principal } from "@/lib/access";
import type { Prisma } from "@/generated/prisma/client";
import { newId } from "./ids";

export type AuditAction = "create" | "update" | "delete" | "restore" | "status";

/** JSON that keeps BigInt quantities exact (as strings) and dates in ISO form. */
function auditJson(record: unknown): string | null {
  if (record === null || record === undefined) return null;
  return JSON.stringify(record, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  version?: number | null;
  note?: string | null;
}

/** The row an audit entry is stored as; bulk writers insert many at once. */
export function auditRow(actor: Principal, entry: AuditInput): Prisma.AuditEntryUncheckedCreateInput {
  return {
    actorUserId: actor.kind === "user" ? actor.id : null,
    actorTokenId: actor.kind === "token" ? actor.id : null,
    actorLabel: actorLabel(actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: auditJson(entry.before),
    after: auditJson(entry.after),
    version: entry.version ?? null,
    note: entry.note ?? null,
  };
}

/** An audit entry with its id and instant, for writers that insert rows in bulk. */
export function auditEntryRow(
  actor: Principal,
  entry: AuditInput,
  at: Date,
): Prisma.AuditEntryCreateManyInput {
  return { id: newId(), occurredAt: at, ...auditRow(actor, entry) };
}

/**
 * Writes one audit entry inside the caller's transaction, so that the entry and the change it
 * describes are committed together or not at all.
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Principal, entry: AuditInput) {
  await tx.auditEntry.create({ data: auditRow(actor, entry) });
}
