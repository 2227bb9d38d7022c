import "server-only";
import type { Locale } from "@/i18n/locales";
import type { Prisma } from "@/generated/prisma/client";
import { endOfDay } from "@/lib/format";
import { db } from "@/server/db";
import { auditLine, changeInWords, type Names } from "./audit-lines";
import { auditFirstDirection, type AuditFilters, type AuditSortKey } from "./schemas";
import { listPageSizes } from "@/features/pledges";

/**
 * Accounts, API tokens and webhooks are the admins' business: other readers never see their entries
 * (a webhook's address can carry a receiver's own token).
 */
export const accountEntities = ["User", "ApiToken", "WebhookEndpoint", "Setting"] as const;

export interface AuditReader {
  /** Whether the reader may see accounts' and tokens' entries (admins). */
  seesAccounts: boolean;
}

function where(
  { entity, record, actor, from, to }: AuditSelection,
  reader: AuditReader,
): Prisma.AuditEntryWhereInput {
  return {
    AND: [
      reader.seesAccounts ? {} : { entityType: { notIn: [...accountEntities] } },
      entity ? { entityType: entity } : {},
    ],
    ...(record ? { entityId: record } : {}),
    ...(actor ? { actorLabel: actor } : {}),
    ...(from || to
      ? { occurredAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: endOfDay(to) } : {}) } }
      : {}),
  };
}

/** Stakeholders' and conditions' names, to write a pledge's links in words. */
async function names(): Promise<Names> {
  const [stakeholders, conditions] = await db().$transaction([
    db().stakeholder.findMany({ select: { id: true, name: true } }),
    db().condition.findMany({ select: { id: true, title: true } }),
  ]);
  return {
    stakeholders: new Map(stakeholders.map((s) => [s.id, s.name])),
    conditions: new Map(conditions.map((c) => [c.id, c.title])),
  };
}

const newestFirst = [
  { occurredAt: "desc" },
  { id: "desc" },
] satisfies Prisma.AuditEntryOrderByWithRelationInput[];

/** What selects entries, apart from their order and page. */
type AuditSelection = Omit<AuditFilters, "page" | "pageSize" | "sort" | "dir">;

/** An order of the trail in the database: ties go newest first, the same on every page. */
function auditOrder(sort: AuditSortKey, dir: "asc" | "desc"): Prisma.AuditEntryOrderByWithRelationInput[] {
  if (sort === "when") return [{ occurredAt: dir }, { id: dir }];
  return [sort === "who" ? { actorLabel: dir } : { entityType: dir }, ...newestFirst];
}

/** One page of the audit trail, newest first unless another order is asked, each entry in words. */
export async function listAudit(
  { page = 1, pageSize: askedSize, sort = "when", dir, ...filters }: AuditFilters,
  reader: AuditReader,
  defaultSize: number = listPageSizes[0],
  locale: Locale = "en",
) {
  const pageSize = askedSize ?? defaultSize;
  const [entries, total, lookup] = await Promise.all([
    db().auditEntry.findMany({
      where: where(filters, reader),
      orderBy: auditOrder(sort, dir ?? auditFirstDirection[sort]),
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db().auditEntry.count({ where: where(filters, reader) }),
    names(),
  ]);
  return { rows: entries.map((entry) => auditLine(entry, lookup, locale)), total, page, pageSize };
}

/** Every entry the filters select, newest first, in batches (keyset on the order): for the CSV. */
export async function* streamAudit(filters: AuditSelection, reader: AuditReader, batchSize = 1000) {
  const lookup = await names();
  let cursor: string | undefined;
  for (;;) {
    const entries = await db().auditEntry.findMany({
      where: where(filters, reader),
      orderBy: newestFirst,
      take: batchSize,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (entries.length === 0) return;
    yield entries.map((entry) => auditLine(entry, lookup));
    if (entries.length < batchSize) return;
    cursor = entries[entries.length - 1]!.id;
  }
}

/** The people who have written, for the filter's choices. */
export async function auditActors(reader: AuditReader): Promise<string[]> {
  const rows = await db().auditEntry.findMany({
    where: where({}, reader),
    distinct: ["actorLabel"],
    select: { actorLabel: true },
    orderBy: { actorLabel: "asc" },
  });
  return rows.map((row) => row.actorLabel);
}

export type AuditChange = { actor: string; at: Date; action: string; fields: string[] };

/**
 * Who changed a record after `version`, when, what they did and which fields, in `locale`: for the
 * conflict message.
 */
export async function changesSince(
  entityType: string,
  entityId: string,
  version: number,
  locale: Locale,
): Promise<AuditChange[]> {
  const entries = await db().auditEntry.findMany({
    where: { entityType, entityId, version: { gt: version } },
    orderBy: { occurredAt: "asc" },
  });
  return entries.map((entry) => ({
    actor: entry.actorLabel,
    at: entry.occurredAt,
    ...changeInWords(entry, locale),
  }));
}
