"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import {
  formKey,
  FormOutcome,
  InputField,
  SubmitButton,
  TextAreaField,
  valueOf,
} from "@/features/forms/components/form-parts";
import { FormHelp } from "@/features/forms/components/form-help";
import { idle } from "@/features/forms/form-state";
import { publishReleaseAction } from "../actions";

/** Publishes the next release: a title and notes; the files are written while the button waits. */
export function PublishReleaseForm({ next }: { next: number }) {
  const t = useTranslations("releases");
  const [state, action, pending] = useActionState(publishReleaseAction, idle);
  const error = (name: string) => state.fields?.[name];
  return (
    <form key={formKey(state)} action={action} className="space-y-3" noValidate>
      <FormHelp state={state}>
        <FormOutcome state={state} />
        <InputField
          name="release-title"
          label={t("form.title")}
          error={error("title")}
          hint={t("form.titleHint", { number: next })}
          required
          input={{ name: "title", defaultValue: valueOf(state, "title", ""), maxLength: 200 }}
        />
        <TextAreaField
          name="notes"
          label={t("form.notes")}
          error={error("notes")}
          hint={t("form.notesHint")}
          rows={4}
          maxLength={5000}
          defaultValue={valueOf(state, "notes", "")}
        />
        <p className="note">{t("form.slow")}</p>
        <SubmitButton pending={pending}>{t("publish", { number: next })}</SubmitButton>
      </FormHelp>
    </form>
  );
}
