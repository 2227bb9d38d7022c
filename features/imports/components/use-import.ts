"use client";

import { useLocale, useTranslations } from "next-intl";
import { localeHeader } from "@/i18n/locale-header";
import type { Locale } from "@/i18n/locales";
import { useRef, useState } from "react";
import type { StakeholderKind } from "@/lib/rules/vocabulary";
import { importLimits, type ImportField, type ValueMappedField } from "../fields";
import { problemsCsv, type ErrorKind } from "../error-summary";
import type { RowError } from "../rows";
import type { ImportOutcome, ImportPreview, ImportProgress, ImportStreamEvent } from "../run-import";
import type { SavedMapping } from "../schemas";
import { megabytes, type Sent } from "./progress-text";

// The import wizard's state and what the person can do with it. The browser only sends the file:
// reading, checking and writing happen on the server, which streams progress back, so a 50,000-row
// file never freezes the page.

const accepted = /\.(csv|xlsx|txt|tsv)$/i;

export type Phase =
  | { kind: "idle" }
  | { kind: "running"; action: "preview" | "commit"; sent: Sent | null; progress: ImportProgress | null }
  | { kind: "failed"; message: string };

export interface SavedMappingOption {
  name: string;
  mapping: SavedMapping | null;
}

/**
 * POSTs `file` to `url`, reporting the bytes sent and handing each NDJSON line of a 2xx answer to
 * `onEvent` as it arrives (until it returns false). Through XMLHttpRequest rather than fetch, which
 * cannot tell how much of a request's body has gone. Resolves with the status and the whole answer;
 * rejects when the connection fails or `signal` aborts.
 */
function postFile(
  url: string,
  locale: Locale,
  file: File,
  signal: AbortSignal,
  on: { sent(sent: Sent): void; event(event: ImportStreamEvent): boolean },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    let handled = 0; // characters of the answer already handed on
    let listening = true;
    const take = (final: boolean) => {
      if (!listening || request.status < 200 || request.status > 299) return;
      const text = request.responseText;
      const end = final ? text.length : text.lastIndexOf("\n") + 1;
      if (end <= handled) return;
      const lines = text.slice(handled, end).split("\n").filter(Boolean);
      handled = end;
      for (const line of lines) {
        if (!on.event(JSON.parse(line) as ImportStreamEvent)) {
          listening = false;
          return;
        }
      }
    };
    request.open("POST", url);
    request.setRequestHeader("content-type", "application/octet-stream");
    // The server's words (a refusal, the last word of the stream) in the page's language.
    request.setRequestHeader(localeHeader, locale);
    request.upload.onprogress = (e) =>
      on.sent({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    request.onprogress = () => take(false);
    request.onload = () => {
      take(true);
      resolve({ status: request.status, text: request.responseText });
    };
    // Never shown: send() tells the person the upload was interrupted, in their language.
    request.onerror = () => reject(new Error("The connection failed."));
    request.onabort = () => reject(new DOMException("Cancelled", "AbortError"));
    signal.addEventListener("abort", () => request.abort(), { once: true });
    request.send(file);
  });
}

/** The error an API answer carries, if it is one. */
function parsedError(text: string): { error?: { message?: string } } | null {
  try {
    return JSON.parse(text) as { error?: { message?: string } };
  } catch {
    return null;
  }
}

export function useImport(savedMappings: SavedMappingOption[]) {
  const t = useTranslations("imports.upload");
  const saving = useTranslations("imports.mappingSave");
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const [mapping, setMapping] = useState<SavedMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [withdrawMissing, setWithdrawMissing] = useState(false);
  // Every problem counted and summarised by kind; the preview holds the first of them.
  const [problems, setProblems] = useState<{ total: number; kinds: ErrorKind[] }>({ total: 0, kinds: [] });
  const [result, setResult] = useState<ImportOutcome | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [stale, setStale] = useState(false);
  const [mappings, setMappings] = useState(savedMappings);
  // Kept here, not in the save form: a name typed once survives choosing the next file.
  const [mappingName, setMappingName] = useState("");
  const resultRef = useRef<HTMLDivElement>(null);
  // The running preview or import's request: cancelling drops it, and the server stops with it.
  const running = useRef<AbortController | null>(null);

  function chooseFile(chosen: File | null) {
    setPreview(null);
    setResult(null);
    setPhase({ kind: "idle" });
    setFileMessage(null);
    if (!chosen) return setFile(null);
    if (chosen.size > importLimits.maxBytes) {
      setFile(null);
      return setFileMessage(
        t("tooLarge", {
          file: chosen.name,
          size: megabytes(chosen.size, locale),
          max: megabytes(importLimits.maxBytes, locale, { decimals: 0 }),
        }),
      );
    }
    if (!accepted.test(chosen.name)) {
      setFile(null);
      return setFileMessage(t("notSpreadsheet", { file: chosen.name }));
    }
    setFile(chosen);
  }

  /** Handles one line of the server's answer, the row errors gathered in `errors`; false once the answer is over. */
  function onEvent(action: "preview" | "commit", event: ImportStreamEvent, errors: RowError[]): boolean {
    if (event.type === "errors") {
      errors.push(...event.errors);
      return true;
    }
    if (event.type === "progress") {
      setPhase((now) => ({
        kind: "running",
        action,
        sent: now.kind === "running" ? now.sent : null,
        progress: event,
      }));
      return true;
    }
    if (event.type === "error") {
      setPhase({ kind: "failed", message: event.message });
      return false;
    }
    setPreview({ ...event.outcome.preview, errors });
    setProblems({ total: event.errorsTotal, kinds: event.errorKinds });
    setMapping(event.outcome.preview.mapping);
    setStale(false);
    setResult(event.outcome.kind === "preview" ? null : event.outcome);
    setPhase({ kind: "idle" });
    // Focus moves to what changed: the preview, or the import's outcome above it.
    requestAnimationFrame(() => resultRef.current?.focus());
    return true;
  }

  async function send(action: "preview" | "commit") {
    if (!file) return;
    setPhase({ kind: "running", action, sent: null, progress: null });
    setResult(null);
    const query = new URLSearchParams({ fileName: file.name, mode: action });
    if (mapping) query.set("mapping", JSON.stringify(mapping));
    if (action === "commit" && preview) query.set("expect", preview.digest);
    if (skipInvalid) query.set("skipInvalid", "true");
    if (withdrawMissing) query.set("withdrawMissing", "true");
    const controller = new AbortController();
    running.current = controller;
    const errors: RowError[] = [];
    let ended = false; // the answer's last line (a result or an error) has come
    try {
      const response = await postFile(`/api/v1/imports?${query}`, locale, file, controller.signal, {
        sent: (sent) => setPhase((now) => (now.kind === "running" ? { ...now, sent } : now)),
        event: (event) => {
          ended ||= event.type === "result" || event.type === "error";
          return onEvent(action, event, errors);
        },
      });
      if (response.status < 200 || response.status > 299) {
        const body = parsedError(response.text);
        return setPhase({
          kind: "failed",
          message: body?.error?.message ?? t("serverAnswered", { status: String(response.status) }),
        });
      }
      if (!ended) {
        setPhase({
          kind: "failed",
          message: action === "commit" ? t("cutShortImport") : t("cutShortPreview"),
        });
      }
    } catch {
      setPhase({
        kind: "failed",
        message: controller.signal.aborted
          ? action === "commit"
            ? t("importCancelled")
            : t("previewCancelled")
          : t("interrupted"),
      });
    } finally {
      if (running.current === controller) running.current = null;
    }
  }

  /** Stops the running preview or import: the request is dropped, and the server frees its slot. */
  function cancel() {
    running.current?.abort();
  }

  /** A mapping edited after the preview: the preview must be updated before importing. */
  function editMapping(next: SavedMapping) {
    setMapping(next);
    setStale(true);
  }

  function setColumn(header: string, field: ImportField | "") {
    if (!mapping) return;
    const columns = { ...mapping.columns };
    if (field) columns[header] = field;
    else delete columns[header];
    // A field given a column is no longer composed from a template.
    const composed = { ...mapping.composed };
    if (field) delete composed[field];
    editMapping({ ...mapping, columns, composed });
  }

  function setValue(field: ValueMappedField, value: string, target: string) {
    if (!mapping) return;
    const values = { ...mapping.values, [field]: { ...mapping.values[field] } };
    if (target) values[field]![value] = target;
    else delete values[field]![value];
    editMapping({ ...mapping, values });
  }

  function setRound(round: boolean) {
    if (mapping) editMapping({ ...mapping, round });
  }

  function setCorrections(corrections: boolean) {
    if (mapping) editMapping({ ...mapping, corrections });
  }

  /** A template ("{Donor} {Date}") or a default for `field`; "" removes it. */
  function setDerived(kind: "composed" | "defaults", field: ImportField, text: string) {
    if (!mapping) return;
    const next = { ...mapping[kind] };
    if (text.trim()) next[field] = text.trim();
    else delete next[field];
    // A composed field is read from its template alone: a column filling it is let go.
    const columns =
      kind === "composed" && text.trim()
        ? Object.fromEntries(Object.entries(mapping.columns).filter(([, f]) => f !== field))
        : mapping.columns;
    editMapping({ ...mapping, columns, [kind]: next });
  }

  function setStakeholderKind(name: string, kind: StakeholderKind) {
    if (mapping) editMapping({ ...mapping, stakeholderKinds: { ...mapping.stakeholderKinds, [name]: kind } });
  }

  /** Choosing to leave out invalid rows changes the plan: the preview is updated before importing. */
  function chooseSkipInvalid(skip: boolean) {
    setSkipInvalid(skip);
    if (preview) setStale(true);
  }

  /** Withdrawing the pledges missing from a new release changes the plan: the preview is updated first. */
  function chooseWithdrawMissing(withdraw: boolean) {
    setWithdrawMissing(withdraw);
    if (preview) setStale(true);
  }

  /** Every problem of the preview as a CSV file (row, column, value, problem), downloaded. */
  function downloadErrors() {
    if (!preview) return;
    const csv = problemsCsv(preview.errors);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    link.download = `${preview.fileName.replace(/\.[^.]+$/, "")}-problems.csv`;
    link.click();
    // Revoked once the download has surely started.
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  function chooseSavedMapping(name: string) {
    const chosen = mappings.find((m) => m.name === name);
    setMapping(chosen?.mapping ?? null);
    setFileMessage(chosen && !chosen.mapping ? saving("unreadable", { name }) : null);
    setStale(Boolean(preview));
  }

  /** Saves the mapping under `name`; what to tell the person, saved or not. */
  async function saveMapping(name: string): Promise<string> {
    if (!mapping) return saving("nothing");
    const response = await fetch("/api/v1/import-mappings", {
      method: "POST",
      headers: { "content-type": "application/json", [localeHeader]: locale },
      body: JSON.stringify({ name, mapping }),
    });
    const body = (await response.json()) as { error?: { message: string } };
    if (!response.ok) return body.error?.message ?? saving("failed");
    setMappings([...mappings.filter((m) => m.name !== name.trim()), { name: name.trim(), mapping }]);
    return saving("saved", { name: name.trim() });
  }

  const busy = phase.kind === "running";
  const canCommit = Boolean(
    preview &&
    !stale &&
    preview.problems.length === 0 &&
    (problems.total === 0 || skipInvalid) &&
    preview.counts.create +
      preview.counts.update +
      (preview.release.withdrawMissing ? preview.release.missingCount : 0) >
      0,
  );

  return {
    file,
    fileMessage,
    mapping,
    mappings,
    preview,
    skipInvalid,
    withdrawMissing,
    problems,
    result,
    phase,
    stale,
    running: busy,
    canCommit,
    resultRef,
    mappingName,
    setMappingName,
    chooseFile,
    chooseSavedMapping,
    send,
    cancel,
    setColumn,
    setValue,
    setRound,
    setCorrections,
    setDerived,
    setStakeholderKind,
    chooseSkipInvalid,
    chooseWithdrawMissing,
    downloadErrors,
    saveMapping,
  };
}

export type ImportWizardState = ReturnType<typeof useImport>;
