import "server-only";
import type { ChangeAction, ChangeEntity } from "@/lib/rules/webhooks";
import {
  getPledgeJsons,
  listCapacityReferenceRecords,
  listConditionRecords,
  listRequirementRecords,
  listSourceRecords,
  listStakeholderRecords,
  readChangeLog,
  type ChangeCursor,
} from "./queries";
import { cursorText, type ChangeLogEntry } from "./schemas";

// The change log as the API and webhooks tell it: each change with the record as it stands now (or
// null, a tombstone), so that a mirror that applies them in order ends up exact.

type Row = Awaited<ReturnType<typeof readChangeLog>>[number];

/** Each record by id, read once for all the changes that name it. */
async function recordsOf(entity: ChangeEntity, ids: string[]): Promise<Map<string, object>> {
  if (entity === "pledge") return getPledgeJsons(ids);
  const read = {
    condition: listConditionRecords,
    stakeholder: listStakeholderRecords,
    source: listSourceRecords,
    requirement: listRequirementRecords,
    capacity_reference: listCapacityReferenceRecords,
  }[entity];
  const records: { id: string }[] = await read(ids);
  return new Map(records.map((record) => [record.id, record]));
}

/** The entries for these rows of the log, in their order. */
export async function changeLogEntries(rows: readonly Row[]): Promise<ChangeLogEntry[]> {
  const idsBy = new Map<ChangeEntity, Set<string>>();
  for (const row of rows) {
    const entity = row.entity as ChangeEntity;
    idsBy.set(entity, (idsBy.get(entity) ?? new Set()).add(row.entityId));
  }
  const records = new Map(
    await Promise.all(
      [...idsBy].map(async ([entity, ids]) => [entity, await recordsOf(entity, [...ids])] as const),
    ),
  );
  return rows.map((row) => ({
    cursor: cursorText({ version: row.version ?? 0, id: row.id }),
    type: `${row.entity}.${row.action}`,
    entity: row.entity as ChangeEntity,
    id: row.entityId,
    action: row.action as ChangeAction,
    occurredAt: row.occurredAt.toISOString(),
    record: (records.get(row.entity as ChangeEntity)?.get(row.entityId) as Record<string, unknown>) ?? null,
  }));
}

/** A page of the log after `after`: its entries, the cursor to ask with next, and whether more wait. */
export async function readChangeLogPage(after: ChangeCursor, limit: number) {
  const rows = await readChangeLog(after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: await changeLogEntries(page),
    next: cursorText(last ? { version: last.version ?? 0, id: last.id } : after),
    more: rows.length > limit,
  };
}
