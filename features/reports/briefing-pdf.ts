import "server-only";
import type { FigureView } from "@/features/figures";
import { internalOrigin } from "@/server/env";
import { printToPdf } from "@/server/pdf";
import { reportAbout } from "./report-about";

// The briefing is on the page, and its chart drawn if it has one. Charts draw when near the screen
// or on "beforeprint" (ChartFrame), which each look announces: below the fold, they wait for it.
const briefingReady = `window.dispatchEvent(new Event("beforeprint")) &&
  document.querySelector('[data-testid="briefing"]') !== null &&
  (document.querySelector('[data-testid="gap-chart"]') === null ||
   document.querySelector('[data-testid="gap-chart"] svg.recharts-surface') !== null)`;

/**
 * The briefing of a view as a PDF: the briefing page on this very server with the query `search`,
 * read with the requester's `credentials` (cookie or authorization, passed on), its links leading to
 * `linkOrigin`. Never the request's own address: its Host header is the client's to choose, and
 * Chromium would print whatever it names. Throws PdfUnavailableError without a browser.
 */
export async function printBriefing(
  view: FigureView,
  search: string,
  made: { at: Date; by: string | null; linkOrigin: string; credentials: Record<string, string> },
) {
  const page = new URL(`/dashboard/briefing${search ? `?${search}` : ""}`, internalOrigin());
  const about = await reportAbout(view, { at: made.at, by: made.by, origin: made.linkOrigin });
  return printToPdf(
    page.toString(),
    briefingReady,
    made.credentials,
    made.linkOrigin,
    { title: "Pledgewatch briefing", view: about.viewWords, made: about.made, address: about.address },
    {
      title: `Pledgewatch briefing: ${about.viewWords}`,
      subject: "Pledges for a multinational force to secure a ceasefire in Ukraine, against what is needed",
      author: made.by ? `${made.by}, through Pledgewatch` : "Pledgewatch",
      createdAt: made.at,
      keywords: ["Pledgewatch", "pledges", "ceasefire", "Ukraine"],
    },
  );
}
