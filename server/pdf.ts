import "server-only";
import escapeHtml from "escape-html";
import { PDFDocument } from "pdf-lib";
import { chromium, type Browser } from "playwright-core";
import { invalid } from "@/lib/validation-message";
import { chromiumFlags } from "./chromium-flags";
import { chromiumPath } from "./env";

// PDFs are printed by headless Chromium from the app's own briefing page, so the figures and the
// chart are the dashboard's. A deployment needs a Chromium binary: Debian's `chromium` package at
// /usr/bin/chromium, or CHROMIUM_PATH pointing at one.

export class PdfUnavailableError extends Error {}

let browser: Promise<Browser> | null = null;

/** One browser per server process, launched on first use and relaunched if it goes away. */
function sharedBrowser(): Promise<Browser> {
  const path = chromiumPath();
  browser ??= chromium.launch({ executablePath: path, args: chromiumFlags }).then(
    (launched) => {
      launched.on("disconnected", () => (browser = null));
      return launched;
    },
    (error: unknown) => {
      console.error("Chromium did not start", error);
      throw new PdfUnavailableError(invalid("refusal.noChromium", { path }));
    },
  );
  browser.catch(() => (browser = null));
  return browser;
}

// Renders run one at a time: each holds a browser page and a full layout in memory.
let queue: Promise<unknown> = Promise.resolve();

/** What every printed page says besides its content: the report and its view at the top; at the foot, where it is in the report, when it was made, the address of its view. */
export interface PageFurniture {
  title: string;
  view: string;
  made: string;
  address: string;
  /** The furniture's own words, in the report's language: "Page 2 of 5", "Made …". */
  words: { page: string; of: string; made: string };
}

/** What the file says of itself, for a reader's document properties and any catalogue. */
export interface PdfMetadata {
  title: string;
  subject: string;
  author: string;
  createdAt: Date;
  /** Keywords as the document's language lists them ("Pledgewatch, pledges, ceasefire, Ukraine"). */
  keywords: string;
  /** The language the document is written in (a BCP 47 tag: "en-GB", "uk", "fr"). */
  language: string;
}

/** Chromium writes only a title (the page's) and its own name: the file's properties set anew. */
async function withMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setSubject(metadata.subject);
  document.setAuthor(metadata.author);
  // One entry: pdf-lib joins entries with spaces, which would split "припинення вогню" in two.
  document.setKeywords([metadata.keywords]);
  document.setCreator("Pledgewatch");
  document.setProducer("Pledgewatch (Chromium, pdf-lib)");
  document.setCreationDate(metadata.createdAt);
  document.setModificationDate(metadata.createdAt);
  document.setLanguage(metadata.language);
  return document.save();
}

// Chromium draws these in the margins, in their own document: sizes and colours inline. The page
// number and count are filled in by Chromium (its pageNumber and totalPages classes).
// Each part on one line, cut with an ellipsis: a margin holds one line, and page 1 says the rest.
// They keep 12 mm from the paper's edges (the page's white border is at least 10 mm all round).
const furnitureStyle =
  "font: 7.5px sans-serif; color: #334155; width: 100%; margin: 0 16mm; display: flex; gap: 4mm; white-space: nowrap; overflow: hidden";
const cut = "min-width: 0; overflow: hidden; text-overflow: ellipsis";
const headerTemplate = ({ title, view }: PageFurniture) =>
  `<div style="${furnitureStyle}; padding-top: 12mm"><strong>${escapeHtml(title)}</strong><span style="margin-left: auto; ${cut}">${escapeHtml(view)}</span></div>`;
const footerTemplate = ({ address, words }: PageFurniture) =>
  `<div style="${furnitureStyle}; padding-bottom: 12mm; align-self: flex-end"><span>${escapeHtml(words.page)} <span class="pageNumber"></span> ${escapeHtml(words.of)} <span class="totalPages"></span></span><span style="${cut}">${escapeHtml(words.made)}</span><span style="margin-left: auto; ${cut}">${escapeHtml(address)}</span></div>`;

/**
 * Prints `url` to an A4 PDF with margins and `furniture` on every page, once the expression `ready`
 * holds in the page (charts are drawn in the browser); `headers` are passed on, so the page is read
 * with the requester's rights; links are written anew at `linkOrigin`.
 */
export function printToPdf(
  url: string,
  ready: string,
  headers: Record<string, string>,
  linkOrigin: string,
  furniture: PageFurniture,
  metadata: PdfMetadata,
) {
  const job = queue.then(async () => {
    // bypassCSP: Playwright polls `ready` by evaluating it in the page, which the page's own CSP
    // (no 'unsafe-eval') refuses whenever the page is not ready at the first look (a busy server).
    // The printer reads only this server's own pages.
    const context = await (await sharedBrowser()).newContext({ extraHTTPHeaders: headers, bypassCSP: true });
    try {
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: "networkidle", timeout: 30_000 });
      if (!response?.ok()) throw new Error(`the briefing page answered ${response?.status()}`);
      await page.waitForFunction(ready, undefined, { timeout: 15_000 });
      // The page was read at an internal address (the renderer's); its links must lead readers to the site.
      await page.evaluate((origin) => {
        for (const link of document.querySelectorAll<HTMLAnchorElement>("a[href]")) {
          const href = link.getAttribute("href")!;
          link.href = href.startsWith("#") ? href : new URL(href, origin).href;
          // An address shown in full says the final one.
          if (link.hasAttribute("data-href-text")) link.textContent = link.href;
        }
      }, linkOrigin);
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        margin: { top: "22mm", bottom: "22mm", left: "16mm", right: "16mm" },
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(furniture),
        footerTemplate: footerTemplate(furniture),
      });
      return await withMetadata(pdf, metadata);
    } finally {
      await context.close();
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
