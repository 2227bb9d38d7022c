"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from "react";
import type { Option } from "@/components/ui/filter-fields";
import { formatDateTime } from "@/lib/format";
import type { ConflictView, FormState } from "@/features/forms/form-state";
import { useFieldError } from "./form-help";

const keys = new WeakMap<FormState, number>();
let nextKey = 0;

/**
 * A key that changes with every answer to a submission. Remounting the form with it makes every
 * field (selects and radios included) show the submitted values again, where React's automatic
 * form reset would bring back the first ones.
 */
export function formKey(state: FormState): number {
  if (!keys.has(state)) keys.set(state, nextKey++);
  return keys.get(state)!;
}

/** A submitted value to show again, else the stored one. */
export function valueOf(state: FormState, name: string, stored: string | undefined): string {
  const submitted = state.values?.[name];
  if (submitted !== undefined) return Array.isArray(submitted) ? (submitted[0] ?? "") : submitted;
  return stored ?? "";
}

export function Field({
  name,
  label,
  error: serverError,
  hint,
  required,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = `field-${name}`;
  const error = useFieldError(name, serverError);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1" data-field-name={name}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": described || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="note">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** What frames a field: its label, hint and error. `name` is the field's id and, by default, the input's name. */
type FieldFrame = { name: string; label: string; error?: string; hint?: string; required?: boolean };

/** A labelled input (text, date, url, email, password…). */
export function InputField({
  input,
  ...frame
}: FieldFrame & { input?: InputHTMLAttributes<HTMLInputElement> }) {
  return (
    <Field {...frame}>{(props) => <input {...props} name={frame.name} {...input} className="field" />}</Field>
  );
}

/**
 * A labelled text area. With `maxLength` (the server's limit for the field) it counts as one types,
 * and says so before submitting when the text nears or passes the limit.
 */
export function TextAreaField({
  rows = 3,
  defaultValue,
  maxLength,
  ...frame
}: FieldFrame & { rows?: number; defaultValue?: string; maxLength?: number }) {
  const [length, setLength] = useState(defaultValue?.length ?? 0);
  const countId = `field-${frame.name}-count`;
  return (
    <Field {...frame}>
      {(props) => (
        <>
          <textarea
            {...props}
            aria-describedby={
              maxLength
                ? [props["aria-describedby"], countId].filter(Boolean).join(" ")
                : props["aria-describedby"]
            }
            name={frame.name}
            rows={rows}
            defaultValue={defaultValue}
            className="field"
            onInput={maxLength ? (event) => setLength(event.currentTarget.value.length) : undefined}
          />
          {maxLength && <CharacterCount id={countId} length={length} max={maxLength} />}
        </>
      )}
    </Field>
  );
}

/** "120 of 2,000 characters"; past the limit, by how much, in red (and said to screen readers). */
function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const t = useTranslations("forms");
  const over = length - max;
  const near = !(over > 0) && length >= max * 0.9;
  return (
    <>
      <p id={id} className={over > 0 ? "field-error" : "note"} data-testid={id}>
        {over > 0 ? t("characterCountOver", { over, max }) : t("characterCount", { length, max })}
      </p>
      {/* Spoken only near and past the limit, not at every keystroke. */}
      <p className="sr-only" aria-live="polite">
        {over > 0
          ? t("charactersOverSpoken", { over })
          : near
            ? t("charactersLeft", { left: max - length })
            : ""}
      </p>
    </>
  );
}

/** A labelled select; `placeholder` adds an empty first choice. */
export function SelectField({
  options,
  placeholder,
  defaultValue,
  ...frame
}: FieldFrame & { options: readonly Option[]; placeholder?: string; defaultValue?: string }) {
  return (
    <Field {...frame}>
      {(props) => (
        <select {...props} name={frame.name} defaultValue={defaultValue} className="field">
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Radio buttons for a choice that changes the form around them (which fields show, what they mean). */
export function Choices<T extends string>({
  name,
  choices,
  value,
  onChange,
}: {
  name: string;
  choices: readonly { value: T; label: ReactNode; disabled?: boolean }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <div className="flex flex-wrap gap-4 text-sm">
      {choices.map((choice) => (
        <label key={choice.value} className="flex items-center gap-2">
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
            disabled={choice.disabled}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}

/** The outcome of the last submission: a conflict with what changed, an error, or a confirmation. */
export function FormOutcome({ state }: { state: FormState }) {
  const t = useTranslations("forms");
  const locale = useLocale();
  if (state.conflict?.fields?.length) return <ConflictPanel conflict={state.conflict} />;
  if (state.conflict) {
    return (
      <div
        role="alert"
        className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
      >
        <p className="font-semibold">{t("conflictTitle")}</p>
        <ul className="list-disc pl-5">
          {state.conflict.changes.map((change, index) => (
            <li key={index}>
              {t("conflictChange", {
                actor: change.actor,
                when: formatDateTime(new Date(change.at), locale),
                action: change.action,
              })}
              {change.fields.length > 0 && <> ({change.fields.join(", ")})</>}
            </li>
          ))}
        </ul>
        <p>{t("conflictText", { version: state.conflict.currentVersion })}</p>
      </div>
    );
  }
  if (state.status === "error" && state.message) {
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
        {state.message}
      </p>
    );
  }
  if (state.status === "saved" && state.message) {
    return (
      <p
        role="status"
        className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      >
        {state.message}
      </p>
    );
  }
  return null;
}

/**
 * A save that met another person's save on the same fields: at the top of the form, focused, each
 * field with their value (who, when), yours and the one you started from, and a choice between them.
 * The form below already holds the other person's changes to every other field.
 */
function ConflictPanel({ conflict }: { conflict: ConflictView }) {
  const t = useTranslations("forms");
  const locale = useLocale();
  const panel = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<Record<string, "mine" | "theirs">>({});
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "start" });
    panel.current?.focus();
  }, [conflict]);
  const latest = conflict.changes.at(-1);
  const putInForm = (inputs: Record<string, string | string[]>) => {
    const form = panel.current?.closest("form");
    if (!form) return;
    // Fields that hold their value in state (the pickers) take it from the event.
    form.dispatchEvent(new CustomEvent(formPutEvent, { detail: inputs }));
    for (const [name, value] of Object.entries(inputs)) {
      if (Array.isArray(value)) {
        for (const box of form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`)) {
          box.checked = value.includes(box.value);
        }
        continue;
      }
      const field = form.elements.namedItem(name);
      if (
        field instanceof HTMLInputElement ||
        field instanceof HTMLSelectElement ||
        field instanceof HTMLTextAreaElement
      ) {
        field.value = value;
      }
    }
  };
  return (
    <div
      ref={panel}
      tabIndex={-1}
      role="region"
      aria-labelledby="conflict-title"
      className="space-y-3 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
    >
      <p id="conflict-title" className="font-semibold">
        {latest
          ? t("conflictBy", { actor: latest.actor, when: formatDateTime(new Date(latest.at), locale) })
          : t("conflictSomeone")}
      </p>
      <p>{t("conflictBoth", { count: conflict.fields!.length })}</p>
      <table className="w-full text-left">
        <thead>
          <tr>
            <th scope="col">{t("field")}</th>
            <th scope="col">{t("theirValue")}</th>
            <th scope="col">{t("yourValue")}</th>
            <th scope="col">{t("startedFrom")}</th>
            <th scope="col">
              <span className="sr-only">{t("choice")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields!.map((field) => (
            <tr key={field.field} className="align-top">
              <th scope="row">{field.label}</th>
              <td>{field.theirs}</td>
              <td>{field.mine}</td>
              <td>{field.base}</td>
              <td className="space-x-2 whitespace-nowrap">
                <button
                  type="button"
                  className="button-secondary"
                  aria-pressed={chosen[field.field] !== "theirs"}
                  aria-label={t("keepMineOf", { label: field.label })}
                  onClick={() => {
                    putInForm(field.mineInputs);
                    setChosen((c) => ({ ...c, [field.field]: "mine" }));
                  }}
                >
                  {t("keepMine")}
                </button>
                <button
                  type="button"
                  className="button-secondary"
                  aria-pressed={chosen[field.field] === "theirs"}
                  aria-label={t("takeTheirsOf", { label: field.label })}
                  onClick={() => {
                    putInForm(field.theirsInputs);
                    setChosen((c) => ({ ...c, [field.field]: "theirs" }));
                  }}
                >
                  {t("takeTheirs")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p aria-live="polite" className="sr-only">
        {Object.entries(chosen)
          .map(([name, side]) => {
            const label = conflict.fields!.find((f) => f.field === name)?.label ?? name;
            return side === "theirs" ? t("theirsInForm", { label }) : t("mineInForm", { label });
          })
          .join(" ")}
      </p>
    </div>
  );
}

const formPutEvent = "pledgewatch:form-put";

/**
 * Calls `listener` with the values a conflict's choice puts in `form`; answers how to stop.
 * For fields kept in React state, which setting the DOM's inputs would not reach.
 */
export function onFormPut(
  form: HTMLFormElement,
  listener: (inputs: Record<string, string | string[]>) => void,
): () => void {
  const handle = (event: Event) => listener((event as CustomEvent<Record<string, string | string[]>>).detail);
  form.addEventListener(formPutEvent, handle);
  return () => form.removeEventListener(formPutEvent, handle);
}

/** The version the next save claims: after a conflict, the current one (saving again re-applies). */
export function VersionInput({ state, version }: { state: FormState; version: number }) {
  return <input type="hidden" name="version" value={state.conflict?.currentVersion ?? version} />;
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  const t = useTranslations("forms");
  return (
    <button type="submit" className="button-primary" disabled={pending} aria-busy={pending}>
      {pending ? t("saving") : children}
    </button>
  );
}
