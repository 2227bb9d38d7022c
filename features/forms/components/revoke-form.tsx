"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { idle, type FormState } from "../form-state";
import { formKey, FormOutcome } from "./form-parts";

/** One "Revoke" button for a record by id, asking first: for API tokens and feed tokens alike. */
export function RevokeForm({
  id,
  action: revoke,
  label,
  question,
}: {
  id: string;
  action: (previous: FormState, form: FormData) => Promise<FormState>;
  /** The button's accessible name: what it revokes. */
  label: string;
  /** What revoking does, asked before it is done. */
  question: string;
}) {
  const t = useTranslations("common");
  const [state, action, pending] = useActionState(revoke, idle);
  return (
    <form key={formKey(state)} action={action}>
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit
        pending={pending}
        className="button-danger"
        label={label}
        question={question}
        confirmLabel={t("yesRevoke")}
      >
        {t("revoke")}
      </ConfirmSubmit>
      <FormOutcome state={state} />
    </form>
  );
}
