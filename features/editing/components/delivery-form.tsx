"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { recordDeliveryAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import { EventFields, EvidenceFields } from "./evidence-fields";
import {
  Choices,
  formKey,
  FormOutcome,
  InputField,
  SubmitButton,
  valueOf,
  VersionInput,
} from "@/features/forms/components/form-parts";
import { FormHelp } from "@/features/forms/components/form-help";

/** A delivery with its evidence: how much (so far, or this delivery), when, why, and a source. */
export function DeliveryForm({
  id,
  version,
  unit,
  deliveredSoFar,
  sources,
}: {
  id: string;
  version: number;
  unit: string;
  /** What is delivered so far, as the pledge page writes it ("1,200 items"), or null. */
  deliveredSoFar: string | null;
  sources: { id: string; title: string }[];
}) {
  const [state, action, pending] = useActionState(recordDeliveryAction, idle);
  const t = useTranslations("editing");
  const value = (name: string) => valueOf(state, name, undefined);
  const error = (name: string) => state.fields?.[name];
  const [mode, setMode] = useState<"total" | "increment">(
    value("amountMode") === "increment" ? "increment" : "total",
  );
  return (
    <form key={formKey(state)} action={action} className="space-y-4" noValidate>
      <FormHelp state={state}>
        <FormOutcome state={state} />
        <input type="hidden" name="id" value={id} />
        <VersionInput state={state} version={version} />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("amountIs")}</legend>
          <Choices
            name="amountMode"
            value={mode}
            onChange={setMode}
            choices={[
              { value: "total", label: t("totalSoFar") },
              { value: "increment", label: t("thisDelivery", { soFar: deliveredSoFar ?? t("nothingYet") }) },
            ]}
          />
        </fieldset>
        <InputField
          name="deliveredQuantity"
          label={mode === "total" ? t("deliveredTotal", { unit }) : t("deliveredThisTime", { unit })}
          error={error("deliveredQuantity")}
          required
          input={{ inputMode: "decimal", defaultValue: value("deliveredQuantity") }}
        />
        <EventFields
          state={state}
          noteLabel={t("deliveryNote")}
          dateLabel={t("deliveryDate")}
          dateHint={t("deliveryDateHint")}
        />
        <EvidenceFields state={state} sources={sources} />
        <SubmitButton pending={pending}>{t("recordDelivery")}</SubmitButton>
      </FormHelp>
    </form>
  );
}
