"use client";

import { useTranslations } from "next-intl";
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

/** A new endpoint: its address, what it is for, and every event or the ones ticked. */
export function EndpointForm({ allowPrivate }: { allowPrivate: boolean }) {
  const t = useTranslations("webhooks");
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
          label={t("address")}
          error={error("url")}
          hint={allowPrivate ? t("addressHintPrivate") : t("addressHint")}
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
          label={t("description")}
          error={error("description")}
          hint={t("descriptionHint")}
          input={{ name: "description", defaultValue: valueOf(state, "description", "") }}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("events")}</legend>
        <Choices
          name="which"
          value={which}
          onChange={setWhich}
          choices={[
            { value: "all", label: t("everyEventChoice") },
            { value: "chosen", label: t("onlyThese") },
          ]}
        />
        {which === "chosen" ? (
          <div className="grid gap-3 sm:grid-cols-3">
            {changeEntities.map((entity) => (
              <fieldset key={entity} className="text-sm">
                <legend className="font-medium">{t("entity", { entity })}</legend>
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
      <SubmitButton pending={pending}>{t("addEndpoint")}</SubmitButton>
    </form>
  );
}

/** Stops sending to an endpoint, or starts again. */
export function EndpointStateForm({ id, enabled }: { id: string; enabled: boolean }) {
  const t = useTranslations("webhooks");
  const [state, action, pending] = useActionState(setEndpointStateAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="enabled" value={enabled ? "no" : "yes"} />
      <button type="submit" className="button-secondary" disabled={pending}>
        {enabled ? t("disable") : t("enable")}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}

export function DeleteEndpointForm({ id, url }: { id: string; url: string }) {
  const t = useTranslations("webhooks");
  const [state, action, pending] = useActionState(deleteEndpointAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit
        pending={pending}
        className="button-danger"
        question={t("removeQuestion", { url })}
        confirmLabel={t("yesRemove")}
      >
        {t("removeEndpoint")}
      </ConfirmSubmit>
      <FormOutcome state={state} />
    </form>
  );
}

/** The admin setting for private, loopback and link-local addresses. */
export function PrivateTargetsForm({ allow }: { allow: boolean }) {
  const t = useTranslations("webhooks");
  const [state, action, pending] = useActionState(setPrivateTargetsAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-2">
      <FormOutcome state={state} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="allow" value="yes" defaultChecked={allow} className="mt-1" />
        <span>{t("allowPrivate")}</span>
      </label>
      <SubmitButton pending={pending}>{t("saveSetting")}</SubmitButton>
    </form>
  );
}
