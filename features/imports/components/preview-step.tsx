"use client";

import { useLocale, useTranslations } from "next-intl";
import { stakeholderKinds, type StakeholderKind } from "@/lib/rules/vocabulary";
import { formatDecimalText, intlLocale } from "@/lib/rules/units";
import type { RowError } from "../rows";
import type { ImportPreview } from "../run-import";
import { Step } from "./step";
import type { ImportWizardState } from "./use-import";
import { strongTag } from "@/components/ui/rich-tags";

/** Problems listed one by one; more are in the summary by kind and the downloaded CSV. */
const errorsListed = 200;

/** Why a new stakeholder is of its kind: the catalog's key for each basis. */
const whyKind = {
  named: "named",
  column: "column",
  country: "country",
  "not a country": "notCountry",
} as const satisfies Record<ImportPreview["newStakeholders"][number]["basis"], string>;

/** Counts as the reader's language writes them: "1,200", "1 200". */
function useCount() {
  const locale = useLocale();
  return (n: number) => n.toLocaleString(intlLocale(locale));
}

/** A decimal the server wrote ("-1250.5") as the reader's language writes numbers: "-1,250.5", "-1 250,5". */
function useDecimal() {
  const locale = useLocale();
  return (text: string) => formatDecimalText(text, locale);
}

/** Step 3: what the import will do, the rows in error, and the button that imports. */
export function PreviewStep({ wizard, preview }: { wizard: ImportWizardState; preview: ImportPreview }) {
  const t = useTranslations("imports.preview");
  const decimal = useDecimal();
  const { canCommit, running, stale } = wizard;
  const errors = preview.errors;
  return (
    <Step id="preview-heading" title={t("title")}>
      {preview.problems.length > 0 ? (
        <div role="alert">
          <ul className="list-disc pl-5 text-sm text-red-700">
            {preview.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          {preview.warnings.map((warning) => (
            <p key={warning} className="text-sm text-amber-800">
              {warning}
            </p>
          ))}
          <p className="text-sm" data-testid="import-counts">
            {t.rich("counts", {
              rows: preview.rows,
              create: preview.counts.create,
              update: preview.counts.update,
              skip: preview.counts.skip,
              invalid: preview.counts.invalid,
              strong: strongTag,
            })}
          </p>
          {preview.rounding.map(({ unit, amounts, rows, total }) => (
            <p key={unit} className="text-sm" data-testid="rounding">
              {t("rounding", { amounts, unit, rows, total: decimal(total) })}
            </p>
          ))}
          {preview.corrections.map(({ unit, rows, total }) => (
            <p key={unit} className="text-sm" data-testid="corrections">
              {t("corrections", { rows, unit, total: decimal(total) })}
            </p>
          ))}
          <NewStakeholders wizard={wizard} preview={preview} />
          {(
            [
              ["newConditions", preview.newConditions],
              ["newSources", preview.newSources],
            ] as const
          ).map(([what, names]) =>
            names.length > 0 ? (
              <p key={what} className="text-sm">
                {t(what, { names: names.join("; ") })}
              </p>
            ) : null,
          )}
          {wizard.problems.total > 0 && <RowErrors wizard={wizard} errors={errors} />}
          <MissingFromRelease wizard={wizard} release={preview.release} />
          {preview.changes.length > 0 && (
            <details>
              <summary className="cursor-pointer text-sm">{t("changes")}</summary>
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left">
                    <th scope="col">{t("row")}</th>
                    <th scope="col">{t("action")}</th>
                    <th scope="col">{t("pledge")}</th>
                    <th scope="col">{t("changesColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((change) => (
                    <tr key={change.row}>
                      <td>{change.row}</td>
                      <td>{t("actionName", { action: change.action })}</td>
                      <td>{change.title}</td>
                      <td>
                        <ul>
                          {change.details.map(({ field, from, to }) => (
                            <li key={field}>
                              {from === "" && to === ""
                                ? t("fieldChanged", { field })
                                : t("fieldFromTo", { field, from: from || t("none"), to: to || t("none") })}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
      {stale && <p className="text-sm text-amber-800">{t("stale")}</p>}
      <div>
        <button
          type="button"
          className="button-primary"
          disabled={!canCommit || running}
          onClick={() => void wizard.send("commit")}
        >
          {t("importButton", {
            count: preview.counts.create + preview.counts.update,
            leaveOut: preview.skipInvalid ? preview.counts.invalid : 0,
            withdraw: preview.release.withdrawMissing ? preview.release.missingCount : 0,
          })}
        </button>
      </div>
    </Step>
  );
}

/** The pledges a new release of a file no longer has: listed, kept, or withdrawn when asked. */
function MissingFromRelease({
  wizard,
  release,
}: {
  wizard: ImportWizardState;
  release: ImportPreview["release"];
}) {
  const t = useTranslations("imports.release");
  if (release.missingCount === 0) return null;
  return (
    <div className="space-y-2 text-sm" data-testid="missing-from-release">
      <p>
        {t.rich("missing", {
          count: release.missingCount,
          files: release.previousFiles.join(", "),
          strong: strongTag,
        })}
      </p>
      <details>
        <summary className="cursor-pointer">{t("missingList")}</summary>
        <ul className="list-disc pl-5">
          {release.missing.slice(0, errorsListed).map((pledge) => (
            <li key={pledge.id}>
              {pledge.title} ({pledge.externalId})
            </li>
          ))}
          {release.missingCount > errorsListed && (
            <li>{t("more", { count: release.missingCount - errorsListed })}</li>
          )}
        </ul>
      </details>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={wizard.withdrawMissing}
          onChange={(e) => wizard.chooseWithdrawMissing(e.target.checked)}
        />
        {t("withdraw", { count: release.missingCount })}
      </label>
    </div>
  );
}

/** The stakeholders the import creates, each with its kind, which the analyst may change. */
function NewStakeholders({ wizard, preview }: { wizard: ImportWizardState; preview: ImportPreview }) {
  const t = useTranslations("imports.newStakeholders");
  const words = useTranslations("vocabulary");
  if (preview.newStakeholders.length === 0) return null;
  const chosen = wizard.mapping?.stakeholderKinds ?? {};
  return (
    <table className="text-sm">
      <caption className="text-left font-medium">
        {t("caption", { count: preview.newStakeholders.length })}
      </caption>
      <thead>
        <tr className="text-left">
          <th scope="col" className="pr-4">
            {t("name")}
          </th>
          <th scope="col" className="pr-4">
            {t("kind")}
          </th>
          <th scope="col">{t("why")}</th>
        </tr>
      </thead>
      <tbody>
        {preview.newStakeholders.map(({ name, kind, basis, countryCode }) => (
          <tr key={name}>
            <th scope="row" className="pr-4 text-left font-normal">
              {name}
            </th>
            <td className="pr-4">
              <select
                aria-label={t("kindOf", { name })}
                className="field w-auto"
                value={chosen[name] ?? kind}
                onChange={(e) => wizard.setStakeholderKind(name, e.target.value as StakeholderKind)}
              >
                {stakeholderKinds.map((k) => (
                  <option key={k} value={k}>
                    {words(`stakeholderKind.${k}`)}
                  </option>
                ))}
              </select>
            </td>
            <td>
              {t(`basis.${whyKind[basis]}`)}
              {countryCode ? ` (${countryCode})` : ""}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The rows in error: by kind, the first one by one, as CSV, and the choice to leave them out. */
function RowErrors({ wizard, errors }: { wizard: ImportWizardState; errors: RowError[] }) {
  const t = useTranslations("imports.problems");
  const count = useCount();
  const { total, kinds } = wizard.problems;
  const invalidRows = wizard.preview?.counts.invalid ?? 0;
  return (
    <div className="space-y-3">
      <table className="w-full text-sm" aria-label={t("byKind")}>
        <caption className="text-left font-medium text-red-700">
          {t("caption", { total, rows: invalidRows, leftOut: wizard.skipInvalid ? "yes" : "no" })}
        </caption>
        <thead>
          <tr className="text-left">
            <th scope="col">{t("rows")}</th>
            <th scope="col">{t("column")}</th>
            <th scope="col">{t("problem")}</th>
            <th scope="col">{t("firstRows")}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={`${kind.column}|${kind.kind}`}>
              <td>{count(kind.count)}</td>
              <td>{kind.column}</td>
              <td>
                {kind.example}
                {kind.fix && <span className="block text-slate-700">{t("fix", { fix: kind.fix })}</span>}
              </td>
              <td>
                {kind.rows.join(", ")}
                {kind.count > kind.rows.length ? ", …" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" className="button-secondary" onClick={wizard.downloadErrors}>
          {total > errors.length ? t("downloadFirst", { count: errors.length }) : t("downloadEvery")}
        </button>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={wizard.skipInvalid}
            onChange={(e) => wizard.chooseSkipInvalid(e.target.checked)}
          />
          {t("skipInvalid", { count: invalidRows })}
        </label>
      </div>
      <details>
        <summary className="cursor-pointer text-sm">
          {errors.length > errorsListed ? t("eachFirst", { count: errorsListed }) : t("each")}
        </summary>
        <table className="w-full text-sm" aria-label={t("withErrors")}>
          <thead>
            <tr className="text-left">
              <th scope="col">{t("row")}</th>
              <th scope="col">{t("column")}</th>
              <th scope="col">{t("value")}</th>
              <th scope="col">{t("problem")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.slice(0, errorsListed).map((error, i) => (
              <tr key={i}>
                <td>{error.row}</td>
                <td>{error.column}</td>
                <td>{error.value}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
