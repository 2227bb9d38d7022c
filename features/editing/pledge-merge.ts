import "server-only";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { formatDate, formatDateAt } from "@/lib/format";
import { canonicalValue, mergeFields, type MergeOutcome } from "@/lib/rules/merge";
import { formatAmount } from "@/lib/rules/units";
import { datePrecisions } from "@/lib/rules/vocabulary";
import type { PledgeCategory, QuantityQualifier, StakeholderRole } from "@/lib/rules/vocabulary";
import {
  pledgeFieldWords,
  type PledgeColumns,
  type PledgeFieldName,
  type PledgeLinks,
} from "@/lib/rules/pledge-fields";
import type { FieldNoun } from "@/lib/validation-message";
import { pledgeFormText } from "./pledge-values";

// A pledge save merged field by field with what others saved since the version it started from
// (lib/rules/merge.ts): the fields, their labels, and how a conflict is shown to the person saving.

/** The fields a save merges one by one: every field but the status, which has its own form. */
export type PledgeField = Exclude<PledgeFieldName, "status">;
export const pledgeMergeFields = (Object.keys(pledgeFieldWords) as PledgeFieldName[]).filter(
  (field): field is PledgeField => field !== "status",
);

/** Each field as a message names it (the catalog's `validation.what`): "lowest quantity". */
export const pledgeFieldNouns: Record<PledgeField, FieldNoun> = {
  title: "title",
  description: "description",
  category: "category",
  quantityUnit: "unit",
  quantityLow: "lowest quantity",
  quantityHigh: "highest quantity",
  quantityQualifier: "qualifier",
  deliveredQuantity: "delivered quantity",
  announcedOn: "announcement date",
  announcedPrecision: "precision of the announcement date",
  dueOn: "due date",
  scope: "scope",
  externalId: "external id",
  stakeholders: "stakeholders",
  conditionIds: "conditions",
};

/** A pledge as stored (or as an audit entry recorded it), in the shape the merge compares. */
export type PledgeState = Omit<PledgeColumns, "status"> & PledgeLinks;

/** A stored pledge (with its links) as a PledgeState. */
export function pledgeState(
  record: Omit<PledgeColumns, "status"> & {
    stakeholders: PledgeLinks["stakeholders"];
    conditions: { conditionId: string }[];
  },
): PledgeState {
  const { conditions, stakeholders, ...rest } = record;
  return {
    ...rest,
    stakeholders: stakeholders.map(({ stakeholderId, role }) => ({ stakeholderId, role })),
    conditionIds: conditions.map((c) => c.conditionId),
  };
}

/**
 * The pledge as an audit entry's JSON recorded it after a save: amounts as strings, dates as ISO
 * text; links as the editor (`conditions`) or the import (rows with `conditionId`) wrote them.
 * Null when the JSON is not a pledge snapshot.
 */
export function pledgeStateFromAudit(json: string | null): PledgeState | null {
  if (!json) return null;
  const r = JSON.parse(json) as Record<string, unknown>;
  if (typeof r.title !== "string" || typeof r.announcedOn !== "string") return null;
  const amount = (value: unknown) => (value === null || value === undefined ? null : BigInt(String(value)));
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  const date = (value: unknown) => (typeof value === "string" ? new Date(value) : null);
  const links = Array.isArray(r.stakeholders) ? (r.stakeholders as PledgeLinks["stakeholders"]) : [];
  const conditions = Array.isArray(r.conditions)
    ? (r.conditions as { conditionId: string }[]).map((c) => c.conditionId)
    : Array.isArray(r.conditionIds)
      ? (r.conditionIds as string[])
      : [];
  return {
    title: r.title,
    description: text(r.description),
    category: String(r.category) as PledgeCategory,
    quantityUnit: text(r.quantityUnit),
    quantityLow: amount(r.quantityLow),
    quantityHigh: amount(r.quantityHigh),
    quantityQualifier: String(r.quantityQualifier ?? "exact") as QuantityQualifier,
    deliveredQuantity: amount(r.deliveredQuantity),
    announcedOn: new Date(r.announcedOn),
    announcedPrecision: datePrecisions.find((p) => p === r.announcedPrecision) ?? "day",
    dueOn: date(r.dueOn),
    scope: text(r.scope),
    externalId: text(r.externalId),
    stakeholders: links.map(({ stakeholderId, role }) => ({ stakeholderId, role })),
    conditionIds: conditions,
  };
}

/** The merge view: links as comparable strings. */
function comparable(state: Partial<PledgeState>): Partial<Record<PledgeField, unknown>> {
  const { stakeholders, ...rest } = state;
  return {
    ...rest,
    ...(stakeholders ? { stakeholders: stakeholders.map((s) => `${s.stakeholderId}|${s.role}`) } : {}),
  };
}

export function mergePledge(
  base: PledgeState,
  mine: Partial<PledgeState>,
  theirs: PledgeState,
): MergeOutcome<PledgeField> {
  return mergeFields(
    pledgeMergeFields,
    comparable(base) as Record<PledgeField, unknown>,
    comparable(mine),
    comparable(theirs) as Record<PledgeField, unknown>,
    // A date and its precision: "15 March" from one person and "a month" from the other is neither's.
    [["announcedOn", "announcedPrecision"]],
  );
}

export const sameValue = (a: unknown, b: unknown) => canonicalValue(a) === canonicalValue(b);

export type Names = { stakeholders: Map<string, string>; conditions: Map<string, string> };

/** One field of a pledge as a person reads it, in `locale`: labels, amounts with their unit, dates. */
export function describePledgeField(
  field: PledgeField,
  state: Partial<PledgeState>,
  names: Names,
  locale: Locale = "en",
): string {
  const t = translator(locale);
  const none = t("audit.line.none");
  const unit = state.quantityUnit ?? "";
  const amount = (minor: bigint | null | undefined) =>
    minor === null || minor === undefined ? none : unit ? formatAmount(minor, unit, locale) : String(minor);
  // A code no vocabulary knows (from an older version) is shown as it is.
  const word = (key: string, code: unknown) =>
    t.has(key as "vocabulary.category.force") ? t(key as "vocabulary.category.force") : String(code);
  switch (field) {
    case "quantityLow":
    case "quantityHigh":
    case "deliveredQuantity":
      return amount(state[field]);
    case "announcedOn":
      return state.announcedOn
        ? formatDateAt(state.announcedOn, state.announcedPrecision ?? "day", locale)
        : none;
    case "announcedPrecision":
      return t(`vocabulary.datePrecision.${state.announcedPrecision ?? "day"}`);
    case "dueOn":
      return state.dueOn ? formatDate(state.dueOn, locale) : none;
    case "category":
      return word(`vocabulary.category.${state.category as PledgeCategory}`, state.category);
    case "quantityQualifier":
      return word(
        `vocabulary.qualifier.${state.quantityQualifier as QuantityQualifier}`,
        state.quantityQualifier,
      );
    case "stakeholders":
      return (
        (state.stakeholders ?? [])
          .map(
            (s) =>
              `${names.stakeholders.get(s.stakeholderId) ?? s.stakeholderId} (${word(`vocabulary.role.${s.role as StakeholderRole}`, s.role)})`,
          )
          .sort()
          .join(", ") || none
      );
    case "conditionIds":
      return (
        (state.conditionIds ?? [])
          .map((id) => names.conditions.get(id) ?? id)
          .sort()
          .join(", ") || none
      );
    case "title":
    case "description":
    case "quantityUnit":
    case "scope":
    case "externalId": {
      const value = state[field];
      return value === null || value === undefined || value === "" ? none : String(value);
    }
  }
}

/**
 * The form's inputs holding `fields` of `state`: what "take theirs" puts in the form, and what a form
 * sent back after a conflict holds for the fields only the other person changed.
 */
export function pledgeFormInputs(
  state: PledgeState,
  fields: readonly PledgeField[],
  allStakeholderIds: readonly string[],
): Record<string, string | string[]> {
  const text = pledgeFormText(state);
  const inputs: Record<string, string | string[]> = {};
  for (const field of fields) {
    if (field === "stakeholders") {
      const roles = new Map(state.stakeholders.map((s) => [s.stakeholderId, s.role]));
      for (const id of allStakeholderIds) inputs[`role:${id}`] = roles.get(id) ?? "";
    } else if (field === "conditionIds") {
      inputs.conditionIds = state.conditionIds;
    } else {
      inputs[field] = text[field] ?? "";
    }
  }
  return inputs;
}
