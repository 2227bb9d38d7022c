// An audit entry as a person reads it: the record's title rather than its id, and each field that
// changed in its label with its value before and after, in words. Plain functions, unit-tested.
import {
  describePledgeField,
  pledgeFieldLabels,
  pledgeMergeFields,
  pledgeStateFromAudit,
  sameValue,
  type Names,
  recordKindList,
  recordKinds,
} from "@/features/editing";
import { translator } from "@/i18n/translate";
import { formatDate } from "@/lib/format";
import {
  conditionStatusLabels,
  pledgeStatusLabels,
  type ConditionStatus,
  type PledgeStatus,
} from "@/lib/rules/vocabulary";

export type { Names };

export interface StoredAuditEntry {
  id: string;
  occurredAt: Date;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  note: string | null;
}

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export interface AuditLine {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  title: string;
  changes: FieldChange[];
  note: string | null;
}

const auditActionLabels: Record<string, string> = {
  create: "Added",
  update: "Edited",
  delete: "Deleted",
  restore: "Restored",
  status: "Status changed",
};

const ignored = new Set(["id", "version", "createdAt", "updatedAt", "deletedAt", "slug"]);

function snapshot(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function titleOf(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  fallback: string,
) {
  for (const record of [after, before]) {
    for (const key of ["title", "name", "label", "fileName"]) {
      if (record && typeof record[key] === "string" && record[key]) return record[key];
    }
  }
  return fallback;
}

const statusWords = (value: unknown) =>
  typeof value === "string"
    ? (pledgeStatusLabels[value as PledgeStatus] ?? conditionStatusLabels[value as ConditionStatus] ?? value)
    : "none";

function pledgeChanges(entry: StoredAuditEntry, names: Names): FieldChange[] {
  const before = pledgeStateFromAudit(entry.before);
  const after = pledgeStateFromAudit(entry.after);
  if (!after && !before) return [];
  const changes: FieldChange[] = [];
  for (const field of pledgeMergeFields) {
    const from = before ? describePledgeField(field, before, names) : "none";
    const to = after ? describePledgeField(field, after, names) : "none";
    const differs = before && after ? !sameValue(before[field], after[field]) : from !== to;
    if (differs && !(entry.action === "delete" || entry.action === "restore")) {
      changes.push({ label: pledgeFieldLabels[field], before: from, after: to });
    }
  }
  const status = [snapshot(entry.before)?.status, snapshot(entry.after)?.status];
  if (entry.action !== "delete" && entry.action !== "restore" && status[0] !== status[1]) {
    changes.push({ label: "Status", before: statusWords(status[0]), after: statusWords(status[1]) });
  }
  return changes;
}

// The audit trail is written in English for now, in the Records forms' words.
const english = translator("en");
const labelsByEntity = new Map(
  recordKindList.map((kind) => [
    recordKinds[kind].entity,
    new Map<string, string>(
      recordKinds[kind].fields.map((field) => [field.name, english(`records.field.${field.name}`)]),
    ),
  ]),
);

/** "dependsOnId" → "Depends on id": a readable name for a column no form labels. */
const humanised = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function valueWords(key: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (key === "status") return statusWords(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDate(new Date(value));
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function recordChanges(entry: StoredAuditEntry): FieldChange[] {
  if (entry.action === "delete" || entry.action === "restore") return [];
  const before = snapshot(entry.before) ?? {};
  const after = snapshot(entry.after) ?? {};
  const labels = labelsByEntity.get(entry.entityType);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => !ignored.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      label: labels?.get(key) ?? humanised(key),
      before: valueWords(key, before[key]),
      after: valueWords(key, after[key]),
    }));
}

/** One audit entry in words; `names` turns the pledge's stakeholder and condition ids into names. */
export function auditLine(entry: StoredAuditEntry, names: Names): AuditLine {
  return {
    id: entry.id,
    at: entry.occurredAt,
    actor: entry.actorLabel,
    action: auditActionLabels[entry.action] ?? entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    title: titleOf(snapshot(entry.before), snapshot(entry.after), entry.entityId),
    changes: entry.entityType === "Pledge" ? pledgeChanges(entry, names) : recordChanges(entry),
    note: entry.note,
  };
}
