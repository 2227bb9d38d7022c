"use client";

import { useLocale, useTranslations } from "next-intl";
import { localeHeader } from "@/i18n/locale-header";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";

const accepted =
  ".txt,.md,.markdown,.html,.htm,.pdf,.docx,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const maxBytes = 10 * 1024 * 1024;
/** What a web address begins with, shown in its empty field. */
const urlExample = "https://";

/**
 * Takes in a source: a pasted text or a file (text, Markdown, HTML, PDF or Word, up to 10 MB) with
 * what is known of it; what is left empty is suggested from the document. Sent to POST
 * /api/v1/intake; the review queue opens when it is read.
 */
export function IntakeForm() {
  const t = useTranslations("intake.form");
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Sent by the browser itself, before the page is interactive, the text would go in the address.
  const ready = useHydrated();
  const errorRef = useRef<HTMLParagraphElement>(null);

  const fail = (message: string) => {
    setError(message);
    setBusy(false);
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    const pasted = String(form.get("text") ?? "");
    const chosen = file instanceof File && file.size > 0 ? file : null;
    if (!chosen && !pasted.trim()) return fail(t("nothingGiven"));
    if (chosen && pasted.trim()) return fail(t("bothGiven"));
    if (chosen && chosen.size > maxBytes) return fail(t("tooLarge"));
    const query = new URLSearchParams();
    for (const name of ["title", "publisher", "url", "publishedOn"]) {
      const value = String(form.get(name) ?? "").trim();
      if (value) query.set(name, value);
    }
    if (chosen) query.set("fileName", chosen.name);
    setError(null);
    setBusy(true);
    let response: Response;
    try {
      response = await fetch(`/api/v1/intake?${query}`, {
        method: "POST",
        headers: {
          "content-type": chosen ? chosen.type || "application/octet-stream" : "text/plain;charset=utf-8",
          // A refusal reads in the page's language.
          [localeHeader]: locale,
        },
        body: chosen ?? new Blob([pasted], { type: "text/plain;charset=utf-8" }),
      });
    } catch {
      return fail(t("unreachable"));
    }
    const body = (await response.json().catch(() => null)) as {
      address?: string;
      existing?: boolean;
      error?: { message?: string };
    } | null;
    if (!response.ok || !body?.address) {
      return fail(body?.error?.message ?? t("failed", { status: response.status }));
    }
    router.push(body.existing ? `${body.address}?existing=1` : body.address);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-describedby="intake-help">
      {error && (
        <p
          ref={errorRef}
          tabIndex={-1}
          role="alert"
          className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {error}
        </p>
      )}
      <p id="intake-help" className="note">
        {t("help")}
      </p>
      <div className="space-y-1">
        <label htmlFor="intake-text" className="block text-sm font-medium">
          {t("paste")}
        </label>
        <textarea id="intake-text" name="text" rows={8} className="field font-mono" />
      </div>
      <div className="space-y-1">
        <label htmlFor="intake-file" className="block text-sm font-medium">
          {t("file")}
        </label>
        <input
          id="intake-file"
          name="file"
          type="file"
          accept={accepted}
          className="block text-sm"
          aria-describedby="intake-file-hint"
        />
        <p id="intake-file-hint" className="note">
          {t("fileHint")}
        </p>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">{t("about")}</legend>
        <div className="space-y-1">
          <label htmlFor="intake-title" className="block text-sm">
            {t("title")}
          </label>
          <input id="intake-title" name="title" maxLength={300} className="field" />
        </div>
        <div className="space-y-1">
          <label htmlFor="intake-publisher" className="block text-sm">
            {t("publisher")}
          </label>
          <input id="intake-publisher" name="publisher" maxLength={200} className="field" />
        </div>
        <div className="space-y-1">
          <label htmlFor="intake-url" className="block text-sm">
            {t("url")}
          </label>
          <input id="intake-url" name="url" type="url" className="field" placeholder={urlExample} />
        </div>
        <div className="space-y-1">
          <label htmlFor="intake-published" className="block text-sm">
            {t("publishedOn")}
          </label>
          <input id="intake-published" name="publishedOn" type="date" className="field" />
        </div>
      </fieldset>
      <button type="submit" className="button-primary" disabled={busy || !ready} aria-live="polite">
        {busy ? t("reading") : t("read")}
      </button>
    </form>
  );
}
