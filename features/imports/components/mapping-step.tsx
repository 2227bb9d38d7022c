"use client";

import { Step } from "./step";
import { useState } from "react";
import {
  guessColumns,
  importFieldLabels,
  missingFields,
  importFields,
  valueChoiceLabels,
  type ImportField,
  type ValueMappedField,
} from "../fields";
import type { ImportPreview } from "../run-import";
import type { SavedMapping } from "../schemas";
import type { ImportWizardState } from "./use-import";

/** Step 2: which field each column fills, and what each unrecognised value means. */
export function MappingStep({
  wizard,
  preview,
  mapping,
}: {
  wizard: ImportWizardState;
  preview: ImportPreview;
  mapping: SavedMapping;
}) {
  const { stale, setColumn, setValue } = wizard;
  // Against the mapping as edited: what is still missing, and the columns that look like it.
  const missing = missingFields(preview.headers, mapping);
  const guesses = guessColumns(preview.headers, mapping);
  return (
    <Step id="mapping-heading" title="2. Check the columns">
      {missing.length > 0 && (
        <div
          role="alert"
          className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <p className="font-semibold" data-testid="missing-fields">
            Choose a column for each required field:{" "}
            {missing.map((field) => importFieldLabels[field]).join(", ")}.
          </p>
          {guesses.length > 0 && (
            <ul className="flex flex-wrap gap-2">
              {guesses.map(({ field, header }) => (
                <li key={field}>
                  <button type="button" className="button-secondary" onClick={() => setColumn(header, field)}>
                    Use “{header}” for {importFieldLabels[field]}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <table className="text-sm">
        <thead>
          <tr className="text-left">
            <th scope="col" className="pr-4">
              Column in {preview.fileName}
            </th>
            <th scope="col">Fills</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((header, index) => (
            <tr key={`${header}-${index}`}>
              <th scope="row" className="pr-4 text-left font-normal">
                {header || <em>(no header)</em>}
              </th>
              <td>
                <select
                  aria-label={`Field for column ${header || index + 1}`}
                  className="field w-auto"
                  value={mapping.columns[header] ?? ""}
                  disabled={!header}
                  onChange={(e) => setColumn(header, e.target.value as ImportField | "")}
                >
                  <option value="">Ignore</option>
                  {importFields.map((field) => (
                    <option key={field} value={field}>
                      {importFieldLabels[field]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.entries(preview.valueChoices).map(([field, choices]) => (
        <fieldset key={field} className="space-y-1 text-sm">
          <legend className="font-medium">Values of {importFieldLabels[field as ValueMappedField]}</legend>
          {choices.map((choice) => (
            <label key={choice.value} className="flex items-center gap-2">
              <span className="min-w-40">
                “{choice.value}” ({choice.count} rows)
              </span>
              <select
                aria-label={`${importFieldLabels[field as ValueMappedField]} for “${choice.value}”`}
                className="field w-auto"
                value={mapping.values[field as ValueMappedField]?.[choice.value] ?? ""}
                onChange={(e) => setValue(field as ValueMappedField, choice.value, e.target.value)}
              >
                <option value="">
                  {choice.mappedTo
                    ? `As written (${valueChoiceLabels[field as ValueMappedField][choice.mappedTo]})`
                    : "Not recognised"}
                </option>
                {Object.entries(valueChoiceLabels[field as ValueMappedField]).map(([id, text]) => (
                  <option key={id} value={id}>
                    {text}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      ))}
      <DerivedFields wizard={wizard} mapping={mapping} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={mapping.round} onChange={(e) => wizard.setRound(e.target.checked)} />
        Round amounts to their unit’s precision (cents, whole personnel) instead of refusing them
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={mapping.corrections}
          onChange={(e) => wizard.setCorrections(e.target.checked)}
        />
        Read negative amounts as corrections: each lowers the latest earlier row of the same stakeholders,
        category and unit, from its date
      </label>
      <SaveMapping wizard={wizard} />
      {stale && (
        <p className="text-sm text-amber-800">The mapping changed: update the preview before importing.</p>
      )}
    </Step>
  );
}

/**
 * Fields filled without a column of their own: composed from columns and the row number
 * ("{Measure} ({Donor})", "tracker-{#row}"), or a default for the rows that leave them blank.
 */
function DerivedFields({ wizard, mapping }: { wizard: ImportWizardState; mapping: SavedMapping }) {
  const [field, setField] = useState<ImportField>("title");
  const [kind, setKind] = useState<"composed" | "defaults">("composed");
  const [text, setText] = useState("");
  const entries = (["composed", "defaults"] as const).flatMap((k) =>
    (Object.entries(mapping[k]) as [ImportField, string][]).map(([f, t]) => ({ kind: k, field: f, text: t })),
  );
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium">Fields not read from one column</legend>
      {entries.length > 0 && (
        <ul className="space-y-1">
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.field}`} className="flex flex-wrap items-center gap-2">
              <span>
                {importFieldLabels[entry.field]}{" "}
                {entry.kind === "composed" ? "is composed as" : "defaults to"} <code>{entry.text}</code>
              </span>
              <button
                type="button"
                className="button-secondary"
                onClick={() => wizard.setDerived(entry.kind, entry.field, "")}
              >
                Remove<span className="sr-only"> {importFieldLabels[entry.field]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <label className="block">
          <span>Field</span>
          <select
            className="mt-1 block field w-auto"
            value={field}
            onChange={(e) => setField(e.target.value as ImportField)}
          >
            {importFields.map((f) => (
              <option key={f} value={f}>
                {importFieldLabels[f]}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span>How</span>
          <select
            className="mt-1 block field w-auto"
            value={kind}
            onChange={(e) => setKind(e.target.value as "composed" | "defaults")}
          >
            <option value="composed">Composed from columns</option>
            <option value="defaults">Default for blank cells</option>
          </select>
        </label>
        <label className="block">
          <span>{kind === "composed" ? "Template: {Column}, {#row}" : "Value"}</span>
          <input
            className="mt-1 block field w-auto"
            value={text}
            placeholder={kind === "composed" ? "{Measure} ({Donor})" : "EUR"}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="button-secondary"
          disabled={!text.trim()}
          onClick={() => {
            wizard.setDerived(kind, field, text);
            setText("");
          }}
        >
          Add
        </button>
      </div>
    </fieldset>
  );
}

/** Saves the mapping under a name, for the next file laid out the same way. */
function SaveMapping({ wizard }: { wizard: ImportWizardState }) {
  const { mappingName, setMappingName, saveMapping } = wizard;
  const [saveMessage, setSaveMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="block text-sm">
        <span className="font-medium">Save this mapping as</span>
        <input
          className="mt-1 block field w-auto"
          value={mappingName}
          onChange={(e) => setMappingName(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="button-secondary"
        disabled={!mappingName.trim()}
        onClick={() => {
          setSaveMessage(null);
          void saveMapping(mappingName).then(setSaveMessage);
        }}
      >
        Save mapping
      </button>
      {saveMessage && (
        <p role="status" className="text-sm">
          {saveMessage}
        </p>
      )}
    </div>
  );
}
