import "server-only";
import { notFound } from "next/navigation";
import { pledgeIdSchema } from "@/features/pledges/schemas";
import { requirePagePermission } from "@/server/access";
import { db } from "@/server/db";
import type { RecordKind } from "./record-kinds";
import { recordFirstDirection } from "./record-order";
import type { RecordListQuery } from "./schemas";
import { listPageSizes } from "@/features/pledges";

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

/**
 * A row of a Records list: the record, what it says in brief (a vocabulary code where `detailIs`
 * names the vocabulary, else text as entered), how much uses it, its last change.
 */
export type RecordListRow = {
  id: string;
  label: string;
  detail: string;
  detailIs?: "conditionStatus" | "stakeholderKind";
  uses: number;
  changedAt: Date;
};

/**
 * One page of a kind of record, sorted and counted in the database. Pledges are counted when not
 * deleted, as every list and figure does.
 */
export async function listRecords(
  kind: RecordKind,
  { sort = "name", dir, page = 1, pageSize = listPageSizes[0] }: RecordListQuery,
): Promise<{ rows: RecordListRow[]; total: number; page: number; pageSize: number }> {
  const direction = dir ?? recordFirstDirection[sort];
  const window = { skip: (page - 1) * pageSize, take: pageSize };
  // The name, then the id, breaks ties: the same order on every page.
  const by = <N extends string, D extends string>(name: N, detail: D) =>
    sort === "changed"
      ? [{ updatedAt: direction }, { id: "asc" as const }]
      : sort === "detail"
        ? [{ [detail]: direction }, { [name]: "asc" as const }, { id: "asc" as const }]
        : [{ [name]: direction }, { id: "asc" as const }];
  const livePledges = { where: { pledge: { deletedAt: null } } };
  switch (kind) {
    case "condition": {
      const [rows, total] = await Promise.all([
        db().condition.findMany({
          ...window,
          orderBy: by("title", "status"),
          select: {
            id: true,
            title: true,
            status: true,
            updatedAt: true,
            _count: { select: { pledges: livePledges } },
          },
        }),
        db().condition.count(),
      ]);
      const list = rows.map((r) => ({
        id: r.id,
        label: r.title,
        detail: r.status,
        detailIs: "conditionStatus" as const,
        uses: r._count.pledges,
        changedAt: r.updatedAt,
      }));
      return { rows: list, total, page, pageSize };
    }
    case "stakeholder": {
      const [rows, total] = await Promise.all([
        db().stakeholder.findMany({
          ...window,
          orderBy: by("name", "kind"),
          select: {
            id: true,
            name: true,
            kind: true,
            updatedAt: true,
            _count: { select: { pledges: livePledges } },
          },
        }),
        db().stakeholder.count(),
      ]);
      const list = rows.map((r) => ({
        id: r.id,
        label: r.name,
        detail: r.kind,
        detailIs: "stakeholderKind" as const,
        uses: r._count.pledges,
        changedAt: r.updatedAt,
      }));
      return { rows: list, total, page, pageSize };
    }
    case "source": {
      const [rows, total] = await Promise.all([
        db().source.findMany({
          ...window,
          orderBy:
            sort === "detail"
              ? [{ publisher: { sort: direction, nulls: "last" } }, { title: "asc" }, { id: "asc" }]
              : by("title", "publisher"),
          select: {
            id: true,
            title: true,
            publisher: true,
            updatedAt: true,
            _count: { select: { citations: true } },
          },
        }),
        db().source.count(),
      ]);
      const list = rows.map((r) => ({
        id: r.id,
        label: r.title,
        detail: r.publisher ?? "",
        uses: r._count.citations,
        changedAt: r.updatedAt,
      }));
      return { rows: list, total, page, pageSize };
    }
    case "requirement": {
      const [rows, total] = await Promise.all([
        db().requirement.findMany({
          ...window,
          orderBy: by("title", "unit"),
          select: {
            id: true,
            title: true,
            unit: true,
            updatedAt: true,
            _count: { select: { citations: true } },
          },
        }),
        db().requirement.count(),
      ]);
      const list = rows.map((r) => ({
        id: r.id,
        label: r.title,
        detail: r.unit,
        uses: r._count.citations,
        changedAt: r.updatedAt,
      }));
      return { rows: list, total, page, pageSize };
    }
    case "capacity": {
      const [rows, total] = await Promise.all([
        db().capacityReference.findMany({
          ...window,
          orderBy: by("title", "unit"),
          select: {
            id: true,
            title: true,
            unit: true,
            updatedAt: true,
            _count: { select: { citations: true } },
          },
        }),
        db().capacityReference.count(),
      ]);
      const list = rows.map((r) => ({
        id: r.id,
        label: r.title,
        detail: r.unit,
        uses: r._count.citations,
        changedAt: r.updatedAt,
      }));
      return { rows: list, total, page, pageSize };
    }
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
