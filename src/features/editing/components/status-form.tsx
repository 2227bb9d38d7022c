"use client";

import { useActionState, useState } from "react";
import { recordStatusAction } from "../actions";
import { idle } from "../form-state";
import { Field, formKey, FormOutcome, SubmitButton, valueOf, VersionInput } from "./form-parts";

/** A status change with its evidence: a note, and a source picked from the list or added here. */
export function StatusForm({
  subject,
  id,
  version,
  current,
  statuses,
  sources,
}: {
  subject: "pledge" | "condition";
  id: string;
  version: number;
  current: string;
  statuses: { value: string; label: string }[];
  sources: { id: string; title: string }[];
}) {
  const [state, action, pending] = useActionState(recordStatusAction, idle);
  const [mode, setMode] = useState<"existing" | "new">(sources.length ? "existing" : "new");
  const value = (name: string) => valueOf(state, name, undefined);
  const error = (name: string) => state.fields?.[name];
  return (
    <form key={formKey(state)} action={action} className="space-y-4" noValidate>
      <FormOutcome state={state} />
      <input type="hidden" name="subject" value={subject} />
      <input type="hidden" name="id" value={id} />
      <VersionInput state={state} version={version} />
      <Field name="status" label="New status" error={error("status")} required>
        {(props) => (
          <select {...props} name="status" defaultValue={value("status")} className="field">
            <option value="">Choose…</option>
            {statuses
              .filter((s) => s.value !== current)
              .map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field name="note" label="Note: what changed and why" error={error("note")} required>
        {(props) => (
          <textarea {...props} name="note" rows={3} defaultValue={value("note")} className="field" />
        )}
      </Field>
      <Field
        name="occurredOn"
        label="Date of the change"
        error={error("occurredOn")}
        hint="Leave empty for now (UTC)."
      >
        {(props) => (
          <input
            {...props}
            type="date"
            name="occurredOn"
            defaultValue={value("occurredOn")}
            className="field"
          />
        )}
      </Field>
      <fieldset className="space-y-3 rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium">Evidence (required)</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="sourceMode"
              value="existing"
              checked={mode === "existing"}
              onChange={() => setMode("existing")}
              disabled={!sources.length}
            />
            A source already recorded
          </label>
          <label className="flex items-center gap-2">
            <input
              type="radio"
              name="sourceMode"
              value="new"
              checked={mode === "new"}
              onChange={() => setMode("new")}
            />
            A new source
          </label>
        </div>
        {mode === "existing" ? (
          <>
            <Field name="sourceId" label="Source" error={error("sourceId")} required>
              {(props) => (
                <select {...props} name="sourceId" defaultValue={value("sourceId")} className="field">
                  <option value="">Choose…</option>
                  {sources.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="quote" label="Quote from it" error={error("quote")}>
              {(props) => (
                <textarea {...props} name="quote" rows={2} defaultValue={value("quote")} className="field" />
              )}
            </Field>
          </>
        ) : (
          <>
            {error("sourceId") && <p className="field-error">{error("sourceId")}</p>}
            <Field name="sourceTitle" label="Source title" error={error("source.title")} required>
              {(props) => (
                <input {...props} name="sourceTitle" defaultValue={value("sourceTitle")} className="field" />
              )}
            </Field>
            <Field name="sourceUrl" label="Source URL" error={error("source.url")}>
              {(props) => (
                <input
                  {...props}
                  type="url"
                  name="sourceUrl"
                  defaultValue={value("sourceUrl")}
                  className="field"
                />
              )}
            </Field>
            <Field name="sourcePublisher" label="Publisher" error={error("source.publisher")}>
              {(props) => (
                <input
                  {...props}
                  name="sourcePublisher"
                  defaultValue={value("sourcePublisher")}
                  className="field"
                />
              )}
            </Field>
            <Field name="sourceQuote" label="Quote" error={error("source.quote")} required>
              {(props) => (
                <textarea
                  {...props}
                  name="sourceQuote"
                  rows={2}
                  defaultValue={value("sourceQuote")}
                  className="field"
                />
              )}
            </Field>
          </>
        )}
      </fieldset>
      <SubmitButton pending={pending}>Record the status change</SubmitButton>
    </form>
  );
}
