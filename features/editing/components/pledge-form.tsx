"use client";

import { useActionState } from "react";
import { pledgeFieldWords } from "@/lib/rules/pledge-fields";
import { pledgeTextLimits } from "@/lib/rules/pledge-rules";
import {
  categoryLabels,
  pledgeCategories,
  datePrecisionLabels,
  datePrecisions,
  qualifierLabels,
  quantityQualifiers,
  roleLabels,
  stakeholderRoles,
} from "@/lib/rules/vocabulary";
import { savePledgeAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import { EvidenceFields } from "./evidence-fields";
import {
  formKey,
  FormOutcome,
  InputField,
  optionsOf,
  SelectField,
  SubmitButton,
  TextAreaField,
  valueOf,
  VersionInput,
} from "@/features/forms/components/form-parts";

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

/** The text inputs, in the form's order, with their words from the field table. */
const textFields = (
  [
    "title",
    "quantityUnit",
    "quantityLow",
    "quantityHigh",
    "deliveredQuantity",
    "scope",
    "externalId",
  ] as const
).map((name) => {
  const words: { label: string; hint?: string } = pledgeFieldWords[name];
  return { name, label: words.label, hint: words.hint, required: name === "title" };
});
const label = (field: keyof typeof pledgeFieldWords) => pledgeFieldWords[field].label;

export function PledgeForm({ pledge, options }: { pledge: PledgeFormValues; options: Options }) {
  const [state, action, pending] = useActionState(savePledgeAction, idle);
  const value = (name: string) => valueOf(state, name, pledge.text[name]);
  const error = (name: string) => state.fields?.[name];
  const frame = (name: keyof typeof pledgeFieldWords) => ({ name, label: label(name), error: error(name) });
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
            <InputField
              key={field.name}
              {...field}
              error={error(field.name)}
              input={{ defaultValue: value(field.name) }}
            />
          ))}
        <SelectField
          {...frame("category")}
          required
          options={optionsOf(pledgeCategories, categoryLabels)}
          placeholder="Choose…"
          defaultValue={value("category")}
        />
        <SelectField
          {...frame("quantityQualifier")}
          required
          options={optionsOf(quantityQualifiers, qualifierLabels)}
          defaultValue={value("quantityQualifier") || "exact"}
        />
        <InputField
          {...frame("announcedOn")}
          required
          input={{ type: "date", defaultValue: value("announcedOn") }}
        />
        <SelectField
          {...frame("announcedPrecision")}
          required
          options={optionsOf(datePrecisions, datePrecisionLabels)}
          defaultValue={value("announcedPrecision") || "day"}
        />
        <InputField {...frame("dueOn")} input={{ type: "date", defaultValue: value("dueOn") }} />
      </div>
      <TextAreaField
        {...frame("description")}
        defaultValue={value("description")}
        maxLength={pledgeTextLimits.description}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{label("stakeholders")}</legend>
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
        <legend className="text-sm font-medium">{label("conditionIds")}</legend>
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
          <TextAreaField
            name="note"
            label="Note"
            error={error("note")}
            hint="Where the pledge comes from; it opens the pledge's history"
            rows={2}
            defaultValue={value("note")}
            maxLength={pledgeTextLimits.note}
          />
        </>
      )}
      <SubmitButton pending={pending}>{pledge.id ? "Save changes" : "Add pledge"}</SubmitButton>
    </form>
  );
}
