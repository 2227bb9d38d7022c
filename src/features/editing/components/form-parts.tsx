"use client";

import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format";
import type { FormState } from "../form-state";

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
  error,
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
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="space-y-1">
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

/** The outcome of the last submission: a conflict with what changed, an error, or a confirmation. */
export function FormOutcome({ state }: { state: FormState }) {
  if (state.conflict) {
    return (
      <div
        role="alert"
        className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
      >
        <p className="font-semibold">
          Someone else saved this record while you were editing. Nothing of yours was saved.
        </p>
        <ul className="list-disc pl-5">
          {state.conflict.changes.map((change, index) => (
            <li key={index}>
              {change.actor}, {formatDateTime(new Date(change.at))}: {change.action}
              {change.fields.length > 0 && <> ({change.fields.join(", ")})</>}
            </li>
          ))}
        </ul>
        <p>
          Your values are still in the form. Check them against the changes above, then save again to apply
          them on top of version {state.conflict.currentVersion}, or reload the page to start from the current
          record.
        </p>
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

/** The version the next save claims: after a conflict, the current one (saving again re-applies). */
export function VersionInput({ state, version }: { state: FormState; version: number }) {
  return <input type="hidden" name="version" value={state.conflict?.currentVersion ?? version} />;
}

export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button-primary" disabled={pending} aria-busy={pending}>
      {pending ? "Saving…" : children}
    </button>
  );
}
