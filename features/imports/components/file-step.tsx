"use client";

import { useLocale, useTranslations } from "next-intl";
import { Step } from "./step";
import { progressText } from "./progress-text";
import type { ImportWizardState } from "./use-import";

/** Step 1: the file, a saved mapping, and the preview's progress. */
export function FileStep({ wizard }: { wizard: ImportWizardState }) {
  const t = useTranslations("imports.file");
  const progressWords = useTranslations("imports.progress");
  const locale = useLocale();
  const { file, fileMessage, mappings, preview, phase, running } = wizard;
  const [fraction, label] =
    phase.kind === "running"
      ? progressText(progressWords, locale, phase.progress, file?.size || 1, phase.sent)
      : [null, ""];
  return (
    <Step id="file-heading" title={t("title")}>
      <div className="flex flex-wrap items-end gap-4">
        <label className="block text-sm">
          <span className="font-medium">{t("spreadsheet")}</span>
          <input
            type="file"
            accept=".csv,.xlsx,.tsv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => wizard.chooseFile(e.target.files?.[0] ?? null)}
            className="mt-1 block text-sm"
          />
        </label>
        {mappings.length > 0 && (
          <label className="block text-sm">
            <span className="font-medium">{t("savedMapping")}</span>
            <select
              className="mt-1 block field w-auto"
              defaultValue=""
              onChange={(e) => wizard.chooseSavedMapping(e.target.value)}
            >
              <option value="">{t("fromHeaders")}</option>
              {mappings.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="button-primary"
          disabled={!file || running}
          onClick={() => void wizard.send("preview")}
        >
          {preview ? t("updatePreview") : t("preview")}
        </button>
      </div>
      {fileMessage && (
        <p role="alert" className="text-sm text-red-700">
          {fileMessage}
        </p>
      )}
      {phase.kind === "running" && (
        <div className="space-y-1" aria-live="polite">
          <progress
            className="h-3 w-full"
            aria-label={t("progress", { action: phase.action })}
            max={1}
            {...(fraction === null ? {} : { value: Math.min(1, fraction) })}
          />
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-slate-700">{label}</p>
            <button type="button" className="button-secondary" onClick={wizard.cancel}>
              {t("cancel", { action: phase.action })}
            </button>
          </div>
        </div>
      )}
      {phase.kind === "failed" && (
        <p role="alert" className="text-sm text-red-700">
          {phase.message}
        </p>
      )}
    </Step>
  );
}
