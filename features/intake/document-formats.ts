import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import mammoth from "mammoth";
import { getDocumentProxy } from "unpdf";
import yauzl from "yauzl";
import { invalid } from "@/lib/validation-message";
import { suggestedPublicationDate } from "@/lib/rules/intake/dates";

// The kinds of document intake reads, each into the plain text it stores and quotes: text and
// Markdown as they are, HTML's main text (Mozilla's Readability on linkedom's DOM; scripts are never
// run, and no markup is kept), PDF's text layer (pdf.js through unpdf) and a Word document's text
// (mammoth). Every refusal says what was wrong. HTML, PDF and Word are read on a thread of their
// own (./document-thread.ts), which is stopped when it takes too long: ./documents.ts.

export const intakeLimits = {
  /** The most a document may weigh: 10 MB. */
  maxBytes: 10 * 1024 * 1024,
  /** How long reading one may take before it is given up, waiting for a thread included. */
  readMilliseconds: 30_000,
  /** Documents read at once, each on a thread (the machine has two cores); more wait their turn. */
  readersAtOnce: 2,
  /** Documents that may wait for a thread; one more is refused at once rather than kept waiting. */
  readersWaiting: 8,
  /** The heap a reading thread may grow to: a document that needs more is refused, and the server lives on. */
  readMegabytes: 1024,
  /** Pages of a PDF read at most. */
  maxPdfPages: 2000,
  /** The longest text read for review: some 600 pages. A longer one is too long to review as one; split it. */
  maxChars: 2_000_000,
  /** What a Word document may expand to when unzipped: more is a zip bomb, not a document. */
  maxDocxExpandedBytes: 200 * 1024 * 1024,
};

export const intakeMediaTypes = {
  text: "text/plain",
  markdown: "text/markdown",
  html: "text/html",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;
export type IntakeMediaType = (typeof intakeMediaTypes)[keyof typeof intakeMediaTypes];

/** A document that cannot be read, and why, in words for the person who gave it. */
export class DocumentError extends Error {
  constructor(
    message: string,
    /** 413 for too large; 422 for anything unreadable; 503 when too many are being read already. */
    readonly status: 413 | 422 | 503 = 422,
  ) {
    super(message);
    this.name = "DocumentError";
  }
}

/** What a document says of itself, offered to the analyst to confirm. */
export interface DocumentDetails {
  title: string | null;
  publisher: string | null;
  publishedOn: Date | null;
  url: string | null;
}

export interface ReadDocument {
  text: string;
  mediaType: IntakeMediaType;
  details: DocumentDetails;
}

export const supported = invalid("refusal.documentKinds");

/** Line ends made "\n", the byte-order mark and the spaces at line ends dropped, runs of blank lines made one. */
export function tidy(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, "")
      // Control characters other than tabs and line ends: no database stores NUL in text, nor does a reader need them.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/\r\n?/g, "\n")
      // From a run's first space only: a long run is not tried again at each of its positions.
      .replace(/(?<![ \t\u00a0])[ \t\u00a0]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

/** The first line that reads as a title: short, not a list item, not a table row. */
function firstLineTitle(text: string): string | null {
  for (const line of text.split("\n").slice(0, 20)) {
    const trimmed = line.replace(/^#+\s*/, "").trim();
    if (trimmed.length >= 8 && trimmed.length <= 200 && !/^[|•*-]/.test(trimmed) && !/^\d+$/.test(trimmed))
      return trimmed;
  }
  return null;
}

export const fromText = (text: string): DocumentDetails => ({
  title: firstLineTitle(text),
  publisher: null,
  publishedOn: suggestedPublicationDate(text),
  url: null,
});

/** What kind of document the bytes are: by their signature first, then by the name and the declared type. */
export function kindOf(
  bytes: Uint8Array,
  fileName: string | null,
  declaredType: string | null,
): keyof typeof intakeMediaTypes | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString("latin1");
  if (head.startsWith("%PDF-")) return "pdf";
  if (head.startsWith("PK\u0003\u0004")) return "docx";
  const name = (fileName ?? "").toLowerCase();
  const type = (declaredType ?? "").toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || type.startsWith("text/html") || type.startsWith("application/xhtml"))
    return "html";
  if (/\.(md|markdown)$/.test(name) || type.startsWith("text/markdown")) return "markdown";
  if (/\.(pdf|docx)$/.test(name)) return null;
  return "text";
}

/** Bytes as UTF-8 text, or null when they are not text (invalid UTF-8, or control characters of a binary file). */
export function utf8Text(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const sample = text.slice(0, 65_536);
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  return controls > sample.length / 1000 + 1 ? null : text;
}

// ---- HTML ----

const blockTags = new Set([
  "P",
  "DIV",
  "SECTION",
  "ARTICLE",
  "LI",
  "UL",
  "OL",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "BLOCKQUOTE",
  "PRE",
  "TR",
  "TABLE",
  "FIGURE",
  "FIGCAPTION",
  "HEADER",
  "FOOTER",
  "BR",
  "HR",
  "DD",
  "DT",
  "DL",
  "MAIN",
  "ASIDE",
]);
const skippedTags = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "IFRAME",
  "OBJECT",
  "CANVAS",
  "NAV",
  "FORM",
  "BUTTON",
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** The text of a DOM tree, blocks on lines of their own, list items and table rows as a reader sees them. */
function textOfTree(root: DomNode): string {
  const parts: string[] = [];
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? "").replace(/\s+/g, " "));
      return;
    }
    if (node.nodeType !== 1 || skippedTags.has(node.nodeName.toUpperCase())) return;
    const tag = node.nodeName.toUpperCase();
    const block = blockTags.has(tag);
    if (block) parts.push("\n");
    if (tag === "LI") parts.push("- ");
    if (tag === "TD" || tag === "TH") parts.push(" | ");
    for (let index = 0; index < node.childNodes.length; index++) walk(node.childNodes[index]!);
    if (tag === "TR") parts.push(" |");
    if (block) parts.push("\n");
  };
  walk(root);
  return tidy(
    parts
      .join("")
      .split("\n")
      .map((line) =>
        line
          .replace(/\s+/g, " ")
          .trim()
          .replace(/^\| \|/, "|"),
      )
      .join("\n"),
  );
}

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const value =
      document.querySelector(`meta[property="${name}"]`)?.getAttribute("content") ??
      document.querySelector(`meta[name="${name}"]`)?.getAttribute("content");
    if (value?.trim()) return value.trim();
  }
  return null;
}

function dateOf(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function readHtml(html: string): ReadDocument {
  const { document } = parseHTML(html);
  const details = {
    title:
      meta(document, "og:title", "twitter:title") ??
      (document.querySelector("title")?.textContent?.trim() || null),
    publisher: meta(document, "og:site_name", "publisher", "citation_publisher"),
    publishedOn: dateOf(
      meta(document, "article:published_time", "date", "dc.date", "citation_publication_date") ??
        document.querySelector("time[datetime]")?.getAttribute("datetime"),
    ),
    url:
      meta(document, "og:url") ??
      document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
      null,
  };
  // Readability takes the page apart; the details were read first.
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  let text = "";
  if (article?.content)
    text = textOfTree(
      parseHTML(`<html><body>${article.content}</body></html>`).document.body as unknown as DomNode,
    );
  if (text.length < 200) {
    const { document: whole } = parseHTML(html);
    text = textOfTree(whole.body as unknown as DomNode);
  }
  return {
    text,
    mediaType: intakeMediaTypes.html,
    details: {
      ...details,
      title: details.title ?? article?.title ?? firstLineTitle(text),
      publisher: details.publisher ?? article?.siteName ?? null,
      publishedOn: details.publishedOn ?? dateOf(article?.publishedTime) ?? suggestedPublicationDate(text),
    },
  };
}

// ---- PDF ----

/**
 * A page's lines joined into paragraphs: a line runs on into the next unless it ends a sentence or
 * the next starts a list item. pdf.js gives lines, not paragraphs; a sentence cut at a line's end
 * would be two passages, and no suggestion could quote it whole.
 */
function reflow(lines: string[]): string {
  let text = "";
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      text += "\n\n";
      continue;
    }
    if (!text || text.endsWith("\n")) text += line;
    else if (/[.!?:;"”’)]$/.test(text) || /^(?:[-•▪◦*]|\d+[.)])\s/.test(line)) text += `\n${line}`;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else text += ` ${line}`;
  }
  return text;
}

async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    document = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    const locked = error instanceof Error && /password/i.test(error.message) ? "yes" : "no";
    throw new DocumentError(invalid("refusal.pdfUnopenable", { locked }));
  }
  try {
    const pages = Math.min(document.numPages, intakeLimits.maxPdfPages);
    const texts: string[] = [];
    for (let number = 1; number <= pages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const lines: string[] = [""];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        lines[lines.length - 1] += item.str;
        if (item.hasEOL) lines.push("");
      }
      texts.push(reflow(lines));
      page.cleanup();
    }
    const text = tidy(texts.join("\n\n"));
    if (!/\p{L}{2}/u.test(text)) {
      throw new DocumentError(invalid("refusal.pdfNoText", { pages: document.numPages }));
    }
    const { info } = (await document.getMetadata().catch(() => ({ info: {} }))) as {
      info: Record<string, unknown>;
    };
    const title = typeof info.Title === "string" && info.Title.trim() ? info.Title.trim() : null;
    const created =
      typeof info.CreationDate === "string" ? /^D:(\d{4})(\d{2})(\d{2})/.exec(info.CreationDate) : null;
    return {
      text,
      mediaType: intakeMediaTypes.pdf,
      details: {
        ...fromText(text),
        title: title ?? firstLineTitle(text),
        publishedOn:
          suggestedPublicationDate(text) ??
          (created ? dateOf(`${created[1]}-${created[2]}-${created[3]}`) : null),
      },
    };
  } finally {
    await document.destroy();
  }
}

// ---- Word ----

/** What a zip's files expand to, from its directory, without expanding them; and whether it holds a Word document. */
function zipContents(bytes: Uint8Array): Promise<{ expanded: number; isWord: boolean }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(new DocumentError(invalid("refusal.zipNotDocument", { supported })));
      let expanded = 0;
      let isWord = false;
      zip.on("entry", (entry: yauzl.Entry) => {
        expanded += entry.uncompressedSize;
        if (entry.fileName === "word/document.xml") isWord = true;
        zip.readEntry();
      });
      zip.on("end", () => resolve({ expanded, isWord }));
      zip.on("error", () => reject(new DocumentError(invalid("refusal.zipDamaged"))));
      zip.readEntry();
    });
  });
}

async function readDocx(bytes: Uint8Array): Promise<ReadDocument> {
  const { expanded, isWord } = await zipContents(bytes);
  if (!isWord) throw new DocumentError(invalid("refusal.zipNoWord", { supported }));
  if (expanded > intakeLimits.maxDocxExpandedBytes) {
    throw new DocumentError(
      invalid("refusal.docxTooLarge", { megabytes: Math.round(expanded / 1024 / 1024) }),
    );
  }
  let value: string;
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch {
    throw new DocumentError(invalid("refusal.docxUnreadable"));
  }
  const text = tidy(value);
  return { text, mediaType: intakeMediaTypes.docx, details: fromText(text) };
}

/** Reads HTML, PDF or Word bytes into text: the work ./document-thread.ts does. */
export async function readFormat(kind: "html" | "pdf" | "docx", bytes: Uint8Array): Promise<ReadDocument> {
  if (kind === "pdf") return readPdf(bytes);
  if (kind === "docx") return readDocx(bytes);
  const text = utf8Text(bytes);
  if (text === null) {
    throw new DocumentError(invalid("refusal.notDocument", { supported }));
  }
  return readHtml(text);
}
