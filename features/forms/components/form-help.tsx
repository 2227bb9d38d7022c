"use client";

import { useMessages, useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { FormState } from "@/features/forms/form-state";
import { formValues, single, type FormValues } from "@/features/forms/form-values";
import { useValidationWording } from "@/i18n/use-wording";
import { worded } from "@/lib/validation-message";

/** Errors found in the browser as one leaves a field, by field name; "" means checked and fine. */
const LiveErrors = createContext<Record<string, string>>({});

/**
 * The error a field shows: the one found as the person left it (worded by FormHelp), else the
 * server's answer to the last submission (worded by the server).
 */
export function useFieldError(name: string, serverError: string | undefined): string | undefined {
  const live = useContext(LiveErrors)[name];
  return live === undefined ? serverError : live || undefined;
}

/**
 * What a long form does for the person filling it, around its fields:
 * - each field is checked as it is left, with `validate` (the server's own schema), and its error
 *   shown at once; a fixed field's error goes as it is retyped;
 * - after a refused submission, focus moves to the first field in error;
 * - leaving with changes not saved (a link, reload, closing the tab) asks first;
 * - a submission with a date typed halfway stops there rather than send no date.
 */
export function FormHelp({
  state,
  validate,
  checks = [],
  children,
}: {
  state: FormState;
  /** Errors by field name for the form's values, as the server's schema finds them. */
  validate?: (values: FormValues) => Record<string, string>;
  /** The fields `validate` judges; the others keep the server's word until the next submission. */
  checks?: readonly string[];
  children: ReactNode;
}) {
  const leaveQuestion = useTranslations("forms")("leaveQuestion");
  // The live checks' messages are the server schema's references, worded here: a page whose form
  // checks as it goes must hand it the "validation" namespace, or every error would read as code.
  const messages = useMessages();
  if (validate && !("validation" in messages)) {
    throw new Error(
      'FormHelp checks fields live, but its page hands it no "validation" messages (ClientMessages)',
    );
  }
  const word = useValidationWording();
  const anchor = useRef<HTMLSpanElement>(null);
  const [live, setLive] = useState<Record<string, string>>({});
  // Unsaved work: the form differs from what it opened with, or it was sent and refused (it is
  // still not saved). Compared as a whole, so that every kind of field counts (dates, pickers).
  const refused = useRef(state.status === "error" && Boolean(state.values));
  const checked = useRef(new Set(checks));
  const touched = useRef(new Set<string>());

  useEffect(() => {
    const form = anchor.current?.closest("form");
    if (!form) return;
    const snapshot = () => JSON.stringify(formValues(new FormData(form)));
    const opened = snapshot();
    const openedValues = formValues(new FormData(form));
    // A date typed halfway sends nothing yet, but it is typed all the same.
    const dirty = () =>
      refused.current || snapshot() !== opened || form.querySelector("[data-incomplete-day]") !== null;
    let leaving = false;
    const fieldName = (target: EventTarget | null) =>
      target instanceof Element
        ? (target.getAttribute("name") ??
          target.closest("[data-field-name]")?.getAttribute("data-field-name"))
        : null;
    const check = (name: string) => {
      if (!validate || !checked.current.has(name)) return;
      const values = formValues(new FormData(form));
      const error = validate(values)[name];
      setLive((current) => {
        const next = { ...current };
        // Unchanged since the server answered: its word stands (it may know what the schema cannot).
        if (!error && single(values, name) === single(openedValues, name)) delete next[name];
        else next[name] = error ?? "";
        return next;
      });
    };
    const onInput = (event: Event) => {
      const name = fieldName(event.target);
      if (name && touched.current.has(name)) check(name);
    };
    const onLeave = (event: FocusEvent) => {
      const name = fieldName(event.target);
      // Moving between a date's day, month and year is not leaving the field.
      if (!name || fieldName(event.relatedTarget) === name) return;
      touched.current.add(name);
      check(name);
    };
    const onSubmit = (event: SubmitEvent) => {
      const incomplete = form.querySelector("[data-incomplete-day]");
      if (incomplete) {
        event.preventDefault();
        incomplete.closest("[data-field-name]")?.querySelector<HTMLElement>("[role=spinbutton]")?.focus();
        return;
      }
      leaving = true;
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!leaving && dirty()) event.preventDefault();
    };
    // Links inside the app navigate without unloading the page: they ask here, before Next.js sees the click.
    const onClick = (event: MouseEvent) => {
      if (leaving || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || link.getAttribute("target") === "_blank" || link.hasAttribute("download")) return;
      if (new URL(link.getAttribute("href")!, location.href).href === location.href) return;
      if (!dirty()) return;
      if (window.confirm(leaveQuestion)) {
        leaving = true;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    form.addEventListener("focusout", onLeave);
    form.addEventListener("submit", onSubmit);
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      form.removeEventListener("input", onInput);
      form.removeEventListener("change", onInput);
      form.removeEventListener("focusout", onLeave);
      form.removeEventListener("submit", onSubmit);
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [validate, leaveQuestion]);

  // A refused submission: focus on the first field in error (a conflict's panel takes focus itself).
  useEffect(() => {
    if (state.status !== "error" || !state.fields || state.conflict) return;
    const form = anchor.current?.closest("form");
    const first = form?.querySelector<HTMLElement>(
      "[aria-invalid=true]:not([type=hidden]), fieldset[aria-describedby] input:not([type=hidden])",
    );
    first?.focus();
  }, [state]);

  const wordedLive = useMemo(
    () =>
      Object.fromEntries(Object.entries(live).map(([name, error]) => [name, error && worded(error, word)])),
    [live, word],
  );
  return (
    <LiveErrors.Provider value={wordedLive}>
      <span ref={anchor} hidden />
      {children}
    </LiveErrors.Provider>
  );
}
