"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { FormOutcome } from "@/features/forms/components/form-parts";
import { idle } from "@/features/forms/form-state";
import { markInboxReadAction } from "../actions";

/**
 * Moves focus to the inbox's heading when a watch has gone from it (its "Stop watching" button went
 * with it), so that keyboard and screen reader users are not left at the top of the page.
 */
export function FocusWhenGone({ ids, targetId }: { ids: string[]; targetId: string }) {
  const key = ids.join(" ");
  const previous = useRef(key);
  useEffect(() => {
    const now = new Set(key.split(" "));
    if (previous.current.split(" ").some((id) => id && !now.has(id)))
      document.getElementById(targetId)?.focus();
    previous.current = key;
  }, [key, targetId]);
  return null;
}

/** Marks read what the inbox showed: what is recorded after it was shown stays unread. */
export function MarkReadForm({ shownAt }: { shownAt: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(markInboxReadAction, idle);
  // Disabled while saving, the button loses focus: it gets it back once the answer is in.
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state !== idle) button.current?.focus();
  }, [state]);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="shownAt" value={shownAt} />
      <button ref={button} type="submit" className="button-primary" disabled={pending} aria-busy={pending}>
        {pending ? t("watch.saving") : t("inbox.markRead")}
      </button>
      <FormOutcome state={state} />
    </form>
  );
}
