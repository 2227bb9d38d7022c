// The plain records an analyst manages under /manage: their names, form fields and schemas.
import type { z } from "zod";
import { isoDay } from "@/lib/format";
import { single, type FormValues } from "@/features/forms/form-values";
import { toDecimal } from "@/lib/rules/units";
import { quantityQualifiers, stakeholderKinds } from "@/lib/rules/vocabulary";
import {
  capacitySchema,
  conditionSchema,
  requirementSchema,
  sourceSchema,
  stakeholderSchema,
} from "./schemas";

export const recordKindList = ["condition", "stakeholder", "source", "requirement", "capacity"] as const;
export type RecordKind = (typeof recordKindList)[number];

/** A field of a record's form; its label and hint are the catalog's (`records.field.<name>`, `records.hint.<name>`). */
export type FieldSpec = {
  name: RecordFieldName;
  type: "text" | "textarea" | "select" | "date" | "url";
  required?: boolean;
  /** Fixed choices, each named by the vocabulary's words, or "stakeholders" for the list of stakeholders. */
  options?: { vocabulary: "qualifier" | "stakeholderKind"; values: readonly string[] } | "stakeholders";
};

/** Every field a record form has (the catalog names each). */
export type RecordFieldName =
  | "title"
  | "description"
  | "dependsOnId"
  | "name"
  | "kind"
  | "countryCode"
  | "stance"
  | "primaryContribution"
  | "publisher"
  | "publishedOn"
  | "url"
  | "scope"
  | "unit"
  | "low"
  | "high"
  | "qualifier"
  | "stakeholderId";

/** The fields whose input has a hint under it. */
export const hintedRecordFields = ["unit", "low", "high", "countryCode"] as const satisfies RecordFieldName[];

const figureFields: FieldSpec[] = [
  { name: "title", type: "text", required: true },
  { name: "unit", type: "text", required: true },
  { name: "low", type: "text", required: true },
  { name: "high", type: "text" },
  {
    name: "qualifier",
    type: "select",
    options: { vocabulary: "qualifier", values: quantityQualifiers },
    required: true,
  },
  { name: "stakeholderId", type: "select", options: "stakeholders" },
];

export const recordKinds: Record<RecordKind, { fields: FieldSpec[]; schema: z.ZodObject; entity: string }> = {
  condition: {
    entity: "Condition",
    schema: conditionSchema,
    fields: [
      { name: "title", type: "text", required: true },
      { name: "description", type: "textarea" },
      { name: "dependsOnId", type: "select", options: "stakeholders" },
    ],
  },
  stakeholder: {
    entity: "Stakeholder",
    schema: stakeholderSchema,
    fields: [
      { name: "name", type: "text", required: true },
      {
        name: "kind",
        type: "select",
        required: true,
        options: { vocabulary: "stakeholderKind", values: stakeholderKinds },
      },
      { name: "countryCode", type: "text" },
      { name: "stance", type: "textarea" },
      { name: "primaryContribution", type: "textarea" },
      { name: "description", type: "textarea" },
    ],
  },
  source: {
    entity: "Source",
    schema: sourceSchema,
    fields: [
      { name: "title", type: "text", required: true },
      { name: "publisher", type: "text" },
      { name: "publishedOn", type: "date" },
      { name: "url", type: "url" },
      { name: "description", type: "textarea" },
    ],
  },
  requirement: {
    entity: "Requirement",
    schema: requirementSchema,
    fields: [...figureFields, { name: "scope", type: "text" }, { name: "description", type: "textarea" }],
  },
  capacity: {
    entity: "CapacityReference",
    schema: capacitySchema,
    fields: figureFields,
  },
};

export function isRecordKind(value: string): value is RecordKind {
  return (recordKindList as readonly string[]).includes(value);
}

/** A stored record as form text: amounts in major units of their unit, dates as YYYY-MM-DD. */
export function recordFormDefaults(
  kind: RecordKind,
  stored: Record<string, unknown>,
): Record<string, string> {
  const unit = typeof stored.unit === "string" ? stored.unit : "";
  return Object.fromEntries(
    recordKinds[kind].fields.map(({ name }) => {
      const value = stored[name];
      if (typeof value === "bigint") return [name, toDecimal(value, unit)];
      if (value instanceof Date) return [name, isoDay(value)];
      return [name, value == null ? "" : String(value)];
    }),
  );
}

/** A record form's values as its schema reads them (the server's action and the form's own checks). */
export function recordFormInput(kind: RecordKind, values: FormValues): Record<string, string> {
  return Object.fromEntries(recordKinds[kind].fields.map(({ name }) => [name, single(values, name) ?? ""]));
}

/** A Records list's columns besides the name: what its detail is, and what its "uses" count (`records.column.*`). */
export const recordListColumns = {
  condition: { detail: "status", uses: "pledges" },
  stakeholder: { detail: "kind", uses: "pledges" },
  source: { detail: "publisher", uses: "citations" },
  requirement: { detail: "unit", uses: "citations" },
  capacity: { detail: "unit", uses: "citations" },
} as const satisfies Record<RecordKind, { detail: string; uses: string }>;
