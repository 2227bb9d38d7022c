import "server-only";
import { newId } from "@/server/ids";
import { type Prisma, type PrismaClient } from "@/generated/prisma/client";
import { isDatabaseBusy } from "@/server/database-busy";
import { actorLabel, type Principal } from "@/lib/access";
import { slugify } from "@/lib/slug";
import { invalid } from "@/lib/validation-message";
import { auditEntryRow, auditRow } from "@/server/audit";
import { logUnloggedRecords } from "@/server/change-log";
import { pledgeSnapshot } from "@/server/pledge-snapshot";
import { changeEvents, creationEvents, today } from "@/server/ledger";
import {
  addLinks,
  addNewPledge,
  citationRows,
  claimPledge,
  insertPledgeRows,
  noPledgeRows,
  statusChangeRow,
  type Citing,
  type PledgeRows,
} from "@/server/pledge-writer";
import { changedFacts } from "@/lib/rules/ledger";
import { bulkInserter } from "@/server/bulk-insert";
import { db } from "@/server/db";
import { datasetTableNames, type DatasetRows, type DatasetTableName } from "./dataset";
import { normalizeName } from "./fields";
import { pledgeColumns, sourceKey, type ImportPlan, type ImportSnapshot, type PlannedRow } from "./plan";
import type { ImportedPledge } from "./rows";
import type { MissingPledge } from "./queries";
import type { SavedMapping } from "./schemas";
import { systemNote } from "@/i18n/system-notes";

// The commit: every change of a plan in one transaction, batched, with its history and audit
// entries citing the file. A failure anywhere rolls all of it back.

type Tx = Prisma.TransactionClient;

/** Someone changed a pledge between the preview and the commit; nothing was written. */
export class ImportConflictError extends Error {
  override name = "ImportConflictError";
}

// Pledges a write batch holds: rows that outlive a batch are promoted to the old heap, and a batch
// of 500 made a 50,000-row commit peak at 530 MB against 390 MB, for no gain in time.
const writeBatch = 100;
/** Rows of one table a dataset's import writes at a time (they are built before, not per batch). */
const datasetBatch = 1000;

/** The lock wait ran out: another long write (another import) holds the database. */
async function busyAsConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseBusy(error)) {
      throw new ImportConflictError(invalid("refusal.importDatabaseBusy"));
    }
    throw error;
  }
}

/** Slugs not yet taken, for several new records of one table at once. */
async function freeSlugs(names: string[], taken: (slugs: string[]) => Promise<string[]>): Promise<string[]> {
  const bases = names.map(slugify);
  const used = new Set(await taken([...new Set(bases)]));
  return bases.map((base) => {
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

export interface CommitResult {
  created: number;
  updated: number;
  /** Pledges missing from the new release, recorded as withdrawn. */
  withdrawn: number;
  /** The source record standing for the file, cited by every change; null when nothing changed. */
  fileSourceId: string | null;
}

type Work = Exclude<PlannedRow, { action: "skip" }>;
type Updated = Extract<PlannedRow, { action: "update" }>;

/** What every row of one commit shares: who, when, the file, and the ids of the records it names. */
interface Commit {
  actor: Principal;
  now: Date;
  fileName: string;
  fileSourceId: string;
  stakeholderIds: Map<string, string>;
  conditionIds: Map<string, string>;
  sourceIds: Map<string, string>;
}

const rowNote = (commit: Pick<Commit, "fileName">, row: number) =>
  systemNote("importedFromRow", { file: commit.fileName, row });
const recorded = (commit: Commit, row: number) => ({
  by: commit.actor,
  at: commit.now,
  note: rowNote(commit, row),
});

/** A pledge's links, by the ids of the stakeholders and conditions it names. */
const linksOf = (commit: Commit, p: ImportedPledge) => ({
  stakeholders: p.stakeholders.map((s) => ({
    stakeholderId: commit.stakeholderIds.get(normalizeName(s.name))!,
    role: s.role,
  })),
  conditionIds: p.conditions.map((c) => commit.conditionIds.get(normalizeName(c))!),
});

// Each row's evidence: its line of the file, and the source it names with its quote.
const fileRow = (commit: Commit, row: number): Citing => ({
  sourceId: commit.fileSourceId,
  quote: `Row ${row} of ${commit.fileName}`,
});
const namedSource = (commit: Commit, p: ImportedPledge): Citing[] =>
  p.source ? [{ sourceId: commit.sourceIds.get(sourceKey(p.source))!, quote: p.source.quote }] : [];

/** The file a commit imports, and what the source standing for it says about how it was read. */
export interface ImportedFile {
  name: string;
  sha256: string;
  /** Sentences on the options the import used: rows left out as invalid, amounts rounded. */
  notes: string[];
  /** The plan's invalid rows are left out rather than refusing the whole file. */
  skipInvalid: boolean;
  /** Pledges of the release this file updates that it no longer has, to record as withdrawn. */
  withdraw: readonly MissingPledge[];
}

/**
 * Writes `plan` (which must have no errors, unless `file.skipInvalid`) as `actor`. Rows are matched to the versions seen at
 * preview: if any pledge moved on since, the whole import is refused and nothing is written.
 */
export async function commitImportPlan(
  actor: Principal,
  plan: ImportPlan,
  snapshot: ImportSnapshot,
  file: ImportedFile,
  onProgress: (done: number, total: number) => void = () => {},
  prisma: PrismaClient = db(),
): Promise<CommitResult> {
  if (plan.errors.length > 0 && !file.skipInvalid) {
    throw new Error("commitImportPlan needs a plan without errors, or skipInvalid");
  }
  const work = plan.rows.filter((r): r is Work => r.action !== "skip");
  if (work.length === 0 && file.withdraw.length === 0) {
    return { created: 0, updated: 0, withdrawn: 0, fileSourceId: null };
  }

  return busyAsConflict(() =>
    prisma.$transaction(
      async (tx) => {
        const now = new Date();
        const rows = noPledgeRows();
        const fileSourceId = await createFileSource(tx, rows, actor, plan, file, now);
        const commit = await createNamedRecords(
          tx,
          rows,
          { actor, now, fileName: file.name, fileSourceId },
          plan,
          snapshot,
          work,
        );

        // Rows by table, written every `writeBatch` pledges.
        const insertRows = bulkInserter(prisma, tx);
        let done = 0;
        for (const r of work) {
          if (r.action === "create") {
            const id = addNewPledge(
              rows,
              { ...pledgeColumns(r.pledge), ...linksOf(commit, r.pledge) },
              recorded(commit, r.row),
              [...namedSource(commit, r.pledge), fileRow(commit, r.row)],
            );
            addCorrections(rows, commit, id, r.pledge);
          } else {
            await addUpdatedPledge(tx, rows, commit, r);
          }
          if (++done % writeBatch === 0) {
            await insertPledgeRows(insertRows, rows);
            onProgress(done, work.length);
          }
        }
        for (const missing of file.withdraw) await addWithdrawnPledge(tx, rows, commit, missing);
        await insertPledgeRows(insertRows, rows);
        onProgress(done, work.length);
        return {
          created: plan.counts.create,
          updated: plan.counts.update,
          withdrawn: file.withdraw.length,
          fileSourceId,
        };
      },
      { timeout: 10 * 60_000, maxWait: 30_000 },
    ),
  );
}

/** The source standing for the file, which every change cites; its audit entry goes to `rows`. */
async function createFileSource(
  tx: Tx,
  rows: PledgeRows,
  actor: Principal,
  plan: ImportPlan,
  file: ImportedFile,
  now: Date,
): Promise<string> {
  const [slug] = await freeSlugs([`import ${file.name}`], (slugs) => takenSlugs(tx, "source", slugs));
  const { id } = await tx.source.create({
    data: {
      slug: slug!,
      title: `Import of ${file.name}`,
      fileName: file.name,
      description: [
        `Imported by ${actorLabel(actor)} on ${now.toISOString()}: ${plan.counts.create} created, ${plan.counts.update} updated.`,
        ...file.notes,
        `File SHA-256 ${file.sha256}.`,
      ].join(" "),
    },
    select: { id: true },
  });
  rows.AuditEntry.push(
    auditEntryRow(
      actor,
      {
        action: "create",
        entityType: "Source",
        entityId: id,
        after: { fileName: file.name, sha256: file.sha256, counts: plan.counts, notes: file.notes },
        version: 1,
        note: systemNote("importOf", { file: file.name }),
      },
      now,
    ),
  );
  return id;
}

/**
 * The stakeholders, conditions and sources the file names that do not exist yet, created (and
 * audited), with the ids of all it names, old and new.
 */
async function createNamedRecords(
  tx: Tx,
  rows: PledgeRows,
  base: Omit<Commit, "stakeholderIds" | "conditionIds" | "sourceIds">,
  plan: ImportPlan,
  snapshot: ImportSnapshot,
  work: Work[],
): Promise<Commit> {
  const note = (row: number) => rowNote(base, row);
  const audited = (entityType: string, created: { id: string; description: string }[]) => {
    for (const row of created) {
      rows.AuditEntry.push(
        auditEntryRow(
          base.actor,
          { action: "create", entityType, entityId: row.id, after: row, version: 1, note: row.description },
          base.now,
        ),
      );
    }
  };
  const firstRows = firstRowsNaming(work);

  const stakeholderIds = new Map([...snapshot.stakeholders].map(([key, record]) => [key, record.id]));
  const stakeholderSlugs = await freeSlugs(
    plan.newStakeholders.map((s) => s.name),
    (s) => takenSlugs(tx, "stakeholder", s),
  );
  const stakeholders = plan.newStakeholders.map(({ name, kind, countryCode }, i) => ({
    id: newId(),
    name,
    slug: stakeholderSlugs[i]!,
    kind,
    countryCode,
    description: note(firstRows.stakeholders.get(normalizeName(name)) ?? 0),
  }));
  await tx.stakeholder.createMany({ data: stakeholders });
  for (const s of stakeholders) stakeholderIds.set(normalizeName(s.name), s.id);
  audited("Stakeholder", stakeholders);

  const conditionIds = new Map([...snapshot.conditions].map(([key, record]) => [key, record.id]));
  const conditionSlugs = await freeSlugs(plan.newConditions, (s) => takenSlugs(tx, "condition", s));
  const conditions = plan.newConditions.map((title, i) => ({
    id: newId(),
    title,
    slug: conditionSlugs[i]!,
    status: "unmet" as const,
    statusDate: base.now,
    description: note(firstRows.conditions.get(normalizeName(title)) ?? 0),
  }));
  await tx.condition.createMany({ data: conditions });
  for (const c of conditions) conditionIds.set(normalizeName(c.title), c.id);
  audited("Condition", conditions);

  const sourceIds = new Map([...snapshot.sources].map(([key, record]) => [key, record.id]));
  const cited = new Map<string, { title: string; url: string | null; row: number }>();
  for (const r of work) {
    const source = r.pledge.source;
    if (source && !sourceIds.has(sourceKey(source)) && !cited.has(sourceKey(source))) {
      cited.set(sourceKey(source), { ...source, row: r.row });
    }
  }
  const newSources = [...cited.entries()];
  const sourceSlugs = await freeSlugs(
    newSources.map(([, s]) => s.title),
    (s) => takenSlugs(tx, "source", s),
  );
  const sources = newSources.map(([key, s], i) => {
    const id = newId();
    sourceIds.set(key, id);
    return { id, title: s.title, url: s.url, slug: sourceSlugs[i]!, description: note(s.row) };
  });
  await tx.source.createMany({ data: sources });
  audited("Source", sources);

  return { ...base, stakeholderIds, conditionIds, sourceIds };
}

/**
 * A changed pledge: its version claimed (refusing the import if it moved on since the preview),
 * and the rows of what changed (links, citations, status, ledger events, audit) added to `rows`.
 */
async function addUpdatedPledge(tx: Tx, rows: PledgeRows, commit: Commit, r: Updated) {
  const { existing, pledge, changed } = r;
  const { now } = commit;
  const columns = pledgeColumns(pledge);
  const data = Object.fromEntries(
    Object.entries(columns).filter(([field]) => changed.includes(field)),
  ) as Partial<typeof columns>;
  if (!(await claimPledge(tx, existing.id, existing.version, data))) {
    throw new ImportConflictError(invalid("refusal.importRowChanged", { row: r.row, title: existing.title }));
  }
  const linked = linksOf(commit, pledge);
  if (changed.includes("stakeholders")) {
    await tx.pledgeStakeholder.deleteMany({ where: { pledgeId: existing.id } });
    addLinks(rows, existing.id, { stakeholders: linked.stakeholders }, now);
  }
  if (changed.includes("conditions")) {
    await tx.pledgeCondition.deleteMany({ where: { pledgeId: existing.id } });
    addLinks(rows, existing.id, { conditionIds: linked.conditionIds }, now);
  }
  if (changed.includes("sources")) {
    rows.Citation.push(...citationRows(namedSource(commit, pledge), { pledgeId: existing.id }, now));
  }
  const evidence = [fileRow(commit, r.row)];
  if (changed.includes("status")) {
    const entry = statusChangeRow(
      { pledgeId: existing.id, fromPledgeStatus: existing.status, toPledgeStatus: pledge.status },
      now,
      recorded(commit, r.row),
    );
    rows.StatusChange.push(entry);
    rows.Citation.push(...citationRows(evidence, { statusChangeId: entry.id }, now));
  }
  const after = { ...existing, ...data };
  for (const event of changeEvents(
    existing.id,
    changedFacts(existing, after),
    after,
    today(now),
    recorded(commit, r.row),
  )) {
    rows.LedgerEvent.push(event);
    rows.Citation.push(...citationRows(evidence, { ledgerEventId: event.id! }, now));
  }
  rows.AuditEntry.push(
    auditEntryRow(
      commit.actor,
      {
        action: "update",
        entityType: "Pledge",
        entityId: existing.id,
        before: pledgeSnapshot(existing),
        after: pledgeSnapshot({
          ...after,
          version: existing.version + 1,
          ...(changed.includes("stakeholders") ? { stakeholders: linked.stakeholders } : {}),
          ...(changed.includes("conditions") ? { conditionIds: linked.conditionIds } : {}),
        }),
        version: existing.version + 1,
        note: rowNote(commit, r.row),
      },
      now,
    ),
  );
}

/**
 * A pledge the new release no longer has, recorded as withdrawn with the file as evidence; refused
 * (the whole import) if the pledge changed after the preview.
 */
async function addWithdrawnPledge(tx: Tx, rows: PledgeRows, commit: Commit, missing: MissingPledge) {
  const { now } = commit;
  if (!(await claimPledge(tx, missing.id, missing.version, { status: "withdrawn" }))) {
    throw new ImportConflictError(
      invalid("refusal.importMissingChanged", { title: missing.title, externalId: missing.externalId }),
    );
  }
  const note = systemNote("withdrawnMissing", { file: commit.fileName });
  const entry = statusChangeRow(
    { pledgeId: missing.id, fromPledgeStatus: missing.status, toPledgeStatus: "withdrawn" },
    now,
    { by: commit.actor, at: now, note },
  );
  rows.StatusChange.push(entry);
  rows.Citation.push(
    ...citationRows(
      [{ sourceId: commit.fileSourceId, quote: `No row of ${commit.fileName} has ${missing.externalId}` }],
      { statusChangeId: entry.id },
      now,
    ),
  );
  rows.AuditEntry.push(
    auditEntryRow(
      commit.actor,
      {
        action: "update",
        entityType: "Pledge",
        entityId: missing.id,
        before: pledgeSnapshot(missing),
        after: pledgeSnapshot({ ...missing, status: "withdrawn", version: missing.version + 1 }),
        version: missing.version + 1,
        note,
      },
      now,
    ),
  );
}

/**
 * A new pledge's corrections (plan.ts) in its history: it was stated at its row's amount on its
 * announcement, then lowered by each correction from that row's date, each citing its row. The
 * pledge itself, already written at its final amount, is what the last of them leaves.
 */
function addCorrections(rows: PledgeRows, commit: Commit, pledgeId: string, pledge: ImportedPledge) {
  const corrections = pledge.corrections ?? [];
  if (corrections.length === 0) return;
  const lowered = corrections.reduce((sum, c) => sum + c.amount, 0n);
  let low = pledge.quantityLow! - lowered;
  let high = pledge.quantityHigh! - lowered;
  const stated = rows.LedgerEvent.find((e) => e.pledgeId === pledgeId && e.fact === "stated")!;
  Object.assign(stated, { quantityLow: low, quantityHigh: high });
  for (const correction of corrections) {
    low += correction.amount;
    high += correction.amount;
    const figures = { ...pledgeColumns(pledge), quantityLow: low, quantityHigh: high };
    for (const event of changeEvents(
      pledgeId,
      ["stated"],
      figures,
      correction.on,
      recorded(commit, correction.row),
    )) {
      rows.LedgerEvent.push(event);
      rows.Citation.push(
        ...citationRows([fileRow(commit, correction.row)], { ledgerEventId: event.id! }, commit.now),
      );
    }
  }
}

/** The first row naming each stakeholder and condition, for the note on the record the import creates. */
function firstRowsNaming(rows: Work[]) {
  const stakeholders = new Map<string, number>();
  const conditions = new Map<string, number>();
  for (const r of rows) {
    for (const s of r.pledge.stakeholders)
      if (!stakeholders.has(normalizeName(s.name))) stakeholders.set(normalizeName(s.name), r.row);
    for (const c of r.pledge.conditions)
      if (!conditions.has(normalizeName(c))) conditions.set(normalizeName(c), r.row);
  }
  return { stakeholders, conditions };
}

async function takenSlugs(tx: Tx, table: "source" | "stakeholder" | "condition", slugs: string[]) {
  if (slugs.length === 0) return [];
  // Any slug starting with a base may be one of its numbered variants ("france-2").
  const where = { OR: slugs.map((slug) => ({ slug: { startsWith: slug } })) };
  const select = { slug: true } as const;
  const rows =
    table === "source"
      ? await tx.source.findMany({ where, select })
      : table === "stakeholder"
        ? await tx.stakeholder.findMany({ where, select })
        : await tx.condition.findMany({ where, select });
  return rows.map((r) => r.slug);
}

// ---- Saved mappings ----

/** Saves `mapping` under `name`, replacing a mapping saved under the same name. */
export async function saveImportMapping(
  actor: Principal,
  name: string,
  mapping: SavedMapping,
  prisma: PrismaClient = db(),
) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.importMapping.findUnique({ where: { name } });
    const { columns, values, ...settings } = mapping;
    const data = {
      columns: JSON.stringify(columns),
      values: JSON.stringify(values),
      settings: JSON.stringify(settings),
    };
    const saved = before
      ? await tx.importMapping.update({ where: { name }, data: { ...data, version: { increment: 1 } } })
      : await tx.importMapping.create({
          data: { ...data, name, createdById: actor.kind === "user" ? actor.id : null },
        });
    await tx.auditEntry.create({
      data: auditRow(actor, {
        action: before ? "update" : "create",
        entityType: "ImportMapping",
        entityId: saved.id,
        before,
        after: saved,
        version: saved.version,
      }),
    });
    return saved;
  });
}

// ---- Dataset files ----

/** The database already holds pledge data: a dataset only goes into an empty one. */
export class DatasetTargetNotEmptyError extends Error {
  override name = "DatasetTargetNotEmptyError";
}

/**
 * Inserts a whole dataset, rows exactly as exported (ids, versions and timestamps kept), into a
 * database holding no pledge data yet.
 */
export async function importDataset(
  actor: Principal,
  rows: DatasetRows,
  fileName: string,
  onProgress: (done: number, total: number) => void = () => {},
  prisma: PrismaClient = db(),
): Promise<{ rows: Record<DatasetTableName, number>; placeholderAuthors: number }> {
  // A file written before the ledger has no events: its pledges' figures become their creation's.
  if (rows.LedgerEvent.length === 0) {
    rows.LedgerEvent = rows.Pledge.flatMap((pledge) =>
      creationEvents(pledge, { by: null, at: pledge.createdAt, note: systemNote("asRecordedWithPledge") }),
    ) as DatasetRows["LedgerEvent"];
  }
  const total = datasetTableNames.reduce((sum, table) => sum + rows[table].length, 0);
  return prisma.$transaction(
    async (tx) => {
      const occupied = await Promise.all([
        tx.stakeholder.count(),
        tx.source.count(),
        tx.pledge.count(),
        tx.condition.count(),
      ]);
      if (occupied.some((count) => count > 0)) {
        throw new DatasetTargetNotEmptyError(
          "A dataset file can only be imported into a database with no pledge data yet; this one already has some.",
        );
      }
      // History keeps its authors: one who has no account here gets a placeholder account (no
      // password, so nobody can sign in as it) carrying the name the history shows.
      const users = new Set((await tx.user.findMany({ select: { id: true } })).map((u) => u.id));
      const authors = new Map<string, string>();
      for (const change of [...rows.StatusChange, ...rows.LedgerEvent]) {
        if (change.recordedById && !users.has(change.recordedById)) {
          authors.set(change.recordedById, change.recordedBy ?? "Former user");
        }
      }
      await tx.user.createMany({
        data: [...authors].map(([id, name]) => ({
          id,
          name,
          email: `imported-${id}@pledgewatch.invalid`,
          role: "viewer" as const,
        })),
      });
      let done = 0;
      const counts = {} as Record<DatasetTableName, number>;
      const insertRows = bulkInserter(prisma, tx);
      // Dataset tables are named as the database's tables, and their rows carry every column.
      for (const table of datasetTableNames) {
        const tableRows: object[] = rows[table];
        for (let i = 0; i < tableRows.length; i += datasetBatch) {
          const batch = tableRows.slice(i, i + datasetBatch);
          await insertRows([[table, batch]]);
          done += batch.length;
          onProgress(done, total);
        }
        counts[table] = tableRows.length;
      }
      // Restored rows carry no audit of their own: the change log hears of them here.
      await logUnloggedRecords(tx);
      await tx.auditEntry.create({
        data: auditRow(actor, {
          action: "create",
          entityType: "Dataset",
          entityId: fileName,
          after: counts,
          note: systemNote("importedFrom", { file: fileName }),
        }),
      });
      return { rows: counts, placeholderAuthors: authors.size };
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}
