"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  formKey,
  FormOutcome,
  InputField,
  SubmitButton,
  valueOf,
} from "@/features/forms/components/form-parts";
import { idle } from "@/features/forms/form-state";
import { RevokeForm } from "@/features/forms/components/revoke-form";
import { ShownOnce } from "@/components/ui/shown-once";
import {
  changeOwnNameAction,
  changeOwnPasswordAction,
  createFeedTokenAction,
  revokeFeedTokenAction,
} from "../actions";

export function OwnNameForm({ name }: { name: string }) {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(changeOwnNameAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <InputField
        name="own-name"
        label={t("name")}
        error={state.fields?.name}
        hint={t("nameHint")}
        required
        input={{ name: "name", defaultValue: valueOf(state, "name", name), maxLength: 100 }}
      />
      <SubmitButton pending={pending}>{t("saveName")}</SubmitButton>
    </form>
  );
}

export function OwnPasswordForm() {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(changeOwnPasswordAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <InputField
        name="current-password"
        label={t("currentPassword")}
        error={state.fields?.currentPassword}
        required
        input={{ type: "password", name: "currentPassword", autoComplete: "current-password" }}
      />
      <InputField
        name="new-password"
        label={t("newPassword")}
        error={state.fields?.newPassword}
        hint={t("newPasswordHint")}
        required
        input={{ type: "password", name: "newPassword", autoComplete: "new-password" }}
      />
      <SubmitButton pending={pending}>{t("changePassword")}</SubmitButton>
    </form>
  );
}

/** Makes a personal feed address, shown once. */
export function FeedTokenForm() {
  const t = useTranslations("account");
  const [state, action, pending] = useActionState(createFeedTokenAction, idle);
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormOutcome state={state} />
      <ShownOnce secret={state.secret} label={t("feedAddress")} testId="feed-address" />
      <SubmitButton pending={pending}>{t("makeFeed")}</SubmitButton>
    </form>
  );
}

export function RevokeFeedTokenForm({ id, prefix }: { id: string; prefix: string }) {
  const t = useTranslations("account");
  return (
    <RevokeForm
      id={id}
      action={revokeFeedTokenAction}
      label={t("revokeLabel", { prefix })}
      question={t("revokeQuestion", { prefix })}
    />
  );
}
