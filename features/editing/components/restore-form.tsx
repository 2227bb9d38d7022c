"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { restorePledgeAction } from "../actions";
import { idle } from "@/features/forms/form-state";
import { FormOutcome } from "@/features/forms/components/form-parts";

/** Restores a deleted pledge at the version shown. */
export function RestoreForm({ id, version, title }: { id: string; version: number; title: string }) {
  const [state, action, pending] = useActionState(restorePledgeAction, idle);
  const t = useTranslations("editing");
  return (
    <form action={action} className="space-y-1">
      <FormOutcome state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button
        type="submit"
        className="rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100"
        disabled={pending}
        aria-label={t("restoreOf", { title })}
      >
        {t("restore")}
      </button>
    </form>
  );
}
