import { requestLocale } from "@/i18n/locales";
import { invalid } from "@/lib/validation-message";
import { ApiError, apiRoute, credentialsOf, notNow, parseQuery } from "@/server/http";
import { checkScenario, figureViewOf } from "@/features/figures";
import { attachment, printBriefing, reportFileName } from "@/features/reports";
import { publicOrigin } from "@/server/env";
import { PdfUnavailableError } from "@/server/pdf";
import { keyedSlots, slotKey } from "@/server/slots";
import { briefingPdfParams, sinceProblem } from "@/features/reports/schemas";

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

  const release = pdfSlots.take(slotKey(principal, request));
  if (release === "yours") {
    throw notNow(invalid("refusal.briefingsYours"), 429);
  }
  if (release === "full") throw notNow(invalid("refusal.briefingsFull"));
  try {
    const madeAt = new Date();
    const pdf = await printBriefing(view, new URL(request.url).search.slice(1), {
      at: madeAt,
      by: principal?.name ?? null,
      // Links lead to the site's public address, else to the address this request was sent to.
      linkOrigin: publicOrigin() ?? new URL(request.url).origin,
      credentials: credentialsOf(request.headers),
      // The requester's language (account, cookie, browser), as their pages are in.
      locale: requestLocale(request, principal?.locale),
    });
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
