"use client";

import { useLocale, useTranslations } from "next-intl";
import { localeHeader } from "@/i18n/locale-header";
import { formatSize } from "@/lib/format";
import { useState, type MouseEvent } from "react";

interface ExportLinksProps {
  /** The view's query string (filters, date, scenario, metric), without "?"; exports honour it. */
  query: string;
}

/** Each export: its words in the catalog ("exports" namespace) and its address. */
const exportsFor = (query: string) => {
  const suffix = query ? `?${query}` : "";
  return [
    { label: "csv", title: "csvTitle", href: `/api/v1/exports/pledges.csv${suffix}` },
    { label: "excel", title: "excelTitle", href: `/api/v1/exports/report.xlsx${suffix}` },
    { label: "pdf", title: "pdfTitle", href: `/api/v1/exports/briefing.pdf${suffix}` },
    { label: "package", title: "packageTitle", href: `/api/v1/exports/datapackage.zip${suffix}` },
    { label: "dataset", title: "datasetTitle", href: "/api/v1/exports/dataset.json" },
  ] as const;
};

function fileNameOf(response: Response, fallback: string) {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? fallback;
}

/**
 * Download links for the current view. Plain links work without JavaScript; with it, the download
 * shows its progress (bytes received) and a failure says why instead of saving an error as a file.
 */
export function ExportLinks({ query }: ExportLinksProps) {
  const t = useTranslations("exports");
  const locale = useLocale();
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function download(event: MouseEvent<HTMLAnchorElement>, href: string, label: string) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setStatus({ text: t("preparing", { label }) });
    try {
      // Named, so that a refusal, and the file itself, read in the page's language.
      const response = await fetch(href, { headers: { [localeHeader]: locale } });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? t("serverAnswered", { status: response.status }));
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.byteLength;
        setStatus({ text: t("downloading", { label, size: formatSize(received, locale) }) });
      }
      const name = fileNameOf(response, href.split("/").pop()!.split("?")[0]!);
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("content-type") ?? "" }));
      const link = Object.assign(document.createElement("a"), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ text: t("saved", { name, size: formatSize(received, locale) }) });
    } catch (error) {
      setStatus({ text: t("failed", { label, reason: (error as Error).message }), error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="no-print flex flex-wrap items-center gap-x-4 gap-y-2 text-sm" data-testid="exports">
      <span className="font-medium text-slate-700">{t("label")}</span>
      {exportsFor(query).map(({ label, title, href }) => (
        <a
          key={label}
          href={href}
          title={t(title)}
          className="link"
          aria-disabled={busy}
          onClick={(event) => void download(event, href, t(label))}
        >
          {t(label)}
        </a>
      ))}
      <p
        role="status"
        aria-live="polite"
        className={`w-full ${status?.error ? "text-red-800" : "text-slate-700"}`}
        data-testid="export-status"
      >
        {status?.text}
      </p>
    </div>
  );
}
