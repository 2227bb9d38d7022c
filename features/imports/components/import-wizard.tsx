"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import {
  importFieldLabels,
  importFields,
  importLimits,
  valueChoiceLabels,
  type ImportField,
  type ValueMappedField,
} from "../fields";
import type { ImportOutcome, ImportPreview, ImportProgress, ImportStreamEvent } from "../run-import";
import type { SavedMapping } from "../schemas";

// The browser only sends the file: reading, checking and writing happen on the server, which
// streams progress back, so a 50,000-row file never freezes the page.

const accepted = /\.(csv|xlsx|txt|tsv)$/i;

type Phase =
  | { kind: "idle" }
  | { kind: "running"; action: "preview" | "commit"; progress: ImportProgress | null }
  | { kind: "failed"; message: string };

interface SavedMappingOption {
  name: string;
  mapping: SavedMapping | null;
}

function progressText(progress: ImportProgress | null, fileSize: number): [number | null, string] {
  if (!progress) return [0, "Sending the file…"];
  switch (progress.phase) {
    case "reading":
      return [progress.bytes / fileSize, `Read ${progress.rows.toLocaleString("en-GB")} rows`];
    case "planning":
      return [null, `Checking ${progress.rows.toLocaleString("en-GB")} rows against the database…`];
    case "writing":
      return [
        progress.done / progress.total,
        `Written ${progress.done.toLocaleString("en-GB")} of ${progress.total.toLocaleString("en-GB")}`,
      ];
  }
}

export function ImportWizard({ savedMappings }: { savedMappings: SavedMappingOption[] }) {
  const [file, setFile] = useState<File | null>(null);
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const [mapping, setMapping] = useState<SavedMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [errorsTotal, setErrorsTotal] = useState(0);
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [stale, setStale] = useState(false);
  const [mappings, setMappings] = useState(savedMappings);
  const [mappingName, setMappingName] = useState("");
  const [saveMessage, setSaveMessage] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  function chooseFile(chosen: File | null) {
    setPreview(null);
    setResult(null);
    setPhase({ kind: "idle" });
    setFileMessage(null);
    if (!chosen) return setFile(null);
    if (chosen.size > importLimits.maxBytes) {
      setFile(null);
      return setFileMessage(
        `${chosen.name} is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; one import takes at most 32 MB. Split the file.`,
      );
    }
    if (!accepted.test(chosen.name)) {
      setFile(null);
      return setFileMessage(`${chosen.name} is not a spreadsheet: choose a CSV or XLSX file.`);
    }
    setFile(chosen);
  }

  async function send(action: "preview" | "commit") {
    if (!file) return;
    setPhase({ kind: "running", action, progress: null });
    setResult(null);
    const query = new URLSearchParams({ fileName: file.name, mode: action });
    if (mapping) query.set("mapping", JSON.stringify(mapping));
    if (action === "commit" && preview) query.set("expect", preview.digest);
    try {
      const response = await fetch(`/api/v1/imports?${query}`, {
        method: "POST",
        body: file,
        headers: { "content-type": "application/octet-stream" },
      });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        return setPhase({
          kind: "failed",
          message: body?.error?.message ?? `The server answered ${response.status}.`,
        });
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        buffered += next.value;
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line) as ImportStreamEvent;
          if (event.type === "progress") {
            setPhase({ kind: "running", action, progress: event });
          } else if (event.type === "error") {
            setPhase({ kind: "failed", message: event.message });
            return;
          } else {
            setPreview(event.outcome.preview);
            setMapping(event.outcome.preview.mapping);
            setErrorsTotal(event.errorsTotal);
            setStale(false);
            setResult(event.outcome.kind === "preview" ? null : event.outcome);
            setPhase({ kind: "idle" });
            requestAnimationFrame(() => resultRef.current?.focus());
          }
        }
      }
    } catch {
      setPhase({
        kind: "failed",
        message: "The upload was interrupted. Check the connection and try again.",
      });
    }
  }

  function setColumn(header: string, field: ImportField | "") {
    if (!mapping) return;
    const columns = { ...mapping.columns };
    if (field) columns[header] = field;
    else delete columns[header];
    setMapping({ ...mapping, columns });
    setStale(true);
  }

  function setValue(field: ValueMappedField, value: string, target: string) {
    if (!mapping) return;
    const values = { ...mapping.values, [field]: { ...mapping.values[field] } };
    if (target) values[field]![value] = target;
    else delete values[field]![value];
    setMapping({ ...mapping, values });
    setStale(true);
  }

  async function saveMapping() {
    if (!mapping) return;
    setSaveMessage(null);
    const response = await fetch("/api/v1/import-mappings", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: mappingName, mapping }),
    });
    const body = (await response.json()) as { error?: { message: string } };
    if (!response.ok) return setSaveMessage(body.error?.message ?? "The mapping could not be saved.");
    setMappings([
      ...mappings.filter((m) => m.name !== mappingName.trim()),
      { name: mappingName.trim(), mapping },
    ]);
    setSaveMessage(`Saved as “${mappingName.trim()}”.`);
  }

  const running = phase.kind === "running";
  const [fraction, label] = running ? progressText(phase.progress, file?.size || 1) : [null, ""];
  const canCommit =
    preview &&
    !stale &&
    preview.problems.length === 0 &&
    errorsTotal === 0 &&
    preview.counts.create + preview.counts.update > 0;

  return (
    <div className="space-y-6">
      <section
        aria-labelledby="file-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="file-heading" className="text-base font-semibold">
          1. Choose a file
        </h2>
        <div className="flex flex-wrap items-end gap-4">
          <label className="block text-sm">
            <span className="font-medium">Spreadsheet (CSV or XLSX, up to 32 MB)</span>
            <input
              type="file"
              accept=".csv,.xlsx,.tsv,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
              className="mt-1 block text-sm"
            />
          </label>
          {mappings.length > 0 && (
            <label className="block text-sm">
              <span className="font-medium">Saved mapping</span>
              <select
                className="mt-1 block field w-auto"
                defaultValue=""
                onChange={(e) => {
                  const chosen = mappings.find((m) => m.name === e.target.value);
                  setMapping(chosen?.mapping ?? null);
                  setStale(Boolean(preview));
                }}
              >
                <option value="">Propose from the headers</option>
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
            onClick={() => void send("preview")}
          >
            {preview ? "Update preview" : "Preview"}
          </button>
        </div>
        {fileMessage && (
          <p role="alert" className="text-sm text-red-700">
            {fileMessage}
          </p>
        )}
        {running && (
          <div className="space-y-1" aria-live="polite">
            <progress
              className="h-3 w-full"
              aria-label={phase.action === "commit" ? "Import progress" : "Preview progress"}
              max={1}
              {...(fraction === null ? {} : { value: Math.min(1, fraction) })}
            />
            <p className="text-sm text-slate-700">{label}</p>
          </div>
        )}
        {phase.kind === "failed" && (
          <p role="alert" className="text-sm text-red-700">
            {phase.message}
          </p>
        )}
      </section>

      {preview && mapping && (
        <div ref={resultRef} tabIndex={-1} className="space-y-6 outline-none">
          {result?.kind === "committed" && (
            <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm">
              {result.result.created + result.result.updated === 0
                ? "Nothing to change: the database already matches the file."
                : `Imported ${result.result.created} new and ${result.result.updated} updated pledges from ${preview.fileName}.`}{" "}
              <Link href="/pledges" className="link">
                See the pledges
              </Link>
            </p>
          )}
          {result?.kind === "conflict" && (
            <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
              {result.message}
            </p>
          )}

          <section
            aria-labelledby="mapping-heading"
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id="mapping-heading" className="text-base font-semibold">
              2. Check the columns
            </h2>
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
                <legend className="font-medium">
                  Values of {importFieldLabels[field as ValueMappedField]}
                </legend>
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
                onClick={() => void saveMapping()}
              >
                Save mapping
              </button>
              {saveMessage && (
                <p role="status" className="text-sm">
                  {saveMessage}
                </p>
              )}
            </div>
            {stale && (
              <p className="text-sm text-amber-800">
                The mapping changed: update the preview before importing.
              </p>
            )}
          </section>

          <section
            aria-labelledby="preview-heading"
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id="preview-heading" className="text-base font-semibold">
              3. Preview
            </h2>
            {preview.problems.length > 0 ? (
              <ul role="alert" className="list-disc pl-5 text-sm text-red-700">
                {preview.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : (
              <>
                <p className="text-sm" data-testid="import-counts">
                  {preview.rows.toLocaleString("en-GB")} rows: <strong>{preview.counts.create}</strong> will
                  be created, <strong>{preview.counts.update}</strong> updated,{" "}
                  <strong>{preview.counts.skip}</strong> skipped; <strong>{preview.counts.invalid}</strong>{" "}
                  invalid.
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
                      {errorsTotal > preview.errors.length
                        ? ` (the first ${preview.errors.length} are shown)`
                        : ""}
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
              onClick={() => void send("commit")}
            >
              Import {preview.counts.create + preview.counts.update} pledges
            </button>
          </section>
        </div>
      )}
    </div>
  );
}
