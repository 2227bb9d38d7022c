import "server-only";
import { listSourceRecords } from "@/features/api/queries";
import { loadKnownFigures, type FigureView } from "@/features/figures";
import { streamPledges } from "@/features/pledges/queries";
import { streamStatusHistory } from "./queries";
import { reportAbout } from "./report-about";
import type { Locale } from "@/i18n/locales";

/**
 * Everything the workbook and the data package are written from: the view's figures (computed
 * before the download starts, so that a bad scenario is still a 400), its pledges and status
 * history as streams, the sources, and what the report says of itself.
 */
export async function loadReportInput(
  view: FigureView,
  made: { by: string | null; origin: string },
  /** The language of the workbook's words (the data package's are English). */
  locale: Locale = "en",
) {
  const figures = await loadKnownFigures(view);
  const madeAt = new Date();
  const [about, sources] = await Promise.all([
    reportAbout(view, { at: madeAt, ...made }, locale),
    listSourceRecords(),
  ]);
  return {
    figures,
    pledges: streamPledges(view.selection, view.time),
    history: streamStatusHistory(view.time, view.selection),
    sources,
    madeAt,
    about,
    locale,
  };
}
