"use client";

import { useActionState } from "react";
import { saveRecordAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import type { FieldSpec, RecordKind } from "../record-kinds";
import {
  formKey,
  FormOutcome,
  InputField,
  SelectField,
  SubmitButton,
  TextAreaField,
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
        const frame = {
          name: field.name,
          label: field.label,
          hint: field.hint,
          required: field.required,
          error: state.fields?.[field.name],
        };
        const value = valueOf(state, field.name, record?.values[field.name]);
        switch (field.type) {
          case "textarea":
            return <TextAreaField key={field.name} {...frame} defaultValue={value} />;
          case "select":
            return (
              <SelectField
                key={field.name}
                {...frame}
                options={
                  field.options === "stakeholders"
                    ? stakeholders.map((s) => ({ value: s.id, label: s.name }))
                    : (field.options ?? [])
                }
                placeholder={field.required ? "Choose…" : "none"}
                defaultValue={value}
              />
            );
          case "date":
          case "url":
          case "text":
            return (
              <InputField key={field.name} {...frame} input={{ type: field.type, defaultValue: value }} />
            );
        }
      })}
      <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
    </form>
  );
}
