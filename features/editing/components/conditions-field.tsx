"use client";

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
        <p className="note">None: the pledge holds whatever happens. Add the conditions it waits on below.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200">
          {ids.map((id) => (
            <li key={id} className="flex items-center justify-between gap-2 px-2 py-1.5 text-sm">
              <input type="hidden" name="conditionIds" value={id} />
              <span>{titleOf(id)}</span>
              <button
                type="button"
                className="button-secondary"
                aria-label={`Remove ${titleOf(id)}`}
                onClick={() => {
                  setIds((current) => current.filter((c) => c !== id));
                  setSaid(`${titleOf(id)} removed.`);
                  picker.current?.focus();
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <RecordPicker
        id="condition-picker"
        label="Add a condition"
        options={options}
        exclude={chosen}
        onPick={(option) => {
          setIds((current) => [...current, option.id]);
          setSaid(`${option.label} added.`);
        }}
        inputRef={picker}
      />
      <p className="sr-only" aria-live="polite">
        {said}
      </p>
    </fieldset>
  );
}
