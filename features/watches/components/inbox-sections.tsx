"use client";

import { useActionState } from "react";
import { FormOutcome } from "@/features/forms/components/form-parts";
import { idle } from "@/features/forms/form-state";
import { markInboxReadAction } from "../actions";

/** Marks read what the inbox showed: what is recorded after it was shown stays unread. */
export function MarkReadForm({ shownAt }: { shownAt: string }) {
  const [state, action, pending] = useActionState(markInboxReadAction, idle);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="shownAt" value={shownAt} />
      <button type="submit" className="button-primary" disabled={pending} aria-busy={pending}>
        {pending ? "Saving…" : "Mark all as read"}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
