"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { deletePledgeAction, deleteRecordAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import { FormOutcome } from "@/features/forms/components/form-parts";
import { useHydrated } from "@/features/forms/use-hydrated";

/** The "Delete" section of an edit page: deletes the record at the version shown, after the browser's confirmation. */
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
  // Pressed before the page is interactive, the form would be sent without its confirmation.
  const ready = useHydrated();
  return (
    <section aria-labelledby="delete-heading" className="space-y-2 border-t border-slate-200 pt-4">
      <h2 id="delete-heading" className="text-lg font-semibold">
        {t("delete")}
      </h2>
      <form
        action={action}
        className="space-y-2"
        onSubmit={(event) => {
          if (!window.confirm(t("confirmDelete", { label, explanation }))) event.preventDefault();
        }}
      >
        <FormOutcome state={state} />
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        {target !== "pledge" && <input type="hidden" name="recordKind" value={target.kind} />}
        <p className="note">{explanation}</p>
        <button type="submit" className="button-danger" disabled={pending || !ready}>
          {label}
        </button>
      </form>
    </section>
  );
}
