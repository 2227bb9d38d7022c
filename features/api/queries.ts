import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { getPledgeItems } from "@/features/pledges/queries";
import { statusChangeOrder } from "@/server/selects";
import { isoDay } from "@/lib/format";
import { toMajor } from "@/lib/rules/units";
import { databaseKind } from "@/server/env";
import { pledgeJson } from "./json";
import type { PledgeDetailJson } from "./schemas";

// What the API's record routes read, shaped as they answer it.

// Only what the answer shows: a write's answer reads its pledge back through here, and each query
// Prisma runs costs the server's thread (the pledge page's whole read is some fifteen).
const quoted = {
  select: { quote: true, source: { select: { id: true, title: true, url: true } } },
} satisfies { select: Prisma.CitationSelect };

const pledgeEvidence = (ids: readonly string[]) =>
  db().pledge.findMany({
    where: { id: { in: [...ids] }, deletedAt: null },
    select: {
      id: true,
      citations: { ...quoted, orderBy: { id: "asc" } },
      statusChanges: {
        select: {
          occurredAt: true,
          fromPledgeStatus: true,
          toPledgeStatus: true,
          note: true,
          recordedBy: true,
          citations: { ...quoted, orderBy: { id: "asc" } },
        },
        orderBy: statusChangeOrder,
      },
    },
  });

/** One pledge as the API shows it, with its evidence and history; null when there is none. */
export async function getPledgeJson(id: string): Promise<PledgeDetailJson | null> {
  return (await getPledgeJsons([id])).get(id) ?? null;
}

/**
 * The live pledges among `ids` as the API shows each, by id: read together (a handful of queries
 * for all of them, as the change log's pages and the webhooks' batches need).
 */
export async function getPledgeJsons(ids: readonly string[]): Promise<Map<string, PledgeDetailJson>> {
  const [items, evidence] = await Promise.all([getPledgeItems(ids), pledgeEvidence(ids)]);
  const evidenceOf = new Map(evidence.map((pledge) => [pledge.id, pledge]));
  return new Map(
    items.flatMap((item) => {
      const found = evidenceOf.get(item.id);
      if (!found) return [];
      const json: PledgeDetailJson = {
        ...pledgeJson(item),
        citations: found.citations,
        history: found.statusChanges.map((change) => ({
          occurredAt: change.occurredAt.toISOString(),
          from: change.fromPledgeStatus,
          to: change.toPledgeStatus,
          note: change.note,
          recordedBy: change.recordedBy,
          citations: change.citations,
        })),
      };
      return [[item.id, json] as const];
    }),
  );
}

/** Only the records with these ids, when given (the change log's entries); all of them otherwise. */
const onlyIds = (ids?: readonly string[]) => ({ where: ids ? { id: { in: [...ids] } } : {} });

export async function listConditionRecords(ids?: readonly string[]) {
  const conditions = await db().condition.findMany({
    ...onlyIds(ids),
    orderBy: { title: "asc" },
    include: { dependsOn: { select: { slug: true } }, _count: { select: { pledges: true } } },
  });
  return conditions.map((c) => ({
    id: c.id,
    slug: c.slug,
    title: c.title,
    description: c.description,
    status: c.status,
    statusDate: isoDay(c.statusDate),
    dependsOn: c.dependsOn?.slug ?? null,
    pledges: c._count.pledges,
  }));
}

export async function listStakeholderRecords(ids?: readonly string[]) {
  const stakeholders = await db().stakeholder.findMany({
    ...onlyIds(ids),
    orderBy: { name: "asc" },
    include: { _count: { select: { pledges: true } } },
  });
  return stakeholders.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    kind: s.kind,
    countryCode: s.countryCode,
    pledges: s._count.pledges,
  }));
}

export async function listSourceRecords(ids?: readonly string[]) {
  const sources = await db().source.findMany({ ...onlyIds(ids), orderBy: { title: "asc" } });
  return sources.map((s) => ({
    id: s.id,
    slug: s.slug,
    title: s.title,
    publisher: s.publisher,
    publishedOn: s.publishedOn ? isoDay(s.publishedOn) : null,
    url: s.url,
    fileName: s.fileName,
  }));
}

/** A requirement's or a capacity's amount, in the unit's major units (as pledges' are). */
const rangeJson = (row: { low: bigint; high: bigint; unit: string; qualifier: string }) => ({
  low: toMajor(row.low, row.unit),
  high: toMajor(row.high, row.unit),
  unit: row.unit,
  qualifier: row.qualifier,
});

export async function listRequirementRecords(ids?: readonly string[]) {
  const requirements = await db().requirement.findMany({
    ...onlyIds(ids),
    orderBy: { title: "asc" },
    include: { stakeholder: { select: { slug: true } } },
  });
  return requirements.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    amount: rangeJson(r),
    scope: r.scope,
    stakeholder: r.stakeholder?.slug ?? null,
  }));
}

export async function listCapacityReferenceRecords(ids?: readonly string[]) {
  const references = await db().capacityReference.findMany({
    ...onlyIds(ids),
    orderBy: { title: "asc" },
    include: { stakeholder: { select: { slug: true } } },
  });
  return references.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    amount: rangeJson(r),
    stakeholder: r.stakeholder?.slug ?? null,
  }));
}

/** Where a reader of the change log is: after the change with this version and id (0.0: the start). */
export interface ChangeCursor {
  version: number;
  id: number;
}

/** What an entry of the change log is made from (change-log.ts), wherever the row is read. */
export const changeLogRow = {
  select: { id: true, version: true, entity: true, entityId: true, action: true, occurredAt: true },
} satisfies { select: Prisma.ChangeLogSelect };

/**
 * Up to `limit` changes after `after`, in the order they were committed: by id on SQLite (one
 * writer at a time), by the version each transaction committed as, then id, on PostgreSQL (where
 * ids are drawn before commits take turns; migrations 20261205145711_change_log).
 */
export async function readChangeLog(after: ChangeCursor, limit: number) {
  const { select } = changeLogRow;
  if (databaseKind() === "postgresql") {
    // The first condition lets the (version, id) index start at the cursor's version.
    return db().changeLog.findMany({
      where: {
        version: { gte: after.version },
        OR: [{ version: { gt: after.version } }, { id: { gt: after.id } }],
      },
      orderBy: [{ version: "asc" }, { id: "asc" }],
      take: limit,
      select,
    });
  }
  return db().changeLog.findMany({
    where: { id: { gt: after.id } },
    orderBy: { id: "asc" },
    take: limit,
    select,
  });
}
