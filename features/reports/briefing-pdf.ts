import "server-only";
import type { FigureView } from "@/features/figures";
import { localeHeader } from "@/i18n/locale-header";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { intlLocale } from "@/lib/rules/units";
import { rendererOrigin } from "@/server/env";
import { printToPdf } from "@/server/pdf";
import { reportAbout } from "./report-about";

// The briefing is on the page, and its chart drawn if it has one. Charts draw when near the screen
// or on "beforeprint" (ChartFrame), which each look announces: below the fold, they wait for it.
const briefingReady = `window.dispatchEvent(new Event("beforeprint")) &&
  document.querySelector('[data-testid="briefing"]') !== null &&
  (document.querySelector('[data-testid="gap-chart"]') === null ||
   document.querySelector('[data-testid="gap-chart"] svg.recharts-surface') !== null)`;

/**
 * The briefing of a view as a PDF: the briefing page on this very server with the query `search`
 * (rendered by its renderer process, off the thread that answers readers: server/renderer.mjs),
 * read with the requester's `credentials` (cookie or authorization, passed on), its links leading to
 * `linkOrigin`. Never the request's own address: its Host header is the client's to choose, and
 * Chromium would print whatever it names. Throws PdfUnavailableError without a browser.
 */
export async function printBriefing(
  view: FigureView,
  search: string,
  made: {
    at: Date;
    by: string | null;
    linkOrigin: string;
    credentials: Record<string, string>;
    /** The language it is written in: its requester's, or English for a release. */
    locale: Locale;
  },
) {
  const t = translator(made.locale);
  const page = new URL(`/dashboard/briefing${search ? `?${search}` : ""}`, rendererOrigin());
  const about = await reportAbout(view, { at: made.at, by: made.by, origin: made.linkOrigin }, made.locale);
  return printToPdf(
    page.toString(),
    briefingReady,
    // The page is read in the report's language, whatever the requester's cookie or account say.
    { ...made.credentials, [localeHeader]: made.locale },
    made.linkOrigin,
    {
      title: t("report.briefing"),
      view: about.viewWords,
      made: about.made,
      address: about.address,
      words: {
        page: t("report.pdfPage"),
        of: t("report.pdfOf"),
        made: t("report.pdfMade", { when: about.made }),
      },
    },
    {
      title: t("report.pdfTitle", { view: about.viewWords }),
      subject: t("report.pdfSubject"),
      author: made.by ? t("report.pdfAuthor", { name: made.by }) : "Pledgewatch",
      createdAt: made.at,
      keywords: t("report.pdfKeywords"),
      language: intlLocale(made.locale),
    },
  );
}
