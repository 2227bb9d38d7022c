import { randomBytes } from "node:crypto";
import { Document, Packer, Paragraph } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { inEnglish } from "@/i18n/translate";
import { DocumentError, intakeLimits, intakeMediaTypes, readDocument, readersBusy } from "./documents";

const encode = (text: string) => new TextEncoder().encode(text);

/** A 1×1 PNG: an image, no text. */
const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function pdfOf(lines: string[], options: { image?: boolean } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Paris talks");
  const page = pdf.addPage([600, 800]);
  if (options.image) {
    const image = await pdf.embedPng(png);
    page.drawImage(image, { x: 50, y: 400, width: 300, height: 300 });
  } else {
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    lines.forEach((line, index) => page.drawText(line, { x: 50, y: 750 - index * 16, size: 11, font }));
  }
  return pdf.save();
}

/** A refusal's status and its words in English. */
async function refusal(
  work: Promise<unknown>,
): Promise<{ status: DocumentError["status"]; message: string }> {
  const error = await work.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DocumentError);
  const { status, message } = error as DocumentError;
  return { status, message: inEnglish(message) };
}

describe("reading a document into text", () => {
  it("takes text and Markdown as they are, line ends made plain, and suggests a title and a date", async () => {
    const read = await readDocument(
      encode(
        "\uFEFF# Paris talks, day two\r\n\r\nPARIS, January 7, 2026 – France will deploy up to 30,000 personnel.\r\n",
      ),
      "notes.md",
      null,
    );
    expect(read.mediaType).toBe(intakeMediaTypes.markdown);
    expect(read.text).toBe(
      "# Paris talks, day two\n\nPARIS, January 7, 2026 – France will deploy up to 30,000 personnel.",
    );
    expect(read.details.title).toBe("Paris talks, day two");
    expect(read.details.publishedOn?.toISOString()).toBe("2026-01-07T00:00:00.000Z");
  });

  it("takes an HTML page's main text and details, never its scripts or menus", async () => {
    const html = `<!doctype html><html><head><title>Fallback</title>
      <meta property="og:title" content="Allies agree guarantees">
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2026-01-07T09:00:00Z">
      <link rel="canonical" href="https://news.example/guarantees">
      <script>document.title = "pwned"; fetch("https://evil.example")</script></head>
      <body><nav>Home | World | Sport</nav><article>
      <h1>Allies agree guarantees</h1>
      <p>France and the UK committed to building maintenance hubs within Ukraine, the leaders said in Paris on Tuesday.</p>
      <p>Germany signalled it could contribute troops from neighbouring NATO territory after a ceasefire.</p>
      <script>alert("inline")</script><ul><li>Support for a US-led monitoring mechanism.</li></ul>
      </article></body></html>`;
    const read = await readDocument(encode(html), "page.html", "text/html");
    expect(read.mediaType).toBe(intakeMediaTypes.html);
    expect(read.text).toContain("France and the UK committed to building maintenance hubs within Ukraine");
    expect(read.text).toContain("- Support for a US-led monitoring mechanism.");
    expect(read.text).not.toMatch(/alert|fetch|pwned|Sport/);
    expect(read.details).toEqual({
      title: "Allies agree guarantees",
      publisher: "Example News",
      publishedOn: new Date("2026-01-07T00:00:00Z"),
      url: "https://news.example/guarantees",
    });
  });

  it("reads a PDF's text layer, its lines joined into sentences", async () => {
    const read = await readDocument(
      await pdfOf([
        "France and the UK committed to building",
        "permanent hubs within Ukraine.",
        "Poland will not send troops.",
      ]),
      "talks.pdf",
      "application/pdf",
    );
    expect(read.mediaType).toBe(intakeMediaTypes.pdf);
    expect(read.text).toBe(
      "France and the UK committed to building permanent hubs within Ukraine.\nPoland will not send troops.",
    );
    expect(read.details.title).toBe("Paris talks");
  });

  it("refuses a PDF of images with a message that says so", async () => {
    const error = await refusal(readDocument(await pdfOf([], { image: true }), "scan.pdf", null));
    expect(error.message).toMatch(/no text to read.*image.*OCR/s);
  });

  it("reads a Word document", async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph("Paris declaration"),
              new Paragraph("Italy ruled out troop deployment."),
            ],
          },
        ],
      }),
    );
    const read = await readDocument(new Uint8Array(docx), "declaration.docx", null);
    expect(read.mediaType).toBe(intakeMediaTypes.docx);
    expect(read.text).toBe("Paris declaration\n\nItaly ruled out troop deployment.");
  });

  it("refuses a binary file, a file larger than 10 MB, an empty one and one named as what it is not", async () => {
    const binary = randomBytes(64 * 1024);
    expect((await refusal(readDocument(binary, "data.bin", null))).message).toMatch(/not text/);
    const large = await refusal(readDocument(new Uint8Array(intakeLimits.maxBytes + 1), "big.txt", null));
    expect([large.status, large.message]).toEqual([413, expect.stringMatching(/larger than 10 MB/)]);
    expect((await refusal(readDocument(new Uint8Array(0), "empty.txt", null))).message).toMatch(/empty/);
    expect((await refusal(readDocument(encode("just text"), "fake.pdf", null))).message).toMatch(
      /not what its name says/,
    );
  });

  it("refuses a text too long to review as one, saying how long it is", async () => {
    const long = "Troops were sent. ".repeat(Math.ceil(intakeLimits.maxChars / 18) + 1);
    expect((await refusal(readDocument(encode(long), "long.txt", null))).message).toMatch(
      /characters long.*Split it/,
    );
  });

  it("reads from a Buffer, even a small one from Node's pool, and leaves it as it was", async () => {
    const html =
      "<html><body><article><p>Portugal will send 300 troops to Ukraine.</p></article></body></html>";
    const small = Buffer.concat([Buffer.from(html)]);
    const read = await readDocument(small, "page.html", null);
    expect(read.text).toContain("Portugal will send 300 troops to Ukraine.");
    expect(small.toString("utf8")).toBe(html);
  });

  it("stops reading a document that takes longer than its time, on a thread that is ended", async () => {
    const html = `<html><body><article>${"<p>France will send troops to Ukraine.</p>".repeat(2000)}</article></body></html>`;
    const started = performance.now();
    const error = await refusal(readDocument(encode(html), "page.html", null, { readMilliseconds: 5 }));
    expect(error.message).toContain("took longer than 0.005 seconds and was stopped");
    expect(performance.now() - started).toBeLessThan(intakeLimits.readMilliseconds);
    // Its thread has ended and given up its turn.
    expect(readersBusy()).toEqual({ running: 0, waiting: 0 });
    // The same page, given its time, is read.
    const read = await readDocument(encode(html), "page.html", null);
    expect(read.text).toContain("France will send troops to Ukraine.");
  });

  it("reads a few documents at once and queues the rest, each read in the end", async () => {
    const pages = [1, 2, 3, 4, 5].map((n) =>
      encode(
        `<html><body><article><p>Country ${n} will send ${n}00 troops to Ukraine.</p></article></body></html>`,
      ),
    );
    const reads = Promise.all(pages.map((page, n) => readDocument(page, `page-${n}.html`, null)));
    expect(readersBusy()).toEqual({
      running: intakeLimits.readersAtOnce,
      waiting: 5 - intakeLimits.readersAtOnce,
    });
    const texts = (await reads).map((read) => read.text);
    expect(texts).toEqual([1, 2, 3, 4, 5].map((n) => `Country ${n} will send ${n}00 troops to Ukraine.`));
    expect(readersBusy()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses at once a document that would wait behind too many others", async () => {
    const page = encode(
      "<html><body><article><p>Spain will send 100 troops to Ukraine.</p></article></body></html>",
    );
    const queued = intakeLimits.readersAtOnce + intakeLimits.readersWaiting;
    const reads = Array.from({ length: queued }, (_, n) => readDocument(page, `page-${n}.html`, null));
    const busy = await refusal(readDocument(page, "one-more.html", null));
    expect(busy.status).toBe(503);
    expect(busy.message).toContain(`reading ${queued} other documents just now`);
    expect((await Promise.all(reads)).every((read) => read.text.includes("Spain will send 100 troops"))).toBe(
      true,
    );
  });

  it("gives up, unread, a document still waiting for its turn when its time is up", async () => {
    const slow = encode(
      `<html><body><article>${"<p>Norway will send troops to Ukraine.</p>".repeat(5_000)}</article></body></html>`,
    );
    const busy = [readDocument(slow, "one.html", null), readDocument(slow, "two.html", null)];
    expect(readersBusy().running).toBe(intakeLimits.readersAtOnce);
    const waited = await refusal(
      readDocument(encode("<p>Spain</p>"), "three.html", null, { readMilliseconds: 50 }),
    );
    expect(waited.status).toBe(503);
    expect(waited.message).toContain("waited 0.05 seconds for its turn and was not read");
    expect((await Promise.all(busy)).every((read) => read.text.includes("Norway will send troops"))).toBe(
      true,
    );
    expect(readersBusy()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses a document whose reading outgrows the thread's memory, and goes on reading others", async () => {
    const html = `<html><body><article>${"<p>France will send troops to Ukraine.</p>".repeat(50_000)}</article></body></html>`;
    const error = await refusal(readDocument(encode(html), "huge.html", null, { readMegabytes: 16 }));
    expect(error.status).toBe(413);
    expect(error.message).toContain("needed more than the 16 MB one read may use");
    expect(readersBusy()).toEqual({ running: 0, waiting: 0 });
    const small =
      "<html><body><article><p>Norway will send 50 troops to Ukraine.</p></article></body></html>";
    const read = await readDocument(encode(small), "small.html", null);
    expect(read.text).toContain("Norway will send 50 troops");
  });

  it("refuses a zip that holds no Word document", async () => {
    // An empty zip archive: its end-of-directory record alone.
    const zip = Buffer.from("504b0506" + "00".repeat(18), "hex");
    const withHeader = Buffer.concat([Buffer.from("504b0304", "hex"), zip]);
    expect((await refusal(readDocument(withHeader, "archive.docx", null))).message).toMatch(/zip/);
  });
});
