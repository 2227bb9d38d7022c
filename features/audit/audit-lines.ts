// An audit entry as a person reads it: the record's title rather than its id, and each field that
// changed in its label with its value before and after, in words. Plain functions, unit-tested.
import {
  describePledgeField,
  pledgeMergeFields,
  pledgeStateFromAudit,
  sameValue,
  type Names,
} from "@/features/editing";
import type { Locale } from "@/i18n/locales";
import { translator, wordedIn } from "@/i18n/translate";
import { formatDate } from "@/lib/format";
import { changedFields } from "./changed-fields";
import { noteIn } from "@/i18n/system-notes";

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
  /** In words ("Edited", "Змінено"). */
  action: string;
  /** Whether the entry deleted the record: its page is gone then. */
  deleted: boolean;
  entityType: string;
  entityId: string;
  title: string;
  changes: FieldChange[];
  note: string | null;
}

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

/** How an audit line says things in `locale`: its actions, a status, "none", a field's label. */
function auditWords(locale: Locale) {
  const t = translator(locale);
  const known = (key: string) => t.has(key as "audit.line.none");
  const say = (key: string) => t(key as "audit.line.none");
  return {
    none: t("audit.line.none"),
    status: t("audit.line.status"),
    action: (action: string) =>
      known(`audit.line.action.${action}`) ? say(`audit.line.action.${action}`) : action,
    statusOf: (value: unknown) =>
      typeof value !== "string"
        ? t("audit.line.none")
        : known(`vocabulary.pledgeStatus.${value}`)
          ? say(`vocabulary.pledgeStatus.${value}`)
          : known(`vocabulary.conditionStatus.${value}`)
            ? say(`vocabulary.conditionStatus.${value}`)
            : value,
    pledgeField: (field: string) => say(`pledgeField.${field}.label`),
    knownPledgeField: (field: string) => known(`pledgeField.${field}.label`),
    recordField: (field: string) => (known(`records.field.${field}`) ? say(`records.field.${field}`) : null),
  };
}
type AuditWords = ReturnType<typeof auditWords>;

function pledgeChanges(
  entry: StoredAuditEntry,
  names: Names,
  words: AuditWords,
  locale: Locale,
): FieldChange[] {
  const before = pledgeStateFromAudit(entry.before);
  const after = pledgeStateFromAudit(entry.after);
  if (!after && !before) return [];
  const changes: FieldChange[] = [];
  for (const field of pledgeMergeFields) {
    const from = before ? describePledgeField(field, before, names, locale) : words.none;
    const to = after ? describePledgeField(field, after, names, locale) : words.none;
    const differs = before && after ? !sameValue(before[field], after[field]) : from !== to;
    if (differs && !(entry.action === "delete" || entry.action === "restore")) {
      changes.push({ label: words.pledgeField(field), before: from, after: to });
    }
  }
  const status = [snapshot(entry.before)?.status, snapshot(entry.after)?.status];
  if (entry.action !== "delete" && entry.action !== "restore" && status[0] !== status[1]) {
    changes.push({
      label: words.status,
      before: words.statusOf(status[0]),
      after: words.statusOf(status[1]),
    });
  }
  return changes;
}

/** "dependsOnId" → "Depends on id": a readable name for a column no form labels. */
const humanised = (key: string) => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function valueWords(key: string, value: unknown, words: AuditWords, locale: Locale): string {
  if (value === null || value === undefined || value === "") return words.none;
  if (key === "status") return words.statusOf(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value))
    return formatDate(new Date(value), locale);
  // A value may be a catalog reference (the reason a webhook was stopped): worded for the reader.
  return typeof value === "object" ? JSON.stringify(value) : wordedIn(locale, String(value));
}

function recordChanges(entry: StoredAuditEntry, words: AuditWords, locale: Locale): FieldChange[] {
  if (entry.action === "delete" || entry.action === "restore") return [];
  const before = snapshot(entry.before) ?? {};
  const after = snapshot(entry.after) ?? {};
  // In the record's own order, as its form shows the fields.
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => !ignored.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => ({
      // The Records forms' label where a form has the field, else its name made readable.
      label: words.recordField(key) ?? humanised(key),
      before: valueWords(key, before[key], words, locale),
      after: valueWords(key, after[key], words, locale),
    }));
}

/**
 * One audit entry in words, in `locale` (the CSV's in English); `names` turns the pledge's
 * stakeholder and condition ids into names.
 */
export function auditLine(entry: StoredAuditEntry, names: Names, locale: Locale = "en"): AuditLine {
  const words = auditWords(locale);
  return {
    id: entry.id,
    at: entry.occurredAt,
    actor: entry.actorLabel,
    action: words.action(entry.action),
    deleted: entry.action === "delete",
    entityType: entry.entityType,
    entityId: entry.entityId,
    title: titleOf(snapshot(entry.before), snapshot(entry.after), entry.entityId),
    changes:
      entry.entityType === "Pledge"
        ? pledgeChanges(entry, names, words, locale)
        : recordChanges(entry, words, locale),
    note: entry.note && noteIn(entry.note, locale, "audit"),
  };
}

/**
 * What an audit entry did, as the conflict message tells the person whose save it met, in `locale`:
 * its action and the labels of the fields it changed (the pledge form's, the Records forms').
 */
export function changeInWords(
  entry: Pick<StoredAuditEntry, "entityType" | "action" | "before" | "after">,
  locale: Locale,
): { action: string; fields: string[] } {
  const words = auditWords(locale);
  const label = (field: string) =>
    entry.entityType === "Pledge" && words.knownPledgeField(field)
      ? words.pledgeField(field)
      : (words.recordField(field) ?? humanised(field));
  const fields = changedFields(snapshot(entry.before) ?? {}, snapshot(entry.after) ?? {}).filter(
    (field) => !ignored.has(field),
  );
  return { action: words.action(entry.action), fields: fields.map(label) };
}
