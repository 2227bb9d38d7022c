import "server-only";
import { Readable, pipeline } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import type { CellValue } from "./cell-values";
import { invalid } from "@/lib/validation-message";
import { importLimits } from "./fields";

// Reads an uploaded CSV or XLSX file as it arrives, row by row, so that a 50,000-row file never
// sits in memory whole. Anything that is not a spreadsheet is refused with a message saying why.

/** The file cannot be read as a spreadsheet: the message says why, for the person who sent it. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly status: 408 | 413 | 415 | 422 = 422,
  ) {
    super(message);
    this.name = "ImportFileError";
  }
}

export type SpreadsheetFormat = "csv" | "xlsx";

export type SpreadsheetEvent =
  | { type: "header"; format: SpreadsheetFormat; headers: string[] }
  /** `row` is the number the spreadsheet shows (the header is row 1); `bytes` how much has been read. */
  | { type: "row"; row: number; cells: CellValue[]; bytes: number };

/** The longest the reader keeps the event loop to itself before letting other requests in. */
const maxBusyMs = 20;

/** A pause that lets other requests in, when this reader has kept the event loop for `maxBusyMs`. */
function breather(): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since <= maxBusyMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

/**
 * Counts the bytes going by and stops the upload at the size limit. An upload that is already in
 * memory arrives without a pause, so everything read from it breathes here, between chunks.
 */
async function* metered(chunks: AsyncIterable<Uint8Array>, counter: { bytes: number }, maxBytes: number) {
  const breathe = breather();
  for await (const chunk of chunks) {
    await breathe();
    counter.bytes += chunk.byteLength;
    if (counter.bytes > maxBytes) {
      throw new ImportFileError(
        invalid("refusal.importTooLarge", { megabytes: maxBytes / 1024 / 1024 }),
        413,
      );
    }
    yield chunk;
  }
}

type Sniffed = SpreadsheetFormat | "utf16le" | "utf16be";

/** What the first bytes say the file is. */
function sniff(head: Uint8Array): Sniffed {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return "xlsx";
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    throw new ImportFileError(invalid("refusal.importXls"), 415);
  }
  if (starts(0xff, 0xfe)) return "utf16le";
  if (starts(0xfe, 0xff)) return "utf16be";
  if (starts(0x25, 0x50, 0x44, 0x46)) throw new ImportFileError(invalid("refusal.importPdf"), 415);
  if (head.subarray(0, 4096).includes(0)) {
    throw new ImportFileError(invalid("refusal.importBinary"), 415);
  }
  return "csv";
}

/** The first chunk, at least a few bytes of it, with the rest of the stream after it. */
async function peek(
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < 8) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    parts.push(next.value);
    size += next.value.byteLength;
  }
  const head = Buffer.concat(parts);
  async function* rest() {
    yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, rest: rest() };
}

/** How many line breaks `text` holds (indexOf, not a loop over characters: this runs on every byte). */
function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** Text from bytes, refusing bytes that are not in the file's encoding rather than guessing. */
async function* decoded(chunks: AsyncIterable<Uint8Array>, encoding: "utf-8" | "utf-16le" | "utf-16be") {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  let line = 1;
  let chunk: Uint8Array = new Uint8Array();
  try {
    for await (chunk of chunks) {
      const text = decoder.decode(chunk, { stream: true });
      line += lineBreaks(text);
      yield text;
    }
    yield decoder.decode();
  } catch (error) {
    if (error instanceof TypeError) {
      // The line breaks before the first undecodable byte of the chunk that failed.
      const lenient = new TextDecoder(encoding).decode(chunk);
      line += lineBreaks(lenient.slice(0, Math.max(0, lenient.indexOf("\uFFFD"))));
      throw new ImportFileError(
        invalid("refusal.importEncoding", {
          encoding: encoding === "utf-8" ? "UTF-8" : "UTF-16",
          line: String(line),
        }),
        422,
      );
    }
    throw error;
  }
}

/** The separator the header line uses: comma, semicolon (spreadsheets set to European formats) or tab. */
function delimiterOf(firstLine: string): string {
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, unquoted.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** A row (the header too) with more cells than any pledge sheet needs is refused, not read. */
function checkWidth(row: number, cells: number) {
  if (cells > importLimits.maxColumns) {
    throw new ImportFileError(
      invalid("refusal.importTooWide", { row: String(row), cells, max: importLimits.maxColumns }),
    );
  }
}

const tooLong = (row: number) =>
  new ImportFileError(
    invalid("refusal.importRowTooLong", { row: String(row), max: importLimits.maxLineChars }),
  );

/** csv-parse's error as the person who sent the file can act on it, at the row a spreadsheet shows. */
function csvError(error: unknown): ImportFileError {
  const { code, records } = error as { code?: string; records?: number };
  const row = (records ?? 0) + 1;
  if (code === "CSV_MAX_RECORD_SIZE") return tooLong(row);
  if (code === "CSV_INVALID_CLOSING_QUOTE") {
    return new ImportFileError(invalid("refusal.importQuoteAfter", { row: String(row) }));
  }
  if (code === "CSV_QUOTE_NOT_CLOSED") {
    return new ImportFileError(invalid("refusal.importQuoteOpen", { row: String(row) }));
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ImportFileError(invalid("refusal.importCsvUnreadable", { row: String(row), reason: message }));
}

/**
 * Refuses a row longer than the limit as the text streams by, separators included: csv-parse's own
 * limit counts only what is inside cells, so a file of bare commas would pass it and be built into
 * one enormous row.
 */
async function* rowLengthGuard(text: AsyncIterable<string>): AsyncGenerator<string> {
  let quoted = false;
  let length = 0;
  let row = 1;
  for await (const chunk of text) {
    for (let i = 0; i < chunk.length; i++) {
      const char = chunk.charCodeAt(i);
      if (char === 0x22) quoted = !quoted;
      else if (char === 0x0a && !quoted) {
        length = 0;
        row++;
        continue;
      }
      if (++length > importLimits.maxLineChars) throw tooLong(row);
    }
    yield chunk;
  }
}

async function* csvRows(
  text: AsyncIterable<string>,
  counter: { bytes: number },
): AsyncGenerator<SpreadsheetEvent> {
  const iterator = text[Symbol.asyncIterator]();
  // The header line decides the separator; it must end within the longest row we take.
  let buffered = "";
  let finished = false;
  let lineEnd = -1;
  while (lineEnd < 0 && !finished) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      continue;
    }
    const from = buffered.length;
    buffered += next.value;
    lineEnd = buffered.indexOf("\n", from);
    if (lineEnd < 0 && buffered.length > importLimits.maxLineChars) throw tooLong(1);
  }
  const firstLine = buffered.slice(0, lineEnd < 0 ? buffered.length : lineEnd);
  if (firstLine.length > importLimits.maxLineChars) throw tooLong(1);
  async function* all() {
    if (buffered) yield buffered;
    if (finished) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const parser = parse({
    delimiter: delimiterOf(firstLine.replace(/^\uFEFF/, "")),
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: importLimits.maxLineChars,
  });
  // pipeline() tears both streams down together: when the parser fails (a stray quote) or the reader
  // stops early (a mapping problem), nothing is left waiting for the other.
  pipeline(Readable.from(rowLengthGuard(all()), { objectMode: false }), parser, () => {});
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      checkWidth(row, record.length);
      if (row === 1) {
        yield { type: "header", format: "csv", headers: record.map((h) => h.trim()) };
      } else {
        yield { type: "row", row, cells: record, bytes: counter.bytes };
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw csvError(error);
  } finally {
    parser.destroy();
  }
}

type ExcelValue = ExcelJS.CellValue;

/** An XLSX cell as the import reads it: rich text and links as their text, errors and formulas kept apart. */
function excelCell(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return { formula: "", error: String(value.error) };
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    const formula = ("formula" in value ? value.formula : value.sharedFormula) ?? "";
    if (typeof result === "number" && Number.isNaN(result)) return { formula, error: "an error" };
    if (result && typeof result === "object" && "error" in result)
      return { formula, error: String(result.error) };
    return { formula, result: (result as string | number | boolean | Date | undefined) ?? undefined };
  }
  if ("text" in value)
    return typeof value.text === "string" ? value.text : excelCell(value.text as ExcelValue);
  return null;
}

async function* xlsxRows(
  chunks: AsyncIterable<Uint8Array>,
  counter: { bytes: number },
): AsyncGenerator<SpreadsheetEvent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  let sawSheet = false;
  try {
    for await (const worksheet of reader) {
      if (sawSheet) {
        // Only the first sheet is read; the rest of the file still has to be drained.
        for await (const _row of worksheet) void _row;
        continue;
      }
      sawSheet = true;
      let header: string[] | null = null;
      for await (const sheetRow of worksheet) {
        const values = (sheetRow.values as ExcelValue[]).slice(1);
        checkWidth(sheetRow.number, values.length);
        if (!header) {
          if (sheetRow.number !== 1) {
            throw new ImportFileError(invalid("refusal.importNoHeaders"));
          }
          header = Array.from(values, (v) => String(excelCell(v) ?? "").trim());
          yield { type: "header", format: "xlsx", headers: header };
          continue;
        }
        yield {
          type: "row",
          row: sheetRow.number,
          cells: Array.from(values, excelCell),
          bytes: counter.bytes,
        };
      }
      if (!header) throw new ImportFileError(invalid("refusal.importEmptySheet"));
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(invalid("refusal.importNotXlsx"), 415);
  }
  if (!sawSheet) throw new ImportFileError(invalid("refusal.importNoSheets"));
}

/**
 * The header, then each row, of a CSV (UTF-8 or UTF-16 with its byte-order mark; comma, semicolon or
 * tab separated) or the first sheet of an XLSX workbook. Throws ImportFileError for anything else,
 * for a file over the size or row limit, and for a file with a header and no rows.
 */
export async function* readSpreadsheet(
  body: AsyncIterable<Uint8Array>,
  limits: { maxBytes?: number; maxRows?: number } = {},
): AsyncGenerator<SpreadsheetEvent> {
  const maxBytes = limits.maxBytes ?? importLimits.maxBytes;
  const maxRows = limits.maxRows ?? importLimits.maxRows;
  const counter = { bytes: 0 };
  const { head, rest } = await peek(metered(body, counter, maxBytes));
  if (head.byteLength === 0) throw new ImportFileError(invalid("refusal.importEmpty"));
  const kind = sniff(head);
  const rows =
    kind === "xlsx"
      ? xlsxRows(rest, counter)
      : csvRows(
          decoded(rest, kind === "csv" ? "utf-8" : kind === "utf16le" ? "utf-16le" : "utf-16be"),
          counter,
        );
  let count = 0;
  let sawHeader = false;
  const breathe = breather();
  for await (const event of rows) {
    // One chunk can hold thousands of rows: give other requests their turn between them too.
    await breathe();
    if (event.type === "header") {
      sawHeader = true;
      if (event.headers.every((h) => h === "")) {
        throw new ImportFileError(invalid("refusal.importEmptyHeaders"));
      }
    } else if (++count > maxRows) {
      throw new ImportFileError(invalid("refusal.importTooManyRows", { max: maxRows }), 413);
    }
    yield event;
  }
  if (!sawHeader) throw new ImportFileError(invalid("refusal.importNoHeaderRow"));
  if (count === 0) throw new ImportFileError(invalid("refusal.importNothingBelow"));
}
