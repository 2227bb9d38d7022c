"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useHydrated } from "./use-hydrated";

/**
 * A submit button that asks first: the first press shows what will happen, with "Yes" (the real
 * submit) and "Cancel" (or Escape); focus moves to "Yes", and back to the button on cancel. For changes that
 * are hard to undo (granting admin, revoking a token, deactivating an account).
 */
export function ConfirmSubmit({
  children,
  question,
  confirmLabel,
  pending,
  className = "button-secondary",
  label,
  focusOnMount = false,
}: {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  pending?: boolean;
  className?: string;
  /** An accessible name for the first button, where its text alone is ambiguous in a list. */
  label?: string;
  /** Focus the first button when it appears: the form was remounted after an answer (a refusal). */
  focusOnMount?: boolean;
}) {
  const t = useTranslations("common");
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(focusOnMount);
  // Its press does nothing until the page is interactive: off till then, so a press is never lost.
  const ready = useHydrated();
  const questionId = useId();
  const cancel = () => {
    setReturnFocus(true);
    setAsking(false);
  };
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (returnFocus) start.current?.focus();
  }, [asking, returnFocus]);
  if (!asking) {
    return (
      <button
        ref={start}
        type="button"
        className={className}
        aria-label={label}
        disabled={pending || !ready}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    );
  }
  return (
    <span
      role="group"
      aria-labelledby={questionId}
      className="inline-flex flex-wrap items-center gap-2"
      onKeyDown={(event) => {
        if (event.key === "Escape") cancel();
      }}
    >
      <span id={questionId} className="text-sm">
        {question}
      </span>
      <button ref={yes} type="submit" className="button-danger" disabled={pending}>
        {confirmLabel}
      </button>
      <button type="button" className="button-secondary" onClick={cancel}>
        {t("cancel")}
      </button>
    </span>
  );
}
