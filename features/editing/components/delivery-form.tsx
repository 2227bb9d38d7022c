"use client";

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
          <legend className="text-sm font-medium">The amount you give is</legend>
          <Choices
            name="amountMode"
            value={mode}
            onChange={setMode}
            choices={[
              { value: "total", label: "Delivered so far, in all" },
              { value: "increment", label: `This delivery, added to ${deliveredSoFar ?? "nothing yet"}` },
            ]}
          />
        </fieldset>
        <InputField
          name="deliveredQuantity"
          label={mode === "total" ? `Delivered so far (${unit})` : `Delivered this time (${unit})`}
          error={error("deliveredQuantity")}
          required
          input={{ inputMode: "decimal", defaultValue: value("deliveredQuantity") }}
        />
        <EventFields
          state={state}
          noteLabel="Note: what was delivered"
          dateLabel="Date of the delivery"
          dateHint="The day the source gives; leave empty for today (UTC)."
        />
        <EvidenceFields state={state} sources={sources} />
        <SubmitButton pending={pending}>Record the delivery</SubmitButton>
      </FormHelp>
    </form>
  );
}
