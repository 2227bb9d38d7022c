import "server-only";
import type { PledgeColumns } from "@/lib/rules/pledge-fields";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { isOneOf } from "@/server/sql-dialect";
import { readJson } from "@/lib/json-input";
import { stringPool } from "@/lib/string-pool";
import { readRows } from "@/server/bulk-read";
import { normalizeName } from "./fields";
import {
  pledgeKey,
  sourceKey,
  type ExistingPledge,
  type ImportSnapshot,
  type NamedRecord,
  type StoredPledgeRef,
} from "./plan";
import type { ImportedPledge } from "./rows";
import { savedMappingSchema, type SavedMapping } from "./schemas";

// Ids per query: one parameter each time (isOneOf), so that a list costs no more than its rows.
const batch = 1000;

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
 * 1,000 pledges (nested Prisma reads cost several times as much per row at 50,000 rows).
 */
async function existingPledges(prisma: PrismaClient, ids: readonly string[]): Promise<ExistingPledge[]> {
  const found: ExistingPledge[] = [];
  const shared = stringPool();
  for (const part of chunks(ids)) {
    const [pledges, stakeholders, conditions, citations] = [
      await readRows<PledgeRow>(
        prisma,
        Prisma.sql`
        SELECT "id", "version", "externalId", "title", "description", "category", "quantityUnit",
               "quantityLow", "quantityHigh", "quantityQualifier", "deliveredQuantity", "status",
               "announcedOn", "announcedPrecision", "dueOn", "scope"
        FROM "Pledge" WHERE ${isOneOf(Prisma.sql`"id"`, part)} AND "deletedAt" IS NULL`,
      ),
      await readRows<{
        pledgeId: string;
        stakeholderId: string;
        role: ExistingPledge["stakeholders"][number]["role"];
        name: string;
      }>(
        prisma,
        Prisma.sql`
        SELECT ps."pledgeId", ps."stakeholderId", ps."role", s."name"
        FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId"
        WHERE ${isOneOf(Prisma.sql`ps."pledgeId"`, part)}`,
      ),
      await readRows<{ pledgeId: string; conditionId: string }>(
        prisma,
        Prisma.sql`
        SELECT "pledgeId", "conditionId" FROM "PledgeCondition" WHERE ${isOneOf(Prisma.sql`"pledgeId"`, part)}`,
      ),
      await readRows<{ pledgeId: string; sourceId: string; quote: string }>(
        prisma,
        Prisma.sql`
        SELECT "pledgeId", "sourceId", "quote" FROM "Citation" WHERE ${isOneOf(Prisma.sql`"pledgeId"`, part)}`,
      ),
    ];
    const byPledge = new Map<string, ExistingPledge>();
    for (const row of pledges) {
      // Every field named, in one order: the records share one shape (a spread of the driver's row
      // gave each of 50,000 records a shape of its own, 0.5 KB apiece).
      const pledge: ExistingPledge = {
        id: row.id,
        version: Number(row.version),
        externalId: row.externalId,
        title: row.title,
        description: row.description,
        category: shared(row.category),
        quantityUnit: shared(row.quantityUnit),
        quantityLow: amount(row.quantityLow),
        quantityHigh: amount(row.quantityHigh),
        quantityQualifier: shared(row.quantityQualifier),
        deliveredQuantity: amount(row.deliveredQuantity),
        status: shared(row.status),
        announcedOn: date(row.announcedOn),
        announcedPrecision: shared(row.announcedPrecision),
        dueOn: row.dueOn === null ? null : date(row.dueOn),
        scope: row.scope,
        stakeholders: [],
        conditionIds: [],
        citations: [],
      };
      byPledge.set(row.id, pledge);
      found.push(pledge);
    }
    for (const { pledgeId, stakeholderId, role, name } of stakeholders) {
      byPledge
        .get(pledgeId)
        ?.stakeholders.push({ stakeholderId: shared(stakeholderId), role: shared(role), name: shared(name) });
    }
    for (const c of conditions) byPledge.get(c.pledgeId)?.conditionIds.push(shared(c.conditionId));
    for (const c of citations) byPledge.get(c.pledgeId)?.citations.push(`${c.sourceId}|${c.quote}`);
  }
  // A list grown by push keeps room for 17 items; copied, it takes what it holds (50,000 pledges'
  // three lists: 22 MB less).
  for (const pledge of found) {
    pledge.stakeholders = pledge.stakeholders.slice();
    pledge.conditionIds = pledge.conditionIds.slice();
    pledge.citations = pledge.citations.slice();
  }
  return found;
}

/**
 * What is stored that the file's rows may refer to: the pledges they may match (by external id,
 * or by title and stakeholders), and every stakeholder, condition and cited source by name. The
 * pledges come as references; planImport reads each one it compares in full, a batch at a time.
 */
export async function loadImportSnapshot(
  pledges: readonly ImportedPledge[],
  prisma: PrismaClient = db(),
): Promise<ImportSnapshot> {
  const pledgesByExternalId = new Map<string, StoredPledgeRef>();
  const externalIds = [...new Set(pledges.flatMap((p) => (p.externalId ? [p.externalId] : [])))];
  for (const part of chunks(externalIds)) {
    for (const row of await readRows<StoredPledgeRef & { externalId: string }>(
      prisma,
      Prisma.sql`
      SELECT "id", "externalId" FROM "Pledge"
      WHERE ${isOneOf(Prisma.sql`"externalId"`, part)} AND "deletedAt" IS NULL`,
    )) {
      pledgesByExternalId.set(row.externalId, { id: row.id, externalId: row.externalId });
    }
  }
  // A row found by its external id looks no further; the others look by title and stakeholders.
  // Titles match ignoring case and spacing, which SQL cannot index; the id and title columns of
  // every pledge are few enough to compare here.
  const titles = new Set(
    pledges.flatMap((p) =>
      p.externalId && pledgesByExternalId.has(p.externalId) ? [] : [normalizeName(p.title)],
    ),
  );
  const candidates = new Map<string, StoredPledgeRef & { title: string; names: string[] }>();
  if (titles.size > 0) {
    for (const row of await readRows<{ id: string; externalId: string | null; title: string }>(
      prisma,
      Prisma.sql`SELECT "id", "externalId", "title" FROM "Pledge" WHERE "deletedAt" IS NULL`,
    )) {
      if (titles.has(normalizeName(row.title))) candidates.set(row.id, { ...row, names: [] });
    }
  }
  for (const part of chunks([...candidates.keys()])) {
    for (const { pledgeId, name } of await readRows<{ pledgeId: string; name: string }>(
      prisma,
      Prisma.sql`
      SELECT DISTINCT ps."pledgeId", s."name"
      FROM "PledgeStakeholder" ps JOIN "Stakeholder" s ON s."id" = ps."stakeholderId"
      WHERE ${isOneOf(Prisma.sql`ps."pledgeId"`, part)}`,
    )) {
      candidates.get(pledgeId)?.names.push(name);
    }
  }
  const pledgesByTitle = new Map<string, StoredPledgeRef[]>();
  for (const { id, externalId, title, names } of candidates.values()) {
    const key = pledgeKey(title, names);
    pledgesByTitle.set(key, [...(pledgesByTitle.get(key) ?? []), { id, externalId }]);
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
    for (const s of await readRows<{ id: string; title: string; url: string }>(
      prisma,
      Prisma.sql`
      SELECT "id", "title", "url" FROM "Source" WHERE ${isOneOf(Prisma.sql`"url"`, part)}`,
    )) {
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
  return {
    pledgesByExternalId,
    pledgesByTitle,
    storedPledges: (ids) => existingPledges(prisma, ids),
    stakeholders,
    conditions,
    sources,
  };
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
    for (const row of await readRows<{ id: string; fileName: string }>(
      prisma,
      Prisma.sql`
      SELECT DISTINCT s."id", s."fileName" FROM "Citation" c JOIN "Source" s ON s."id" = c."sourceId"
      WHERE s."fileName" IS NOT NULL AND c."quote" LIKE 'Row % of ' || s."fileName"
        AND ${isOneOf(Prisma.sql`c."pledgeId"`, part)}`,
    )) {
      files.set(row.id, row.fileName);
    }
  }
  if (files.size === 0) return { previousFiles: [], missing: [] };
  const rows = await readRows<{ id: string; externalId: string }>(
    prisma,
    Prisma.sql`
    SELECT DISTINCT p."id", p."externalId"
    FROM "Pledge" p JOIN "Citation" c ON c."pledgeId" = p."id" JOIN "Source" s ON s."id" = c."sourceId"
    WHERE ${isOneOf(Prisma.sql`c."sourceId"`, [...files.keys()])} AND c."quote" LIKE 'Row % of ' || s."fileName"
      AND p."deletedAt" IS NULL AND p."externalId" IS NOT NULL AND p."status" <> 'withdrawn'`,
  );
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

/** A saved mapping that no longer reads as one (saved by another version, or edited in the database). */
export class UnreadableMappingError extends Error {
  override name = "UnreadableMappingError";
}

/** A stored JSON column as a value, or undefined when it is not JSON (lib/json-input.ts). */
function parsedJson(text: string): unknown {
  const read = readJson(text);
  return read.ok ? read.value : undefined;
}

/**
 * A saved mapping by name, or null when there is none by that name. Throws UnreadableMappingError,
 * saying what is wrong, when the stored mapping is not one.
 */
export async function getImportMapping(
  name: string,
  prisma: PrismaClient = db(),
): Promise<SavedMapping | null> {
  const row = await prisma.importMapping.findUnique({ where: { name } });
  if (!row) return null;
  const settings = parsedJson(row.settings);
  const parsed = savedMappingSchema.safeParse({
    ...(typeof settings === "object" && settings !== null ? settings : {}),
    columns: parsedJson(row.columns),
    values: parsedJson(row.values),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => [...i.path, i.message].join(": ")).slice(0, 5);
    throw new UnreadableMappingError(
      `The saved mapping "${name}" can no longer be read (${problems.join("; ")}). Map the file again and save it under this name.`,
    );
  }
  return parsed.data;
}

/** A saved mapping by name for a list: null when it cannot be read (the list still shows its name). */
export async function getListedImportMapping(name: string): Promise<SavedMapping | null> {
  try {
    return await getImportMapping(name);
  } catch (error) {
    if (error instanceof UnreadableMappingError) return null;
    throw error;
  }
}
