import type { useTranslations } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { intlLocale } from "@/lib/rules/units";
import type { ImportProgress } from "../run-import";

// The words of a running preview or import's progress. Browser code: it holds no catalog, the
// component hands it the "imports.progress" words (useTranslations) and the reader's language.

/** How much of the file's bytes the browser has sent. */
export interface Sent {
  loaded: number;
  total: number;
}

/** The "imports.progress" messages, as useTranslations gives them. */
export type ProgressWords = ReturnType<typeof useTranslations<"imports.progress">>;

/**
 * Bytes in megabytes of 1,048,576, as the reader's language writes them: "4.0 MB", "4,0 Mo" (one
 * decimal unless `decimals` says otherwise); without `unit`, the number alone ("4.0").
 */
export function megabytes(bytes: number, locale: Locale, { unit = true, decimals = 1 } = {}): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    ...(unit ? { style: "unit", unit: "megabyte", unitDisplay: "short" } : {}),
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(bytes / 1_048_576);
}

/**
 * How far a running preview or import is: a fraction (null while it cannot be told) and words.
 * While the file is on its way, how much of it has been sent (the server reads it as it arrives).
 */
export function progressText(
  t: ProgressWords,
  locale: Locale,
  progress: ImportProgress | null,
  fileSize: number,
  sent: Sent | null = null,
): [number | null, string] {
  if (sent && sent.loaded < sent.total) {
    const sizes = {
      sent: megabytes(sent.loaded, locale, { unit: false }),
      size: megabytes(sent.total, locale),
    };
    return [
      sent.loaded / sent.total,
      progress?.phase === "reading"
        ? t("sendingRead", { ...sizes, rows: progress.rows })
        : t("sending", sizes),
    ];
  }
  if (!progress) return sent ? [null, t("sent")] : [0, t("starting")];
  switch (progress.phase) {
    case "reading":
      return [progress.bytes / fileSize, t("reading", { rows: progress.rows })];
    case "planning":
      return [null, t("planning", { rows: progress.rows })];
    case "writing":
      return [progress.done / progress.total, t("writing", { done: progress.done, total: progress.total })];
  }
}
