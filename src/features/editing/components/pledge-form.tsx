"use client";

import { useActionState } from "react";
import {
  categoryLabels,
  pledgeCategories,
  qualifierLabels,
  quantityQualifiers,
  roleLabels,
  stakeholderRoles,
} from "@/lib/rules/vocabulary";
import { savePledgeAction } from "../actions";
import { idle } from "../form-state";
import { EvidenceFields } from "./evidence-fields";
import { Field, formKey, FormOutcome, SubmitButton, valueOf, VersionInput } from "./form-parts";

export type PledgeFormValues = {
  id?: string;
  version: number;
  text: Record<string, string>;
  roles: Record<string, string>;
  conditionIds: string[];
};

type Options = {
  stakeholders: { id: string; name: string }[];
  conditions: { id: string; title: string }[];
  sources: { id: string; title: string }[];
};

const textFields = [
  { name: "title", label: "Title", required: true },
  {
    name: "quantityUnit",
    label: "Unit",
    hint: "personnel, EUR, USD, items… Leave empty when no number was stated.",
  },
  { name: "quantityLow", label: "Quantity (lowest)", hint: "e.g. 30,000; a single figure goes here" },
  { name: "quantityHigh", label: "Quantity (highest)", hint: "only for a range" },
  { name: "deliveredQuantity", label: "Delivered so far" },
  { name: "scope", label: "Scope" },
  { name: "externalId", label: "External id", hint: "an identifier from another tracker or spreadsheet" },
] as const;

export function PledgeForm({ pledge, options }: { pledge: PledgeFormValues; options: Options }) {
  const [state, action, pending] = useActionState(savePledgeAction, idle);
  const value = (name: string) => valueOf(state, name, pledge.text[name]);
  const error = (name: string) => state.fields?.[name];
  const checkedConditions = state.values ? [state.values.conditionIds ?? []].flat() : pledge.conditionIds;
  return (
    <form key={formKey(state)} action={action} className="space-y-4" noValidate>
      <FormOutcome state={state} />
      {pledge.id && <input type="hidden" name="id" value={pledge.id} />}
      <VersionInput state={state} version={pledge.version} />
      <div className="grid gap-4 sm:grid-cols-2">
        {/* An existing pledge's deliveries are recorded with their evidence, on their own page. */}
        {textFields
          .filter((field) => !(pledge.id && field.name === "deliveredQuantity"))
          .map((field) => (
            <Field
              key={field.name}
              name={field.name}
              label={field.label}
              error={error(field.name)}
              hint={"hint" in field ? field.hint : undefined}
              required={"required" in field}
            >
              {(props) => (
                <input {...props} name={field.name} defaultValue={value(field.name)} className="field" />
              )}
            </Field>
          ))}
        <Field name="category" label="Category" error={error("category")} required>
          {(props) => (
            <select {...props} name="category" defaultValue={value("category")} className="field">
              <option value="">Choose…</option>
              {pledgeCategories.map((c) => (
                <option key={c} value={c}>
                  {categoryLabels[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="quantityQualifier" label="Qualifier" error={error("quantityQualifier")} required>
          {(props) => (
            <select
              {...props}
              name="quantityQualifier"
              defaultValue={value("quantityQualifier") || "exact"}
              className="field"
            >
              {quantityQualifiers.map((q) => (
                <option key={q} value={q}>
                  {qualifierLabels[q]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="announcedOn" label="Announced on" error={error("announcedOn")} required>
          {(props) => (
            <input
              {...props}
              type="date"
              name="announcedOn"
              defaultValue={value("announcedOn")}
              className="field"
            />
          )}
        </Field>
        <Field name="dueOn" label="Due on" error={error("dueOn")}>
          {(props) => (
            <input {...props} type="date" name="dueOn" defaultValue={value("dueOn")} className="field" />
          )}
        </Field>
      </div>
      <Field name="description" label="Description" error={error("description")}>
        {(props) => (
          <textarea
            {...props}
            name="description"
            rows={3}
            defaultValue={value("description")}
            className="field"
          />
        )}
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Stakeholders and their role</legend>
        {error("stakeholders") && <p className="field-error">{error("stakeholders")}</p>}
        <div className="grid gap-2 sm:grid-cols-2">
          {options.stakeholders.map((s) => (
            <label key={s.id} className="flex items-center justify-between gap-2 text-sm">
              <span>{s.name}</span>
              <select
                name={`role:${s.id}`}
                defaultValue={valueOf(state, `role:${s.id}`, pledge.roles[s.id])}
                className="field w-40"
                aria-label={`Role of ${s.name}`}
              >
                <option value="">not involved</option>
                {stakeholderRoles.map((r) => (
                  <option key={r} value={r}>
                    {roleLabels[r]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Conditions the pledge depends on</legend>
        {error("conditionIds") && <p className="field-error">{error("conditionIds")}</p>}
        {options.conditions.map((c) => (
          <label key={c.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="conditionIds"
              value={c.id}
              defaultChecked={checkedConditions.includes(c.id)}
            />
            {c.title}
          </label>
        ))}
      </fieldset>
      {/* A new pledge cites what it rests on; an edit's evidence goes with its deliveries and statuses. */}
      {!pledge.id && (
        <>
          <EvidenceFields state={state} sources={options.sources} />
          <Field
            name="note"
            label="Note"
            error={error("note")}
            hint="Where the pledge comes from; it opens the pledge's history"
          >
            {(props) => (
              <textarea {...props} name="note" rows={2} defaultValue={value("note")} className="field" />
            )}
          </Field>
        </>
      )}
      <SubmitButton pending={pending}>{pledge.id ? "Save changes" : "Add pledge"}</SubmitButton>
    </form>
  );
}
