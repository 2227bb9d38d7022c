"use client";

import { useActionState } from "react";
import { saveRecordAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import type { FieldSpec, RecordKind } from "../record-kinds";
import {
  Field,
  formKey,
  FormOutcome,
  SubmitButton,
  valueOf,
  VersionInput,
} from "@/features/forms/components/form-parts";

/** Create or edit one plain record; the fields come from `recordKinds`. */
export function RecordForm({
  kind,
  fields,
  record,
  stakeholders,
  submitLabel,
}: {
  kind: RecordKind;
  fields: FieldSpec[];
  record: { id: string; version: number; values: Record<string, string> } | null;
  stakeholders: { id: string; name: string }[];
  submitLabel: string;
}) {
  const [state, action, pending] = useActionState(saveRecordAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-4" noValidate>
      <FormOutcome state={state} />
      <input type="hidden" name="recordKind" value={kind} />
      {record && <input type="hidden" name="id" value={record.id} />}
      {record && <VersionInput state={state} version={record.version} />}
      {fields.map((field) => {
        const value = valueOf(state, field.name, record?.values[field.name]);
        const options =
          field.options === "stakeholders"
            ? stakeholders.map((s) => ({ value: s.id, label: s.name }))
            : (field.options ?? []);
        return (
          <Field
            key={field.name}
            name={field.name}
            label={field.label}
            hint={field.hint}
            required={field.required}
            error={state.fields?.[field.name]}
          >
            {(props) => {
              switch (field.type) {
                case "textarea":
                  return (
                    <textarea {...props} name={field.name} rows={3} defaultValue={value} className="field" />
                  );
                case "select":
                  return (
                    <select {...props} name={field.name} defaultValue={value} className="field">
                      <option value="">{field.required ? "Choose…" : "none"}</option>
                      {options.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  );
                case "date":
                case "url":
                case "text":
                  return (
                    <input
                      {...props}
                      type={field.type}
                      name={field.name}
                      defaultValue={value}
                      className="field"
                    />
                  );
              }
            }}
          </Field>
        );
      })}
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
