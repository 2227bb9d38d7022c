"use client";

import { counted } from "@/lib/format";
import { stakeholderKindLabels, stakeholderKinds, type StakeholderKind } from "@/lib/rules/vocabulary";
import type { RowError } from "../rows";
import type { ImportPreview } from "../run-import";
import { Step } from "./step";
import type { ImportWizardState } from "./use-import";

/** Problems listed one by one; more are in the summary by kind and the downloaded CSV. */
const errorsListed = 200;

/** What to do so that rows of this kind are accepted, said in the wizard's own words. */
const fixWords: Record<NonNullable<RowError["fix"]>, string> = {
  round: "tick “Round amounts to their unit’s precision” in step 2",
  corrections: "tick “Read negative amounts as corrections” in step 2",
};

const whyKind: Record<ImportPreview["newStakeholders"][number]["basis"], string> = {
  named: "chosen here",
  column: "from the file’s kind column",
  country: "a country",
  "not a country": "not a country",
};

const count = (n: number) => n.toLocaleString("en-GB");

/** Step 3: what the import will do, the rows in error, and the button that imports. */
export function PreviewStep({ wizard, preview }: { wizard: ImportWizardState; preview: ImportPreview }) {
  const { canCommit, running, stale } = wizard;
  const errors = preview.errors;
  return (
    <Step id="preview-heading" title="3. Preview">
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
            {counted(preview.rows, "row")}: <strong>{count(preview.counts.create)}</strong> will be created,{" "}
            <strong>{count(preview.counts.update)}</strong> updated,{" "}
            <strong>{count(preview.counts.skip)}</strong> skipped;{" "}
            <strong>{count(preview.counts.invalid)}</strong> invalid.
          </p>
          {preview.rounding.map(({ unit, amounts, rows, total }) => (
            <p key={unit} className="text-sm" data-testid="rounding">
              Rounded {count(amounts)} {unit} amounts in {count(rows)} rows to the unit’s precision; their sum
              changed by {total} {unit}.
            </p>
          ))}
          {preview.corrections.map(({ unit, rows, total }) => (
            <p key={unit} className="text-sm" data-testid="corrections">
              {counted(rows, "row")} of negative {unit} amounts {rows === 1 ? "corrects" : "correct"} the
              latest earlier row of the same stakeholders, category and unit, by {total} {unit} in all.
            </p>
          ))}
          <NewStakeholders wizard={wizard} preview={preview} />
          {(
            [
              ["Conditions", preview.newConditions],
              ["Sources", preview.newSources],
            ] as const
          ).map(([what, names]) =>
            names.length > 0 ? (
              <p key={what} className="text-sm">
                {what} that will be created: {names.join("; ")}
              </p>
            ) : null,
          )}
          {wizard.problems.total > 0 && <RowErrors wizard={wizard} errors={errors} />}
          <MissingFromRelease wizard={wizard} release={preview.release} />
          {preview.changes.length > 0 && (
            <details>
              <summary className="cursor-pointer text-sm">The rows that change something</summary>
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left">
                    <th scope="col">Row</th>
                    <th scope="col">Action</th>
                    <th scope="col">Pledge</th>
                    <th scope="col">Changes</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((change) => (
                    <tr key={change.row}>
                      <td>{change.row}</td>
                      <td>{change.action}</td>
                      <td>{change.title}</td>
                      <td>
                        <ul>
                          {change.details.map(({ field, from, to }) => (
                            <li key={field}>
                              {from === "" && to === ""
                                ? `${field} changed`
                                : `${field}: ${from || "(none)"} → ${to || "(none)"}`}
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
      {stale && (
        <p className="text-sm text-amber-800">
          The options changed: update the preview (step 1) before importing.
        </p>
      )}
      <div>
        <button
          type="button"
          className="button-primary"
          disabled={!canCommit || running}
          onClick={() => void wizard.send("commit")}
        >
          Import {counted(preview.counts.create + preview.counts.update, "pledge")}
          {preview.skipInvalid && preview.counts.invalid > 0
            ? ` and leave out ${counted(preview.counts.invalid, "invalid row")}`
            : ""}
          {preview.release.withdrawMissing && preview.release.missingCount > 0
            ? ` and record ${counted(preview.release.missingCount, "missing pledge")} as withdrawn`
            : ""}
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
  if (release.missingCount === 0) return null;
  return (
    <div className="space-y-2 text-sm" data-testid="missing-from-release">
      <p>
        <strong>{counted(release.missingCount, "pledge")}</strong> imported from{" "}
        {release.previousFiles.join(", ")} {release.missingCount === 1 ? "is" : "are"} missing from this file.
        They are kept unless you record them as withdrawn.
      </p>
      <details>
        <summary className="cursor-pointer">The missing pledges</summary>
        <ul className="list-disc pl-5">
          {release.missing.slice(0, errorsListed).map((pledge) => (
            <li key={pledge.id}>
              {pledge.title} ({pledge.externalId})
            </li>
          ))}
          {release.missingCount > errorsListed && (
            <li>… and {count(release.missingCount - errorsListed)} more</li>
          )}
        </ul>
      </details>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={wizard.withdrawMissing}
          onChange={(e) => wizard.chooseWithdrawMissing(e.target.checked)}
        />
        Record {release.missingCount === 1 ? "it" : `the ${counted(release.missingCount, "missing pledge")}`}{" "}
        as withdrawn, citing this file
      </label>
    </div>
  );
}

/** The stakeholders the import creates, each with its kind, which the analyst may change. */
function NewStakeholders({ wizard, preview }: { wizard: ImportWizardState; preview: ImportPreview }) {
  if (preview.newStakeholders.length === 0) return null;
  const chosen = wizard.mapping?.stakeholderKinds ?? {};
  return (
    <table className="text-sm">
      <caption className="text-left font-medium">
        Stakeholders that will be created ({preview.newStakeholders.length})
      </caption>
      <thead>
        <tr className="text-left">
          <th scope="col" className="pr-4">
            Name
          </th>
          <th scope="col" className="pr-4">
            Kind
          </th>
          <th scope="col">Why</th>
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
                aria-label={`Kind of ${name}`}
                className="field w-auto"
                value={chosen[name] ?? kind}
                onChange={(e) => wizard.setStakeholderKind(name, e.target.value as StakeholderKind)}
              >
                {stakeholderKinds.map((k) => (
                  <option key={k} value={k}>
                    {stakeholderKindLabels[k]}
                  </option>
                ))}
              </select>
            </td>
            <td>
              {whyKind[basis]}
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
  const { total, kinds } = wizard.problems;
  const invalidRows = wizard.preview?.counts.invalid ?? 0;
  return (
    <div className="space-y-3">
      <table className="w-full text-sm" aria-label="Problems by kind">
        <caption className="text-left font-medium text-red-700">
          {counted(total, "problem")} in {counted(invalidRows, "row")}
          {wizard.skipInvalid ? "" : "; nothing can be imported until they are fixed or left out"}.
        </caption>
        <thead>
          <tr className="text-left">
            <th scope="col">Rows</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
            <th scope="col">First rows</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={`${kind.column}|${kind.kind}`}>
              <td>{count(kind.count)}</td>
              <td>{kind.column}</td>
              <td>
                {kind.example}
                {kind.fix && (
                  <span className="block text-slate-700">To accept them: {fixWords[kind.fix]}.</span>
                )}
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
          {total > errors.length
            ? `Download the first ${count(errors.length)} problems (CSV)`
            : "Download every problem (CSV)"}
        </button>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={wizard.skipInvalid}
            onChange={(e) => wizard.chooseSkipInvalid(e.target.checked)}
          />
          Import the valid rows and leave out{" "}
          {invalidRows === 1 ? "the invalid one" : `the ${count(invalidRows)} invalid ones`}
        </label>
      </div>
      <details>
        <summary className="cursor-pointer text-sm">
          Each problem{errors.length > errorsListed ? ` (the first ${errorsListed})` : ""}
        </summary>
        <table className="w-full text-sm" aria-label="Rows with errors">
          <thead>
            <tr className="text-left">
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
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
