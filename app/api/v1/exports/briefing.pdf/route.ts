import { ApiError, apiRoute, notNow, parseQuery } from "@/server/http";
import { checkScenario, figureViewOf } from "@/features/figures";
import { attachment, reportAbout, reportFileName } from "@/features/reports";
import { internalOrigin, publicOrigin } from "@/server/env";
import { PdfUnavailableError, printToPdf } from "@/server/pdf";
import { keyedSlots, slotKey } from "@/server/slots";
import { briefingPdfParams, sinceProblem } from "@/features/reports/schemas";

// The briefing is on the page, and its chart drawn if it has one. Charts draw when near the screen
// or on "beforeprint" (ChartFrame), which each look announces: below the fold, they wait for it.
const briefingReady = `window.dispatchEvent(new Event("beforeprint")) &&
  document.querySelector('[data-testid="briefing"]') !== null &&
  (document.querySelector('[data-testid="gap-chart"]') === null ||
   document.querySelector('[data-testid="gap-chart"] svg.recharts-surface') !== null)`;

// Each print holds a browser page: at most 2 waiting or printing per person, 8 in all per server.
const pdfSlots = keyedSlots(2, 8);

export const GET = apiRoute("read", async (request: Request, _context: unknown, principal) => {
  const { since, ...params } = parseQuery(briefingPdfParams, request);
  const view = figureViewOf(params);
  const { time, selection } = view;
  await checkScenario(selection.assume, time);
  // The page would refuse a bad starting date for "what changed": said here, as a 400.
  const problem = since && sinceProblem(since, time.asOf ?? new Date());
  if (problem) throw new ApiError(400, problem, { params: [{ param: "since", message: problem }] });

  // The briefing page on this very server, with the same parameters. Never the request's own
  // address: its Host header is the client's to choose, and Chromium would print whatever it names.
  const origin = internalOrigin();
  const page = new URL(`/dashboard/briefing${new URL(request.url).search}`, origin);
  const passOn: Record<string, string> = {};
  for (const name of ["cookie", "authorization"]) {
    const value = request.headers.get(name);
    if (value) passOn[name] = value;
  }
  const release = pdfSlots.take(slotKey(principal, request));
  if (release === "yours") {
    throw notNow("Two of your briefings are being printed already: wait for them, then ask again.", 429);
  }
  if (release === "full")
    throw notNow("The server is printing as many briefings as it can. Try again shortly.");
  try {
    // Links lead to the site's public address, else to the address this request was sent to.
    const linkOrigin = publicOrigin() ?? new URL(request.url).origin;
    const madeAt = new Date();
    const about = await reportAbout(view, {
      at: madeAt,
      by: principal?.name ?? null,
      origin: linkOrigin,
    });
    const pdf = await printToPdf(
      page.toString(),
      briefingReady,
      passOn,
      linkOrigin,
      {
        title: "Pledgewatch briefing",
        view: about.viewWords,
        made: about.made,
        address: about.address,
      },
      {
        title: `Pledgewatch briefing: ${about.viewWords}`,
        subject: "Pledges for a multinational force to secure a ceasefire in Ukraine, against what is needed",
        author: principal?.name ? `${principal.name}, through Pledgewatch` : "Pledgewatch",
        createdAt: madeAt,
        keywords: ["Pledgewatch", "pledges", "ceasefire", "Ukraine"],
      },
    );
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": attachment(reportFileName("briefing", "pdf", madeAt, view)),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw new ApiError(503, error.message);
    throw error;
  } finally {
    release();
  }
});
