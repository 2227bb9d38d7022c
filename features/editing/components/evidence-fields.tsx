"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { pledgeTextLimits } from "@/lib/rules/pledge-rules";
import type { FormState } from "@/features/forms/form-state";
import { Choices, InputField, TextAreaField, valueOf } from "@/features/forms/components/form-parts";
import { RecordChoice } from "@/features/forms/components/record-picker";
import { DayField } from "@/features/forms/components/day-field";

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
  // After a refused save, the choice that was sent (its fields hold what was typed).
  const [mode, setMode] = useState<"existing" | "new">(() => {
    const sent = valueOf(state, "sourceMode", undefined);
    return sent === "new" || !sources.length ? "new" : "existing";
  });
  // A name typed in the source picker that no source has: the new source's title, ready to complete.
  const [newTitle, setNewTitle] = useState<string | null>(null);
  const sourceOptions = useMemo(() => sources.map((s) => ({ id: s.id, label: s.title })), [sources]);
  const t = useTranslations("editing");
  const value = (name: string) => valueOf(state, name, undefined);
  const error = (name: string) => state.fields?.[name];
  return (
    <fieldset className="space-y-3 rounded border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium">{t("evidence")}</legend>
      <Choices
        name="sourceMode"
        value={mode}
        onChange={setMode}
        choices={[
          { value: "existing", label: t("existingSource"), disabled: !sources.length },
          { value: "new", label: t("newSource") },
        ]}
      />
      {mode === "existing" ? (
        <>
          <RecordChoice
            id="field-sourceId"
            name="sourceId"
            label={t("source")}
            error={error("sourceId")}
            required
            options={sourceOptions}
            defaultValue={value("sourceId")}
            createNoun="source"
            onCreate={(title) => {
              setNewTitle(title);
              setMode("new");
            }}
          />
          <TextAreaField
            name="quote"
            label={t("quoteFromIt")}
            error={error("quote")}
            rows={2}
            maxLength={pledgeTextLimits.quote}
            defaultValue={value("quote")}
          />
        </>
      ) : (
        <>
          {error("sourceId") && <p className="field-error">{error("sourceId")}</p>}
          <InputField
            name="sourceTitle"
            label={t("sourceTitle")}
            error={error("source.title")}
            required
            input={{ defaultValue: newTitle ?? value("sourceTitle"), autoFocus: newTitle !== null }}
          />
          <InputField
            name="sourceUrl"
            label={t("sourceUrl")}
            error={error("source.url")}
            input={{ type: "url", defaultValue: value("sourceUrl") }}
          />
          <InputField
            name="sourcePublisher"
            label={t("publisher")}
            error={error("source.publisher")}
            input={{ defaultValue: value("sourcePublisher") }}
          />
          <TextAreaField
            name="sourceQuote"
            label={t("quote")}
            error={error("source.quote")}
            required
            rows={2}
            maxLength={pledgeTextLimits.quote}
            defaultValue={value("sourceQuote")}
          />
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
      <TextAreaField
        name="note"
        label={noteLabel}
        error={error("note")}
        required
        maxLength={pledgeTextLimits.note}
        defaultValue={value("note")}
      />
      <DayField
        name="occurredOn"
        label={dateLabel}
        error={error("occurredOn")}
        hint={dateHint}
        defaultValue={value("occurredOn")}
      />
    </>
  );
}
