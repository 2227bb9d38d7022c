import "server-only";
import type { PledgeColumns } from "@/lib/rules/pledge-fields";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { normalizeName } from "./fields";
import { pledgeKey, sourceKey, type ExistingPledge, type ImportSnapshot, type NamedRecord } from "./plan";
import type { ImportedPledge } from "./rows";
import { savedMappingSchema, type SavedMapping } from "./schemas";

const batch = 500;

function chunks<T>(items: readonly T[], size = batch): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A pledge row as the driver returns it: integers may come as numbers, dates as ISO text (SQLite). */
type PledgeRow = Omit<
  PledgeColumns,
  "quantityLow" | "quantityHigh" | "deliveredQuantity" | "announcedOn" | "dueOn"
> & {
  id: string;
  version: number | bigint;
  quantityLow: number | bigint | null;
  quantityHigh: number | bigint | null;
  deliveredQuantity: number | bigint | null;
  announcedOn: string | Date;
  dueOn: string | Date | null;
};

const amount = (value: number | bigint | null) => (value === null ? null : BigInt(value));
const date = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/**
 * Full records of the pledges with these ids, as an import compares them: four plain queries per
 * 500 pledges (nested Prisma reads cost several times as much per row at 50,000 rows).
 */
async function existingPledges(prisma: PrismaClient, ids: readonly string[]): Promise<ExistingPledge[]> {
  const found: ExistingPledge[] = [];
  for (const part of chunks(ids)) {
    const list = Prisma.join(part);
    const [pledges, stakeholders, conditions, citations] = [
      await prisma.$queryRaw<PledgeRow[]>`
        SELECT "id", "version", "externalId", "title", "description", "category", "quantityUnit",
               "quantityLow", "quantityHigh", "quantityQualifier", "deliveredQuantity", "status",
               "announcedOn", "announcedPrecision", "dueOn", "scope"
        FROM "Pledge" WHERE "id" IN (${list}) AND "deletedAt" IS NULL`,
      await prisma.$queryRaw<
        {
          pledgeId: string;
          stakeholderId: string;
          role: ExistingPledge["stakeholders"][number]["role"];
          name: string;
        }[]
      >`
        SELECT ps."pledgeId", ps."stakeholderId", ps."role", s."name"
        FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId"
        WHERE ps."pledgeId" IN (${list})`,
      await prisma.$queryRaw<{ pledgeId: string; conditionId: string }[]>`
        SELECT "pledgeId", "conditionId" FROM "PledgeCondition" WHERE "pledgeId" IN (${list})`,
      await prisma.$queryRaw<{ pledgeId: string; sourceId: string; quote: string }[]>`
        SELECT "pledgeId", "sourceId", "quote" FROM "Citation" WHERE "pledgeId" IN (${list})`,
    ];
    const byPledge = new Map<string, ExistingPledge>();
    for (const row of pledges) {
      const pledge: ExistingPledge = {
        ...row,
        version: Number(row.version),
        quantityLow: amount(row.quantityLow),
        quantityHigh: amount(row.quantityHigh),
        deliveredQuantity: amount(row.deliveredQuantity),
        announcedOn: date(row.announcedOn),
        dueOn: row.dueOn === null ? null : date(row.dueOn),
        stakeholders: [],
        conditionIds: [],
        citations: [],
      };
      byPledge.set(row.id, pledge);
      found.push(pledge);
    }
    for (const { pledgeId, ...s } of stakeholders) byPledge.get(pledgeId)?.stakeholders.push(s);
    for (const c of conditions) byPledge.get(c.pledgeId)?.conditionIds.push(c.conditionId);
    for (const c of citations) byPledge.get(c.pledgeId)?.citations.push(`${c.sourceId}|${c.quote}`);
  }
  return found;
}

/**
 * What is stored that the file's rows may refer to: the pledges they may match (by external id,
 * or by title and stakeholders), and every stakeholder, condition and cited source by name.
 */
export async function loadImportSnapshot(
  pledges: readonly ImportedPledge[],
  prisma: PrismaClient = db(),
): Promise<ImportSnapshot> {
  const externalIds = [...new Set(pledges.flatMap((p) => (p.externalId ? [p.externalId] : [])))];
  const candidateIds = new Set<string>();
  for (const part of chunks(externalIds)) {
    const rows = await prisma.pledge.findMany({
      where: { externalId: { in: part }, deletedAt: null },
      select: { id: true },
    });
    for (const row of rows) candidateIds.add(row.id);
  }
  // Titles match ignoring case and spacing, which SQL cannot index; the id and title columns of
  // every pledge are few enough to compare here.
  const titles = new Set(pledges.map((p) => normalizeName(p.title)));
  const allTitles = await prisma.pledge.findMany({
    where: { deletedAt: null },
    select: { id: true, title: true },
  });
  for (const row of allTitles) if (titles.has(normalizeName(row.title))) candidateIds.add(row.id);

  const pledgesByExternalId = new Map<string, ExistingPledge>();
  const pledgesByTitle = new Map<string, ExistingPledge[]>();
  for (const pledge of await existingPledges(prisma, [...candidateIds])) {
    if (pledge.externalId) pledgesByExternalId.set(pledge.externalId, pledge);
    const key = pledgeKey(pledge.title, [...new Set(pledge.stakeholders.map((s) => s.name))]);
    pledgesByTitle.set(key, [...(pledgesByTitle.get(key) ?? []), pledge]);
  }

  const stakeholders = new Map<string, NamedRecord>();
  for (const s of await prisma.stakeholder.findMany({ select: { id: true, name: true, slug: true } })) {
    stakeholders.set(normalizeName(s.slug), { id: s.id, name: s.name });
    stakeholders.set(normalizeName(s.name), { id: s.id, name: s.name });
  }
  const conditions = new Map<string, NamedRecord>();
  for (const c of await prisma.condition.findMany({ select: { id: true, title: true, slug: true } })) {
    conditions.set(normalizeName(c.slug), { id: c.id, name: c.title });
    conditions.set(normalizeName(c.title), { id: c.id, name: c.title });
  }
  const sources = new Map<string, NamedRecord>();
  const cited = pledges.flatMap((p) => (p.source ? [p.source] : []));
  const urls = [...new Set(cited.flatMap((s) => (s.url ? [s.url] : [])))];
  for (const part of chunks(urls)) {
    for (const s of await prisma.source.findMany({
      where: { url: { in: part } },
      select: { id: true, title: true, url: true },
    })) {
      sources.set(sourceKey(s), { id: s.id, name: s.title });
    }
  }
  if (cited.some((s) => !s.url)) {
    for (const s of await prisma.source.findMany({
      where: { url: null },
      select: { id: true, title: true },
    })) {
      sources.set(sourceKey({ title: s.title, url: null }), { id: s.id, name: s.title });
    }
  }
  return { pledgesByExternalId, pledgesByTitle, stakeholders, conditions, sources };
}

/** A pledge an earlier release of the file had and this one does not, in full (for its audit entry). */
export type MissingPledge = ExistingPledge & { externalId: string };

/**
 * The release a file updates, and what it no longer has: the earlier imported files cited by the
 * pledges this file matches by external id, and those files' other pledges (not deleted, not yet
 * withdrawn) whose external ids this file lacks. `fileIds` is every external id the file has, its
 * invalid rows' included, so that a row left out is never taken for a pledge dropped.
 */
export async function loadReleaseGaps(
  matchedIds: readonly string[],
  fileIds: ReadonlySet<string>,
  prisma: PrismaClient = db(),
): Promise<{ previousFiles: string[]; missing: MissingPledge[] }> {
  const matched = new Set(matchedIds);
  const files = new Map<string, string>();
  for (const part of chunks(matchedIds)) {
    for (const row of await prisma.$queryRaw<{ id: string; fileName: string }[]>`
      SELECT DISTINCT s."id", s."fileName" FROM "Citation" c JOIN "Source" s ON s."id" = c."sourceId"
      WHERE s."fileName" IS NOT NULL AND c."quote" LIKE 'Row % of ' || s."fileName"
        AND c."pledgeId" IN (${Prisma.join(part)})`) {
      files.set(row.id, row.fileName);
    }
  }
  if (files.size === 0) return { previousFiles: [], missing: [] };
  const rows = await prisma.$queryRaw<{ id: string; externalId: string }[]>`
    SELECT DISTINCT p."id", p."externalId"
    FROM "Pledge" p JOIN "Citation" c ON c."pledgeId" = p."id" JOIN "Source" s ON s."id" = c."sourceId"
    WHERE c."sourceId" IN (${Prisma.join([...files.keys()])}) AND c."quote" LIKE 'Row % of ' || s."fileName"
      AND p."deletedAt" IS NULL AND p."externalId" IS NOT NULL AND p."status" <> 'withdrawn'`;
  // A pledge the file matched by title (its row has no id) is in the file all the same.
  const ids = rows.filter((row) => !fileIds.has(row.externalId) && !matched.has(row.id)).map((row) => row.id);
  const missing = (await existingPledges(prisma, ids)) as MissingPledge[];
  return {
    previousFiles: [...new Set(files.values())].sort(),
    missing: missing.sort((a, b) => a.externalId.localeCompare(b.externalId)),
  };
}

// ---- Saved mappings ----

export interface SavedMappingSummary {
  id: string;
  name: string;
  version: number;
  updatedAt: Date;
}

export async function listImportMappings(prisma: PrismaClient = db()): Promise<SavedMappingSummary[]> {
  return prisma.importMapping.findMany({
    select: { id: true, name: true, version: true, updatedAt: true },
    orderBy: { name: "asc" },
  });
}

/** A saved mapping by name, or null when there is none by that name. */
export async function getImportMapping(
  name: string,
  prisma: PrismaClient = db(),
): Promise<SavedMapping | null> {
  const row = await prisma.importMapping.findUnique({ where: { name } });
  if (!row) return null;
  return savedMappingSchema.parse({
    ...(JSON.parse(row.settings) as object),
    columns: JSON.parse(row.columns),
    values: JSON.parse(row.values),
  });
}
