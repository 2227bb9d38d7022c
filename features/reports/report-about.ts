import "server-only";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { loadViewNames } from "./queries";
import { defaultMetric, type FigureView } from "@/features/figures";
import { countingRules, exportFileName, madeWords, viewLines, viewSearch } from "@/lib/rules/report-view";

/** A line of "About this report": a label and its text, and where it leads when it is an address. */
export interface AboutLine {
  label: string;
  text: string;
  /** A path in the app ("/pledges?stakeholder=france"), the text being its full address. */
  href?: string;
}

export interface ReportAbout {
  lines: AboutLine[];
  /** The view on one line, for a page's running header. */
  viewWords: string;
  /** When and by whom it was made. */
  made: string;
  /** The full address of the same view in the app. */
  address: string;
  /** How the figures are counted, a sentence each. */
  counting: string[];
  /** Where every rule is set out at length. */
  methodology: { text: string; href: string };
}

/**
 * What a report says of itself on its first page or sheet: its view in words, when and by whom it
 * was made, the addresses of the same view in the app (at `origin`), and the counting rules.
 */
export async function reportAbout(
  view: FigureView,
  made: { at: Date; by: string | null; origin: string },
  locale: Locale = "en",
): Promise<ReportAbout> {
  const t = translator(locale);
  const names = await loadViewNames(view.selection);
  const at = (path: string, search: string) => {
    const href = search ? `${path}?${search}` : path;
    return { text: `${made.origin}${href}`, href };
  };
  const words = viewLines(view, names, locale);
  const same = at("/dashboard/briefing", viewSearch(view, defaultMetric));
  return {
    viewWords: words.map(({ label, text }) => t("report.line", { label, text })).join(" · "),
    made: madeWords(made.at, made.by, locale),
    address: same.text,
    lines: [
      ...words,
      { label: t("report.made"), text: madeWords(made.at, made.by, locale) },
      { label: t("report.sameView"), ...same },
      // The list has no metric: the same pledges in any unit.
      {
        label: t("report.itsPledges"),
        ...at("/pledges", viewSearch({ ...view, metric: defaultMetric }, defaultMetric)),
      },
    ],
    counting: countingRules(locale),
    methodology: at("/methodology", ""),
  };
}

/** A report's file name: what it holds, its view, the day it was made. */
export const reportFileName = (what: string, extension: string, madeAt: Date, view?: FigureView) =>
  exportFileName(what, extension, madeAt, view, defaultMetric);
