"use client";

import { useTranslations } from "next-intl";
import { useActionState, useMemo } from "react";
import { saveRecordAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import {
  hintedRecordFields,
  isRecordKind,
  recordFormInput,
  recordKinds,
  type FieldSpec,
  type RecordFieldName,
  type RecordKind,
} from "../record-kinds";
import { fieldErrors } from "@/lib/form-fields";
import { single, type FormValues } from "@/features/forms/form-values";
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
import { FormHelp } from "@/features/forms/components/form-help";
import { RecordChoice } from "@/features/forms/components/record-picker";
import { DayField } from "@/features/forms/components/day-field";

/** The errors the record's schema finds in the form's values, by field. */
function validateRecord(values: FormValues): Record<string, string> {
  const kind = single(values, "recordKind") ?? "";
  if (!isRecordKind(kind)) return {};
  const parsed = recordKinds[kind].schema.safeParse(recordFormInput(kind, values));
  return parsed.success ? {} : fieldErrors(parsed.error);
}

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
  const t = useTranslations("records");
  const words = useTranslations("vocabulary");
  const choose = useTranslations("forms")("choose");
  const hintOf = (name: RecordFieldName) =>
    (hintedRecordFields as readonly string[]).includes(name)
      ? t(`hint.${name as (typeof hintedRecordFields)[number]}`)
      : undefined;
  const stakeholderOptions = useMemo(
    () => stakeholders.map((s) => ({ id: s.id, label: s.name })),
    [stakeholders],
  );
  return (
    <form key={formKey(state)} action={action} className="space-y-4" noValidate>
      <FormHelp state={state} validate={validateRecord} checks={fields.map((field) => field.name)}>
        <FormOutcome state={state} />
        <input type="hidden" name="recordKind" value={kind} />
        {record && <input type="hidden" name="id" value={record.id} />}
        {record && <VersionInput state={state} version={record.version} />}
        {fields.map((field) => {
          const frame = {
            name: field.name,
            label: t(`field.${field.name}`),
            hint: hintOf(field.name),
            required: field.required,
            error: state.fields?.[field.name],
          };
          const value = valueOf(state, field.name, record?.values[field.name]);
          switch (field.type) {
            case "textarea":
              return <TextAreaField key={field.name} {...frame} defaultValue={value} />;
            case "select":
              if (field.options === "stakeholders") {
                return (
                  <RecordChoice
                    key={field.name}
                    {...frame}
                    id={`field-${field.name}`}
                    hint={[hintOf(field.name), field.required ? "" : t("leaveEmpty")]
                      .filter(Boolean)
                      .join(". ")}
                    options={stakeholderOptions}
                    defaultValue={value}
                  />
                );
              }
              const choices = field.options;
              return (
                <SelectField
                  key={field.name}
                  {...frame}
                  options={
                    choices?.values.map((value) => ({
                      value,
                      label: words(`${choices.vocabulary}.${value}` as "qualifier.exact"),
                    })) ?? []
                  }
                  placeholder={field.required ? choose : t("noneOption")}
                  defaultValue={value}
                />
              );
            case "date":
              return <DayField key={field.name} {...frame} defaultValue={value} />;
            case "url":
            case "text":
              return (
                <InputField key={field.name} {...frame} input={{ type: field.type, defaultValue: value }} />
              );
          }
        })}
        <SubmitButton pending={pending}>{submitLabel}</SubmitButton>
      </FormHelp>
    </form>
  );
}
