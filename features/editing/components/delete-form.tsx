"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deletePledgeAction, deleteRecordAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import { FormOutcome, formKey } from "@/features/forms/components/form-parts";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";

/**
 * The "Delete" section of an edit page: deletes the record at the version shown, once asked in the page.
 * The first press is not a submit, so a press before the page is interactive sends nothing.
 */
export function DeleteSection({
  target,
  id,
  version,
  label,
  explanation,
}: {
  target: "pledge" | { kind: string };
  id: string;
  version: number;
  label: string;
  explanation: string;
}) {
  const t = useTranslations("editing");
  const [state, action, pending] = useActionState(
    target === "pledge" ? deletePledgeAction : deleteRecordAction,
    idle,
  );
  return (
    <section aria-labelledby="delete-heading" className="space-y-2 border-t border-slate-200 pt-4">
      <h2 id="delete-heading" className="text-lg font-semibold">
        {t("delete")}
      </h2>
      {/* Remounted with each answer: a refused delete shows the first button again, not the question. */}
      <form key={formKey(state)} action={action} className="space-y-2">
        <FormOutcome state={state} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        {target !== "pledge" && <input type="hidden" name="recordKind" value={target.kind} />}
        <p className="note">{explanation}</p>
        <ConfirmSubmit
          pending={pending}
          focusOnMount={state !== idle}
          className="button-danger"
          question={t("confirmDelete", { label })}
          confirmLabel={t("yesDelete")}
        >
          {label}
        </ConfirmSubmit>
      </form>
    </section>
  );
}
