import { conditionsBadParams } from "@/features/reports/api-errors";
import { attachment, exportFileName } from "@/features/reports/exports/file-name";
import { checkScenario, figureParams, figureViewOf } from "@/features/figures";
import { apiError, parseQuery } from "@/server/api";
import { guarded } from "@/server/access";
import { internalOrigin, publicOrigin } from "@/server/env";
import { PdfUnavailableError, printToPdf } from "@/server/pdf";
import { keyedSlots, slotKey } from "@/server/slots";

// The briefing is on the page, and its chart drawn if it has one.
const briefingReady = `document.querySelector('[data-testid="briefing"]') !== null &&
  (document.querySelector('[data-testid="gap-chart"]') === null ||
   document.querySelector('[data-testid="gap-chart"] svg.recharts-surface') !== null)`;

// Each print holds a browser page: at most 2 waiting or printing per person, 8 in all per server.
const pdfSlots = keyedSlots(2, 8);

export const GET = guarded("read", async (request: Request, _context: unknown, principal) => {
  const parsed = parseQuery(figureParams, request);
  if (!parsed.ok) return parsed.response;
  const { time } = figureViewOf(parsed.data);
  const checked = await checkScenario(parsed.data.assume, time).catch(conditionsBadParams);
  if (checked instanceof Response) return checked;

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
    return apiError(
      429,
      "Two of your briefings are being printed already: wait for them, then ask again.",
      undefined,
      {
        "retry-after": "10",
      },
    );
  }
  if (release === "full") {
    return apiError(
      503,
      "The server is printing as many briefings as it can. Try again shortly.",
      undefined,
      {
        "retry-after": "10",
      },
    );
  }
  try {
    // Links lead to the site's public address, else to the address this request was sent to.
    const linkOrigin = publicOrigin() ?? new URL(request.url).origin;
    const pdf = await printToPdf(page.toString(), briefingReady, passOn, linkOrigin);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": attachment(exportFileName("briefing", "pdf", new Date(), time)),
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof PdfUnavailableError) return apiError(503, error.message);
    throw error;
  } finally {
    release();
  }
});
