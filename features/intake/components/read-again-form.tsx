"use client";

import { useActionState } from "react";
import { FormOutcome } from "@/features/forms/components/form-parts";
import { idle } from "@/features/forms/form-state";
import { readAgainAction } from "../actions";

/** Reads the stored text again: with the rules (after they improved), or with the configured model. */
export function ReadAgainForm({ sourceId, model }: { sourceId: string; model: string | null }) {
  const [state, action, pending] = useActionState(readAgainAction, idle);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="sourceId" value={sourceId} />
      <FormOutcome state={state} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" name="extractor" value="rules" className="button-secondary" disabled={pending}>
          Read again with the rules
        </button>
        {model && (
          <button
            type="submit"
            name="extractor"
            value="model"
            className="button-secondary"
            disabled={pending}
          >
            {pending ? "Reading…" : `Ask the model ${model} too`}
          </button>
        )}
      </div>
      <p className="note">What you decided stays decided: a new reading never suggests it again.</p>
    </form>
  );
}
