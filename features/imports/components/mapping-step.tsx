"use client";

import { useTranslations } from "next-intl";
import { Step } from "./step";
import { useState } from "react";
import type {
  PledgeCategory,
  PledgeStatus,
  QuantityQualifier,
  StakeholderKind,
} from "@/lib/rules/vocabulary";
import {
  guessColumns,
  missingFields,
  importFields,
  valueChoiceLabels,
  type ImportField,
  type ValueMappedField,
} from "../fields";
import type { ImportPreview } from "../run-import";
import type { SavedMapping } from "../schemas";
import type { ImportWizardState } from "./use-import";
import { codeTag } from "@/components/ui/rich-tags";

type Words = ReturnType<typeof useTranslations<"vocabulary">>;

/** A value-mapped field's value in the reader's words: the vocabulary's. */
function choiceLabel(words: Words, field: ValueMappedField, id: string): string {
  switch (field) {
    case "category":
      return words(`category.${id as PledgeCategory}`);
    case "status":
      return words(`pledgeStatus.${id as PledgeStatus}`);
    case "quantityQualifier":
      return words(`qualifier.${id as QuantityQualifier}`);
    case "stakeholderKind":
      return words(`stakeholderKind.${id as StakeholderKind}`);
  }
}

/** The example a default's field shows: a currency code, the same in every language. */
const defaultExample = "EUR";

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
  const t = useTranslations("imports.mapping");
  const fieldName = useTranslations("imports.field");
  const words = useTranslations("vocabulary");
  const { stale, setColumn, setValue } = wizard;
  // Against the mapping as edited: what is still missing, and the columns that look like it.
  const missing = missingFields(preview.headers, mapping);
  const guesses = guessColumns(preview.headers, mapping);
  return (
    <Step id="mapping-heading" title={t("title")}>
      {missing.length > 0 && (
        <div
          role="alert"
          className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950"
        >
          <p className="font-semibold" data-testid="missing-fields">
            {t("missing", { fields: missing.map((field) => fieldName(field)).join(", ") })}
          </p>
          {guesses.length > 0 && (
            <ul className="flex flex-wrap gap-2">
              {guesses.map(({ field, header }) => (
                <li key={field}>
                  <button type="button" className="button-secondary" onClick={() => setColumn(header, field)}>
                    {t("useFor", { header, field: fieldName(field) })}
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
              {t("column", { file: preview.fileName })}
            </th>
            <th scope="col">{t("fills")}</th>
          </tr>
        </thead>
        <tbody>
          {preview.headers.map((header, index) => (
            <tr key={`${header}-${index}`}>
              <th scope="row" className="pr-4 text-left font-normal">
                {header || <em>{t("noHeader")}</em>}
              </th>
              <td>
                <select
                  aria-label={t("fieldFor", { column: header || String(index + 1) })}
                  className="field w-auto"
                  value={mapping.columns[header] ?? ""}
                  disabled={!header}
                  onChange={(e) => setColumn(header, e.target.value as ImportField | "")}
                >
                  <option value="">{t("ignore")}</option>
                  {importFields.map((field) => (
                    <option key={field} value={field}>
                      {fieldName(field)}
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
          <legend className="font-medium">
            {t("valuesOf", { field: fieldName(field as ValueMappedField) })}
          </legend>
          {choices.map((choice) => (
            <label key={choice.value} className="flex items-center gap-2">
              <span className="min-w-40">
                {t("valueCount", { value: choice.value, count: choice.count })}
              </span>
              <select
                aria-label={t("valueFor", {
                  field: fieldName(field as ValueMappedField),
                  value: choice.value,
                })}
                className="field w-auto"
                value={mapping.values[field as ValueMappedField]?.[choice.value] ?? ""}
                onChange={(e) => setValue(field as ValueMappedField, choice.value, e.target.value)}
              >
                <option value="">
                  {choice.mappedTo
                    ? t("asWritten", {
                        value: choiceLabel(words, field as ValueMappedField, choice.mappedTo),
                      })
                    : t("notRecognised")}
                </option>
                {Object.keys(valueChoiceLabels[field as ValueMappedField]).map((id) => (
                  <option key={id} value={id}>
                    {choiceLabel(words, field as ValueMappedField, id)}
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
        {t("round")}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={mapping.corrections}
          onChange={(e) => wizard.setCorrections(e.target.checked)}
        />
        {t("corrections")}
      </label>
      <SaveMapping wizard={wizard} />
      {stale && <p className="text-sm text-amber-800">{t("stale")}</p>}
    </Step>
  );
}

/**
 * Fields filled without a column of their own: composed from columns and the row number
 * ("{Measure} ({Donor})", "tracker-{#row}"), or a default for the rows that leave them blank.
 */
function DerivedFields({ wizard, mapping }: { wizard: ImportWizardState; mapping: SavedMapping }) {
  const t = useTranslations("imports.derived");
  const fieldName = useTranslations("imports.field");
  const [field, setField] = useState<ImportField>("title");
  const [kind, setKind] = useState<"composed" | "defaults">("composed");
  const [text, setText] = useState("");
  const entries = (["composed", "defaults"] as const).flatMap((k) =>
    (Object.entries(mapping[k]) as [ImportField, string][]).map(([f, t]) => ({ kind: k, field: f, text: t })),
  );
  return (
    <fieldset className="space-y-2 text-sm">
      <legend className="font-medium">{t("legend")}</legend>
      {entries.length > 0 && (
        <ul className="space-y-1">
          {entries.map((entry) => (
            <li key={`${entry.kind}-${entry.field}`} className="flex flex-wrap items-center gap-2">
              <span>
                {t.rich(entry.kind === "composed" ? "composedAs" : "defaultsTo", {
                  field: fieldName(entry.field),
                  text: entry.text,
                  code: codeTag,
                })}
              </span>
              <button
                type="button"
                className="button-secondary"
                onClick={() => wizard.setDerived(entry.kind, entry.field, "")}
              >
                {t.rich("remove", {
                  field: fieldName(entry.field),
                  hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <label className="block">
          <span>{t("field")}</span>
          <select
            className="mt-1 block field w-auto"
            value={field}
            onChange={(e) => setField(e.target.value as ImportField)}
          >
            {importFields.map((f) => (
              <option key={f} value={f}>
                {fieldName(f)}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span>{t("how")}</span>
          <select
            className="mt-1 block field w-auto"
            value={kind}
            onChange={(e) => setKind(e.target.value as "composed" | "defaults")}
          >
            <option value="composed">{t("composed")}</option>
            <option value="defaults">{t("defaults")}</option>
          </select>
        </label>
        <label className="block">
          <span>{kind === "composed" ? t("template") : t("value")}</span>
          <input
            className="mt-1 block field w-auto"
            value={text}
            placeholder={kind === "composed" ? t("templateExample") : defaultExample}
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
          {t("add")}
        </button>
      </div>
    </fieldset>
  );
}

/** Saves the mapping under a name, for the next file laid out the same way. */
function SaveMapping({ wizard }: { wizard: ImportWizardState }) {
  const t = useTranslations("imports.mapping");
  const { mappingName, setMappingName, saveMapping } = wizard;
  const [saveMessage, setSaveMessage] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="block text-sm">
        <span className="font-medium">{t("saveAs")}</span>
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
        {t("save")}
      </button>
      {saveMessage && (
        <p role="status" className="text-sm">
          {saveMessage}
        </p>
      )}
    </div>
  );
}
