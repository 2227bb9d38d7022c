"use client";

import { useState } from "react";
import type { FormState } from "@/features/forms/form-state";
import { Field, valueOf } from "@/features/forms/components/form-parts";

/**
 * The evidence an event carries (a status change, a delivery): a source already recorded with a
 * quote from it, or a new source with its title, URL, publisher and quote.
 */
export function EvidenceFields({
  state,
  sources,
}: {
  state: FormState;
  sources: { id: string; title: string }[];
}) {
  const [mode, setMode] = useState<"existing" | "new">(sources.length ? "existing" : "new");
  const value = (name: string) => valueOf(state, name, undefined);
  const error = (name: string) => state.fields?.[name];
  return (
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
  );
}

/** What every recorded event says besides its evidence: a note, and the day it happened. */
export function EventFields({
  state,
  noteLabel,
  dateLabel,
  dateHint,
}: {
  state: FormState;
  noteLabel: string;
  dateLabel: string;
  dateHint: string;
}) {
  const value = (name: string) => valueOf(state, name, undefined);
  const error = (name: string) => state.fields?.[name];
  return (
    <>
      <Field name="note" label={noteLabel} error={error("note")} required>
        {(props) => (
          <textarea {...props} name="note" rows={3} defaultValue={value("note")} className="field" />
        )}
      </Field>
      <Field name="occurredOn" label={dateLabel} error={error("occurredOn")} hint={dateHint}>
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
    </>
  );
}
