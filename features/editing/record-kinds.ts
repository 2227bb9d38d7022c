// The plain records an analyst manages under /manage: their names, form fields and schemas.
import type { z } from "zod";
import { isoDay } from "@/lib/format";
import { single, type FormValues } from "@/features/forms/form-values";
import { toDecimal } from "@/lib/rules/units";
import {
  qualifierLabels,
  quantityQualifiers,
  stakeholderKindLabels,
  stakeholderKinds,
} from "@/lib/rules/vocabulary";
import {
  capacitySchema,
  conditionSchema,
  requirementSchema,
  sourceSchema,
  stakeholderSchema,
} from "./schemas";

export const recordKindList = ["condition", "stakeholder", "source", "requirement", "capacity"] as const;
export type RecordKind = (typeof recordKindList)[number];

export type FieldSpec = {
  name: string;
  label: string;
  type: "text" | "textarea" | "select" | "date" | "url";
  required?: boolean;
  /** Fixed choices, or "stakeholders" for the list of stakeholders. */
  options?: readonly { value: string; label: string }[] | "stakeholders";
  hint?: string;
};

const qualifierOptions = quantityQualifiers.map((value) => ({ value, label: qualifierLabels[value] }));

const figureFields: FieldSpec[] = [
  { name: "title", label: "Title", type: "text", required: true },
  { name: "unit", label: "Unit", type: "text", required: true, hint: "personnel, EUR, USD, items…" },
  { name: "low", label: "Lowest figure", type: "text", required: true, hint: "in the unit, e.g. 50,000" },
  { name: "high", label: "Highest figure", type: "text", hint: "leave empty for a single figure" },
  { name: "qualifier", label: "Qualifier", type: "select", options: qualifierOptions, required: true },
  { name: "stakeholderId", label: "Stated by", type: "select", options: "stakeholders" },
];

export const recordKinds: Record<
  RecordKind,
  { singular: string; plural: string; fields: FieldSpec[]; schema: z.ZodObject; entity: string }
> = {
  condition: {
    singular: "condition",
    plural: "Conditions",
    entity: "Condition",
    schema: conditionSchema,
    fields: [
      { name: "title", label: "Title", type: "text", required: true },
      { name: "description", label: "Description", type: "textarea" },
      { name: "dependsOnId", label: "Depends on", type: "select", options: "stakeholders" },
    ],
  },
  stakeholder: {
    singular: "stakeholder",
    plural: "Stakeholders",
    entity: "Stakeholder",
    schema: stakeholderSchema,
    fields: [
      { name: "name", label: "Name", type: "text", required: true },
      {
        name: "kind",
        label: "Kind",
        type: "select",
        required: true,
        options: stakeholderKinds.map((value) => ({ value, label: stakeholderKindLabels[value] })),
      },
      { name: "countryCode", label: "Country code", type: "text", hint: "two letters, e.g. FR" },
      { name: "stance", label: "Stance", type: "textarea" },
      { name: "primaryContribution", label: "Primary contribution", type: "textarea" },
      { name: "description", label: "Description", type: "textarea" },
    ],
  },
  source: {
    singular: "source",
    plural: "Sources",
    entity: "Source",
    schema: sourceSchema,
    fields: [
      { name: "title", label: "Title", type: "text", required: true },
      { name: "publisher", label: "Publisher", type: "text" },
      { name: "publishedOn", label: "Published on", type: "date" },
      { name: "url", label: "URL", type: "url" },
      { name: "description", label: "Description", type: "textarea" },
    ],
  },
  requirement: {
    singular: "requirement",
    plural: "Requirements",
    entity: "Requirement",
    schema: requirementSchema,
    fields: [
      ...figureFields,
      { name: "scope", label: "Scope", type: "text" },
      { name: "description", label: "Description", type: "textarea" },
    ],
  },
  capacity: {
    singular: "capacity figure",
    plural: "Capacity figures",
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

/** A Records list's columns besides the name: what its detail is, and what its "uses" count. */
export const recordListColumns: Record<RecordKind, { detail: string; uses: string }> = {
  condition: { detail: "Status", uses: "Pledges" },
  stakeholder: { detail: "Kind", uses: "Pledges" },
  source: { detail: "Publisher", uses: "Citations" },
  requirement: { detail: "Unit", uses: "Citations" },
  capacity: { detail: "Unit", uses: "Citations" },
};
