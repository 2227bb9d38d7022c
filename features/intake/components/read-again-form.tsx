"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormOutcome } from "@/features/forms/components/form-parts";
import { idle } from "@/features/forms/form-state";
import { readAgainAction } from "../actions";

/** Reads the stored text again: with the rules (after they improved), or with the configured model. */
export function ReadAgainForm({ sourceId, model }: { sourceId: string; model: string | null }) {
  const t = useTranslations("intake.readAgain");
  const [state, action, pending] = useActionState(readAgainAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="sourceId" value={sourceId} />
      <FormOutcome state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="extractor" value="rules" className="button-secondary" disabled={pending}>
          {t("rules")}
        </button>
        {model && (
          <button
            type="submit"
            name="extractor"
            value="model"
            className="button-secondary"
            disabled={pending}
          >
            {pending ? t("reading") : t("model", { model })}
          </button>
        )}
      </div>
      <p className="note">{t("note")}</p>
    </form>
  );
}
