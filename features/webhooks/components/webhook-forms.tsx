"use client";

import { useActionState, useState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import {
  Choices,
  formKey,
  FormOutcome,
  InputField,
  SubmitButton,
  valueOf,
} from "@/features/forms/components/form-parts";
import { idle } from "@/features/forms/form-state";
import { changeEntities, webhookEventTypes } from "@/lib/rules/webhooks";
import {
  createEndpointAction,
  deleteEndpointAction,
  setEndpointStateAction,
  setPrivateTargetsAction,
} from "../actions";

const entityLabels: Record<(typeof changeEntities)[number], string> = {
  pledge: "Pledges",
  condition: "Conditions",
  stakeholder: "Stakeholders",
  source: "Sources",
  requirement: "Requirements",
  capacity_reference: "Capacity references",
};

/** A new endpoint: its address, what it is for, and every event or the ones ticked. */
export function EndpointForm({ allowPrivate }: { allowPrivate: boolean }) {
  const [state, action, pending] = useActionState(createEndpointAction, idle);
  const [which, setWhich] = useState<"all" | "chosen">(
    valueOf(state, "which", "all") === "chosen" ? "chosen" : "all",
  );
  const error = (name: string) => state.fields?.[name];
  const chosen = new Set(
    ([] as string[]).concat(state.values?.events ?? []).filter((event) => webhookEventTypes.includes(event)),
  );
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <InputField
          name="endpoint-url"
          label="Address"
          error={error("url")}
          hint={
            allowPrivate
              ? "https://…; plain http:// only to a private address"
              : "https://… on a public address"
          }
          required
          input={{
            type: "url",
            name: "url",
            defaultValue: valueOf(state, "url", ""),
            placeholder: "https://",
          }}
        />
        <InputField
          name="endpoint-description"
          label="Description"
          error={error("description")}
          hint="Who receives it, and why"
          input={{ name: "description", defaultValue: valueOf(state, "description", "") }}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Events</legend>
        <Choices
          name="which"
          value={which}
          onChange={setWhich}
          choices={[
            { value: "all", label: "Every event" },
            { value: "chosen", label: "Only these" },
          ]}
        />
        {which === "chosen" ? (
          <div className="grid gap-3 sm:grid-cols-3">
            {changeEntities.map((entity) => (
              <fieldset key={entity} className="text-sm">
                <legend className="font-medium">{entityLabels[entity]}</legend>
                {webhookEventTypes
                  .filter((type) => type.startsWith(`${entity}.`))
                  .map((type) => (
                    <label key={type} className="flex items-center gap-2">
                      <input type="checkbox" name="events" value={type} defaultChecked={chosen.has(type)} />
                      <code>{type}</code>
                    </label>
                  ))}
              </fieldset>
            ))}
          </div>
        ) : null}
        {error("events") ? <p className="field-error">{error("events")}</p> : null}
      </fieldset>
      <SubmitButton pending={pending}>Add endpoint</SubmitButton>
    </form>
  );
}

/** Stops sending to an endpoint, or starts again. */
export function EndpointStateForm({ id, enabled }: { id: string; enabled: boolean }) {
  const [state, action, pending] = useActionState(setEndpointStateAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={enabled ? "no" : "yes"} />
      <button type="submit" className="button-secondary" disabled={pending}>
        {enabled ? "Disable" : "Enable"}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}

export function DeleteEndpointForm({ id, url }: { id: string; url: string }) {
  const [state, action, pending] = useActionState(deleteEndpointAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit
        pending={pending}
        className="button-danger"
        question={`Remove the endpoint ${url} and its delivery log? Deliveries not yet sent are dropped.`}
        confirmLabel="Yes, remove"
      >
        Remove endpoint
      </ConfirmSubmit>
      <FormOutcome state={state} />
    </form>
  );
}

/** The admin setting for private, loopback and link-local addresses. */
export function PrivateTargetsForm({ allow }: { allow: boolean }) {
  const [state, action, pending] = useActionState(setPrivateTargetsAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-2">
      <FormOutcome state={state} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="allow" value="yes" defaultChecked={allow} className="mt-1" />
        <span>
          Allow endpoints on private, loopback and link-local addresses (10.0.0.0/8, 127.0.0.1,
          169.254.0.0/16, fd00::/8…). Leave off unless a receiver sits on your own network: such an address
          can reach services that were never meant to be called from here.
        </span>
      </label>
      <SubmitButton pending={pending}>Save setting</SubmitButton>
    </form>
  );
}
