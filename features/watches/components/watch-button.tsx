"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { FormOutcome } from "@/features/forms/components/form-parts";
import { idle } from "@/features/forms/form-state";
import type { WatchSubject } from "../schemas";
import { watchAction } from "../actions";

/**
 * Watch, or stop watching, one subject. One form and one button whichever it does, so that focus
 * stays on the button as it turns into the other.
 */
export function WatchButton({
  subject,
  target,
  watchId,
  what,
  inInbox = false,
}: {
  subject: WatchSubject;
  target: string;
  /** The reader's watch of it, if they watch it. */
  watchId: string | null;
  /** "this pledge", "these filters"… */
  what: string;
  /** In the inbox, where "it reaches your inbox" goes without saying. */
  inInbox?: boolean;
}) {
  const t = useTranslations("watch");
  const [state, action, pending] = useActionState(watchAction, idle);
  // Disabled while saving, the button loses focus: it gets it back, turned, once the answer is in.
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state !== idle) button.current?.focus();
  }, [state]);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" data-testid="watch">
      {watchId ? (
        <input type="hidden" name="id" value={watchId} />
      ) : (
        <>
          <input type="hidden" name="subject" value={subject} />
          <input type="hidden" name="target" value={target} />
        </>
      )}
      <button ref={button} type="submit" className="button-secondary" disabled={pending} aria-busy={pending}>
        {pending ? t("saving") : t(watchId ? "stop" : "watch", { what })}
      </button>
      {watchId && !inInbox && (
        <span className="text-sm text-slate-700">
          {t.rich("watching", {
            what,
            link: (chunks) => (
              <a href="/inbox" className="link">
                {chunks}
              </a>
            ),
          })}
        </span>
      )}
      <FormOutcome state={state} />
    </form>
  );
}
