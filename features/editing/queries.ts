import "server-only";
import { notFound } from "next/navigation";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import { requirePagePermission } from "@/server/access";
import { db } from "@/server/db";
import type { RecordKind } from "./record-kinds";

// What the editing pages read: choices for the forms, the record being edited, and the audit trail.

export async function editorOptions() {
  const [stakeholders, conditions, sources] = await Promise.all([
    db().stakeholder.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().condition.findMany({ select: { id: true, title: true, status: true }, orderBy: { title: "asc" } }),
    db().source.findMany({ select: { id: true, title: true }, orderBy: { title: "asc" } }),
  ]);
  return { stakeholders, conditions, sources };
}
export type EditorOptions = Awaited<ReturnType<typeof editorOptions>>;

/**
 * The pledge an editing page (edit, status, delivery) works on, for a person allowed to edit;
 * anyone else is sent to sign in, and an unknown or deleted pledge is a 404.
 */
export async function pledgeToEdit(pledgeId: string, page: "edit" | "status" | "delivery") {
  await requirePagePermission("edit", `/pledges/${encodeURIComponent(pledgeId)}/${page}`);
  const id = pledgeIdSchema.safeParse(pledgeId);
  const pledge = id.success ? await pledgeForEdit(id.data) : null;
  if (!pledge) notFound();
  return pledge;
}

function pledgeForEdit(id: string) {
  return db().pledge.findFirst({
    where: { id, deletedAt: null },
    include: {
      stakeholders: { select: { stakeholderId: true, role: true } },
      conditions: { select: { conditionId: true } },
    },
  });
}

/** The pledges a condition's status change would affect, with their own statuses. */
export async function pledgesAffectedBy(conditionId: string) {
  return db().pledge.findMany({
    where: { deletedAt: null, conditions: { some: { conditionId } } },
    select: { id: true, title: true, status: true },
    orderBy: { title: "asc" },
  });
}

export async function getCondition(id: string) {
  return db().condition.findUnique({
    where: { id },
    include: {
      statusChanges: {
        orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
        include: { citations: { include: { source: true } } },
      },
    },
  });
}

// ---- The plain records listed and edited under /manage ----

export async function listRecords(kind: RecordKind) {
  switch (kind) {
    case "condition":
      return (await db().condition.findMany({ orderBy: { title: "asc" } })).map((r) => ({
        id: r.id,
        label: r.title,
        detail: r.status.replace("_", " "),
      }));
    case "stakeholder":
      return (await db().stakeholder.findMany({ orderBy: { name: "asc" } })).map((r) => ({
        id: r.id,
        label: r.name,
        detail: r.kind,
      }));
    case "source":
      return (await db().source.findMany({ orderBy: { title: "asc" } })).map((r) => ({
        id: r.id,
        label: r.title,
        detail: r.publisher ?? "",
      }));
    case "requirement":
      return (await db().requirement.findMany({ orderBy: { title: "asc" } })).map((r) => ({
        id: r.id,
        label: r.title,
        detail: r.unit,
      }));
    case "capacity":
      return (await db().capacityReference.findMany({ orderBy: { title: "asc" } })).map((r) => ({
        id: r.id,
        label: r.title,
        detail: r.unit,
      }));
  }
}

/** One plain record's stored columns (amounts still in minor units), or null. */
export async function getRecord(
  kind: RecordKind,
  id: string,
): Promise<(Record<string, unknown> & { version: number }) | null> {
  switch (kind) {
    case "condition":
      return db().condition.findUnique({ where: { id } });
    case "stakeholder":
      return db().stakeholder.findUnique({ where: { id } });
    case "source":
      return db().source.findUnique({ where: { id } });
    case "requirement":
      return db().requirement.findUnique({ where: { id } });
    case "capacity":
      return db().capacityReference.findUnique({ where: { id } });
  }
}

/** Deleted pledges, latest first, with who deleted them and when (from the audit trail). */
export async function listDeletedPledges(take = 100) {
  const pledges = await db().pledge.findMany({
    where: { deletedAt: { not: null } },
    orderBy: [{ deletedAt: "desc" }, { id: "asc" }],
    take,
    select: {
      id: true,
      title: true,
      version: true,
      deletedAt: true,
      announcedOn: true,
      announcedPrecision: true,
    },
  });
  const deletions = await db().auditEntry.findMany({
    where: { action: "delete", entityType: "Pledge", entityId: { in: pledges.map((p) => p.id) } },
    orderBy: { occurredAt: "desc" },
    select: { entityId: true, actorLabel: true },
  });
  const by = new Map<string, string>();
  for (const entry of deletions) if (!by.has(entry.entityId)) by.set(entry.entityId, entry.actorLabel);
  return pledges.map((pledge) => ({
    ...pledge,
    deletedAt: pledge.deletedAt!,
    deletedBy: by.get(pledge.id) ?? null,
  }));
}
