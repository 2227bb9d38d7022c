import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { readRows } from "@/server/bulk-read";
import {
  pledgesAt,
  selectsEveryPledge,
  eventWithin,
  viewBound,
  type PledgeSelection,
} from "@/features/pledges/selection-sql";
import type { ViewTime } from "@/lib/view-time";
import type { ReportSelection, ViewNames } from "@/lib/rules/report-view";

// What the exports stream (the status history and the whole dataset, in batches) and the names their views use.

interface HistoryRow {
  id: string;
  occurredAt: string | Date;
  fromStatus: string | null;
  toStatus: string | null;
  note: string;
  recordedBy: string | null;
  /** Whose status changed. */
  subject: "pledge" | "condition";
  pledgeTitle: string | null;
  conditionTitle: string | null;
}

// A status change's columns, for the history and for "what changed since": its statuses as text
// (two enum types in PostgreSQL), whose they are, and the pledge's or condition's title.
const changeColumns = Prisma.sql`sc."id", sc."occurredAt",
  COALESCE(CAST(sc."fromPledgeStatus" AS TEXT), CAST(sc."fromConditionStatus" AS TEXT)) AS "fromStatus",
  COALESCE(CAST(sc."toPledgeStatus" AS TEXT), CAST(sc."toConditionStatus" AS TEXT)) AS "toStatus",
  CASE WHEN sc."pledgeId" IS NULL THEN 'condition' ELSE 'pledge' END AS subject,
  sc."note", sc."recordedBy", p."title" AS "pledgeTitle", c."title" AS "conditionTitle"`;

/** A status change as the exports write it, with the ids of the sources it cites. */
export type StatusChangeRecord = Omit<HistoryRow, "occurredAt"> & { occurredAt: Date; sourceIds: string[] };

/**
 * Status changes up to the as-of date in batches (there can be hundreds of thousands): one joined
 * query per batch, keyset-paged on the id, in the order they were recorded. (Not by timestamp:
 * writers have stored timestamps in more than one ISO form, so a keyset on them would not be exact.)
 */
export async function* streamStatusHistory(
  time: ViewTime,
  selection: PledgeSelection,
  batchSize = 5000,
): AsyncGenerator<StatusChangeRecord[]> {
  const bound = viewBound(time);
  // A filtered report keeps the history of its own pledges (and every condition's).
  const selected = selectsEveryPledge(selection)
    ? Prisma.sql`1 = 1`
    : Prisma.sql`(sc."pledgeId" IS NULL OR sc."pledgeId" IN (
        WITH ${pledgesAt(bound, selection)} SELECT pl."id" FROM pl))`;
  // Straight from the connection (readRows): at 100,000 changes, Prisma's raw path spends a third
  // of the report's reading time making objects of the rows.
  for (let after = ""; ;) {
    const rows = await readRows<HistoryRow>(
      db(),
      Prisma.sql`
      SELECT ${changeColumns}
      FROM "StatusChange" sc
      LEFT JOIN "Pledge" p ON p."id" = sc."pledgeId"
      LEFT JOIN "Condition" c ON c."id" = sc."conditionId"
      WHERE sc."id" > ${after} AND ${eventWithin(bound, Prisma.sql`sc."occurredAt"`, Prisma.sql`sc."createdAt"`)} AND ${selected}
      ORDER BY sc."id"
      LIMIT ${batchSize}`,
    );
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!.id;
    // The batch's citations in one range read of their index (ids in the batch's range, some of
    // them changes the view leaves out), rather than a lookup per change.
    const cited = await readRows<{ statusChangeId: string; sourceId: string }>(
      db(),
      Prisma.sql`
      SELECT "statusChangeId", "sourceId" FROM "Citation"
      WHERE "statusChangeId" > ${after} AND "statusChangeId" <= ${last}
      ORDER BY "sourceId"`,
    );
    const sources = new Map<string, Set<string>>();
    for (const { statusChangeId, sourceId } of cited) {
      const ids = sources.get(statusChangeId) ?? new Set<string>();
      sources.set(statusChangeId, ids.add(sourceId));
    }
    yield rows.map((row) => ({
      ...row,
      occurredAt: new Date(row.occurredAt),
      sourceIds: [...(sources.get(row.id) ?? [])],
    }));
    after = last;
    if (rows.length < batchSize) return;
  }
}

type Page = { skip: number; take: number };
type Client = ReturnType<typeof db>;

// Every table the dataset is made of, in an order that satisfies foreign keys when re-imported, each
// read in a stable order (its key) so that two exports of the same data are identical.
const datasetTables = {
  Stakeholder: (page: Page, client: Client) =>
    client.stakeholder.findMany({ ...page, orderBy: { id: "asc" } }),
  CoalitionMember: (page: Page, client: Client) =>
    client.coalitionMember.findMany({ ...page, orderBy: [{ coalitionId: "asc" }, { memberId: "asc" }] }),
  Source: (page: Page, client: Client) => client.source.findMany({ ...page, orderBy: { id: "asc" } }),
  Condition: (page: Page, client: Client) => client.condition.findMany({ ...page, orderBy: { id: "asc" } }),
  // Without the keys that triggers derive from the other tables again on import.
  Pledge: (page: Page, client: Client) =>
    client.pledge.findMany({
      ...page,
      omit: { lastChangeAt: true, firstStakeholderKey: true, blockedBy: true, ledBy: true },
      orderBy: { id: "asc" },
    }),
  PledgeStakeholder: (page: Page, client: Client) =>
    client.pledgeStakeholder.findMany({
      ...page,
      orderBy: [{ pledgeId: "asc" }, { stakeholderId: "asc" }, { role: "asc" }],
    }),
  PledgeCondition: (page: Page, client: Client) =>
    client.pledgeCondition.findMany({ ...page, orderBy: [{ pledgeId: "asc" }, { conditionId: "asc" }] }),
  Requirement: (page: Page, client: Client) =>
    client.requirement.findMany({ ...page, orderBy: { id: "asc" } }),
  CapacityReference: (page: Page, client: Client) =>
    client.capacityReference.findMany({ ...page, orderBy: { id: "asc" } }),
  StatusChange: (page: Page, client: Client) =>
    client.statusChange.findMany({ ...page, orderBy: { id: "asc" } }),
  LedgerEvent: (page: Page, client: Client) =>
    client.ledgerEvent.findMany({ ...page, orderBy: { id: "asc" } }),
  Citation: (page: Page, client: Client) => client.citation.findMany({ ...page, orderBy: { id: "asc" } }),
};

export type DatasetTable = keyof typeof datasetTables;

/** The whole dataset as stored, table by table in batches: enough to rebuild it. */
export async function* streamDatasetRows(batchSize = 2000, client: Client = db()) {
  for (const [table, read] of Object.entries(datasetTables) as [
    DatasetTable,
    (page: Page, client: Client) => Promise<object[]>,
  ][]) {
    for (let skip = 0; ; skip += batchSize) {
      const rows = await read({ skip, take: batchSize }, client);
      yield { table, rows };
      if (rows.length < batchSize) break;
    }
  }
}

/** The names of the stakeholders and conditions a view names by slug (filters and scenario). */
export async function loadViewNames(selection: ReportSelection): Promise<ViewNames> {
  const conditionSlugs = [...new Set([...selection.condition, ...selection.assume])];
  const [stakeholders, conditions] = await db().$transaction([
    db().stakeholder.findMany({
      where: { slug: { in: [...selection.stakeholder] } },
      select: { slug: true, name: true },
    }),
    db().condition.findMany({ where: { slug: { in: conditionSlugs } }, select: { slug: true, title: true } }),
  ]);
  return {
    stakeholders: new Map(stakeholders.map((s) => [s.slug, s.name])),
    conditions: new Map(conditions.map((c) => [c.slug, c.title])),
  };
}
