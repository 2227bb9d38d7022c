"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import type { PledgeFieldName } from "@/lib/rules/pledge-fields";
import { pledgeTextLimits } from "@/lib/rules/pledge-rules";
import { pledgeCategories, datePrecisions, quantityQualifiers } from "@/lib/rules/vocabulary";
import { savePledgeAction } from "../actions";
import { pledgeFormSchema } from "../schemas";
import { pledgeFormInput } from "../pledge-values";
import { fieldErrors } from "@/lib/form-fields";
import type { FormValues } from "@/features/forms/form-values";
import { idle } from "@/features/forms/form-state";
import { EvidenceFields } from "./evidence-fields";
import { ConditionsField } from "./conditions-field";
import { StakeholdersField } from "./stakeholders-field";
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
import { DayField } from "@/features/forms/components/day-field";

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

/** The text inputs, in the form's order. */
const textFields = [
  "title",
  "quantityUnit",
  "quantityLow",
  "quantityHigh",
  "deliveredQuantity",
  "scope",
  "externalId",
] as const;
/** The fields the catalog gives a hint under the input. */
const hinted: ReadonlySet<PledgeFieldName> = new Set([
  "quantityUnit",
  "quantityLow",
  "quantityHigh",
  "announcedPrecision",
  "externalId",
]);

/** The fields checked as they are left: the pledge's own, whose names are the schema's keys. */
const checkedFields = [
  ...textFields,
  "category",
  "quantityQualifier",
  "announcedOn",
  "announcedPrecision",
  "dueOn",
  "description",
];

/** A field's error as the server's schema would find it: the pledge's own fields, not its evidence. */
function validatePledge(values: FormValues): Record<string, string> {
  const parsed = pledgeFormSchema.safeParse(pledgeFormInput(values));
  return parsed.success ? {} : fieldErrors(parsed.error);
}

export function PledgeForm({ pledge, options }: { pledge: PledgeFormValues; options: Options }) {
  const [state, action, pending] = useActionState(savePledgeAction, idle);
  const t = useTranslations("editing");
  const fieldWords = useTranslations("pledgeField");
  const words = useTranslations("vocabulary");
  const choose = useTranslations("forms")("choose");
  const locale = useLocale();
  const value = (name: string) => valueOf(state, name, pledge.text[name]);
  const error = (name: string) => state.fields?.[name];
  const label = (name: PledgeFieldName) => fieldWords(`${name}.label`);
  const frame = (name: PledgeFieldName) => ({
    name,
    label: label(name),
    error: error(name),
    ...(hinted.has(name) && { hint: fieldWords(`${name}.hint` as `quantityUnit.hint`) }),
  });
  // Above the form, which remounts with each answer: a stakeholder created inline stays known after
  // a refused save (the page's options were read before it existed).
  const [stakeholderOptions, setStakeholderOptions] = useState(() =>
    options.stakeholders.map((s) => ({ id: s.id, label: s.name })),
  );
  const conditionOptions = useMemo(
    () => options.conditions.map((c) => ({ id: c.id, label: c.title })),
    [options.conditions],
  );
  return (
    <form key={formKey(state)} action={action} className="space-y-4" noValidate>
      <FormHelp state={state} validate={validatePledge} checks={checkedFields}>
        <FormOutcome state={state} />
        {pledge.id && <input type="hidden" name="id" value={pledge.id} />}
        <VersionInput state={state} version={pledge.version} />
        <div className="grid gap-4 sm:grid-cols-2">
          {/* An existing pledge's deliveries are recorded with their evidence, on their own page. */}
          {textFields
            .filter((name) => !(pledge.id && name === "deliveredQuantity"))
            .map((name) => (
              <InputField
                key={name}
                {...frame(name)}
                required={name === "title"}
                input={{ defaultValue: value(name) }}
              />
            ))}
          <SelectField
            {...frame("category")}
            required
            options={pledgeCategories.map((c) => ({ value: c, label: words(`category.${c}`) }))}
            placeholder={choose}
            defaultValue={value("category")}
          />
          <SelectField
            {...frame("quantityQualifier")}
            required
            options={quantityQualifiers.map((q) => ({ value: q, label: words(`qualifier.${q}`) }))}
            defaultValue={value("quantityQualifier") || "exact"}
          />
          <DayField {...frame("announcedOn")} required defaultValue={value("announcedOn")} />
          <SelectField
            {...frame("announcedPrecision")}
            required
            options={datePrecisions.map((p) => ({ value: p, label: words(`datePrecision.${p}`) }))}
            defaultValue={value("announcedPrecision") || "day"}
          />
          <DayField {...frame("dueOn")} defaultValue={value("dueOn")} />
        </div>
        <TextAreaField
          {...frame("description")}
          defaultValue={value("description")}
          maxLength={pledgeTextLimits.description}
        />
        <StakeholdersField
          state={state}
          stored={pledge.roles}
          options={stakeholderOptions}
          onCreated={(created) =>
            setStakeholderOptions((current) =>
              [...current, created].sort((a, b) => a.label.localeCompare(b.label, locale)),
            )
          }
          label={label("stakeholders")}
          error={error("stakeholders")}
        />
        <ConditionsField
          state={state}
          stored={pledge.conditionIds}
          options={conditionOptions}
          label={label("conditionIds")}
          error={error("conditionIds")}
        />
        {/* A new pledge cites what it rests on; an edit's evidence goes with its deliveries and statuses. */}
        {!pledge.id && (
          <>
            <EvidenceFields state={state} sources={options.sources} />
            <TextAreaField
              name="note"
              label={t("note")}
              error={error("note")}
              hint={t("noteHint")}
              rows={2}
              defaultValue={value("note")}
              maxLength={pledgeTextLimits.note}
            />
          </>
        )}
        <SubmitButton pending={pending}>{pledge.id ? t("saveChanges") : t("addPledge")}</SubmitButton>
      </FormHelp>
    </form>
  );
}
