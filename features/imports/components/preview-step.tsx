"use client";

import { Step } from "./step";
import type { ImportPreview } from "../run-import";
import type { ImportWizardState } from "./use-import";

/** Step 3: what the import will do, the rows in error, and the button that imports. */
export function PreviewStep({ wizard, preview }: { wizard: ImportWizardState; preview: ImportPreview }) {
  const { errorsTotal, canCommit, running } = wizard;
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
          <p className="text-sm" data-testid="import-counts">
            {preview.rows.toLocaleString("en-GB")} rows: <strong>{preview.counts.create}</strong> will be
            created, <strong>{preview.counts.update}</strong> updated, <strong>{preview.counts.skip}</strong>{" "}
            skipped; <strong>{preview.counts.invalid}</strong> invalid.
          </p>
          {(
            [
              ["Stakeholders", preview.newStakeholders],
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
          {errorsTotal > 0 && (
            <table className="w-full text-sm" aria-label="Rows with errors">
              <caption className="text-left font-medium text-red-700">
                {errorsTotal} problems; nothing can be imported until they are fixed
                {errorsTotal > preview.errors.length ? ` (the first ${preview.errors.length} are shown)` : ""}
                .
              </caption>
              <thead>
                <tr className="text-left">
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((error, i) => (
                  <tr key={i}>
                    <td>{error.row}</td>
                    <td>{error.column}</td>
                    <td>{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
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
                      <td>{change.changed.join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </>
      )}
      <button
        type="button"
        className="button-primary"
        disabled={!canCommit || running}
        onClick={() => void wizard.send("commit")}
      >
        Import {preview.counts.create + preview.counts.update} pledges
      </button>
    </Step>
  );
}
