"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { FormState } from "@/features/forms/form-state";
import type { PickerOption } from "@/features/forms/picker-matches";
import { RecordPicker } from "@/features/forms/components/record-picker";
import { onFormPut } from "@/features/forms/components/form-parts";

/**
 * The conditions a pledge waits on: a row per condition with a remove button, and a picker to add
 * one. The server reads the `conditionIds` inputs, as it did from the checkboxes before.
 */
export function ConditionsField({
  state,
  stored,
  options,
  label,
  error,
}: {
  state: FormState;
  stored: string[];
  options: PickerOption[];
  label: string;
  error?: string;
}) {
  const [ids, setIds] = useState(() => (state.values ? [state.values.conditionIds ?? []].flat() : stored));
  const [said, setSaid] = useState("");
  const t = useTranslations("editing");
  const forms = useTranslations("forms");
  const box = useRef<HTMLFieldSetElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const chosen = new Set(ids);
  const titleOf = (id: string) => options.find((c) => c.id === id)?.label ?? id;

  useEffect(() => {
    const form = box.current?.closest("form");
    if (!form) return;
    return onFormPut(form, (inputs) => {
      if ("conditionIds" in inputs) setIds([inputs.conditionIds ?? []].flat());
    });
  }, []);

  return (
    <fieldset
      ref={box}
      className="space-y-2"
      aria-describedby={error ? "field-conditionIds-error" : undefined}
    >
      <legend className="text-sm font-medium">{label}</legend>
      {error && (
        <p id="field-conditionIds-error" className="field-error">
          {error}
        </p>
      )}
      {ids.length === 0 ? (
        <p className="note">{t("noConditions")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200">
          {ids.map((id) => (
            <li key={id} className="flex items-center justify-between gap-2 px-2 py-1.5 text-sm">
              <input type="hidden" name="conditionIds" value={id} />
              <span>{titleOf(id)}</span>
              <button
                type="button"
                className="button-secondary"
                aria-label={forms("removeOf", { name: titleOf(id) })}
                onClick={() => {
                  setIds((current) => current.filter((c) => c !== id));
                  setSaid(forms("removed", { name: titleOf(id) }));
                  picker.current?.focus();
                }}
              >
                {forms("remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <RecordPicker
        id="condition-picker"
        label={t("addCondition")}
        options={options}
        exclude={chosen}
        onPick={(option) => {
          setIds((current) => [...current, option.id]);
          setSaid(forms("added", { name: option.label }));
        }}
        inputRef={picker}
      />
      <p className="sr-only" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}
