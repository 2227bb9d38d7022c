// The report workbook's writer, on a thread of its own. exceljs spends about a microsecond on each
// cell: at 100,000 history rows that is more than a second, which on the main thread would hold up
// every other request to the server and wait for the database reads in turn. Here it runs beside
// them: the main thread (./xlsx.ts) reads and makes the cells, this one writes them, one workbook
// after another.
import { Writable } from "node:stream";
import { parentPort } from "node:worker_threads";
import ExcelJS from "exceljs";
import { shareUnit, spreadsheetFormat } from "@/lib/rules/units";
import type { CellLook, FromWriter, SheetSpec, ToWriter, WorkbookProperties } from "./workbook-messages";

const port = parentPort!;
const say = (message: FromWriter) => port.postMessage(message);

type Style = Partial<ExcelJS.Style>;
// Styles are shared objects: exceljs files a style once per object it has seen, so a cell given one
// of these costs a lookup, where a style of its own would be serialised again for every cell.
const plain: Style = {};
const heading: Style = { font: { bold: true }, alignment: { vertical: "top", wrapText: true } };
const amountStyles = new Map<string, Style>();
/** The shared style of an amount in `unit`: "30,000", "€1,250,000.50", "45.3%". */
function amountIn(unit: unknown): Style {
  if (typeof unit !== "string" || !unit) return plain;
  let style = amountStyles.get(unit);
  if (!style) amountStyles.set(unit, (style = { numFmt: spreadsheetFormat(unit) }));
  return style;
}

// Each look's shared style but an amount's, whose style is its row's unit's. A share is an amount
// in the unit "share" (spreadsheetFormat makes it a percentage).
const looks: Record<Exclude<CellLook, "amount">, Style> = { heading, plain, percent: amountIn(shareUnit) };

const output = () =>
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      // Its own copy, handed over rather than copied again: the chunk may be a slice of a larger buffer.
      const bytes = new Uint8Array(chunk);
      port.postMessage({ kind: "bytes", chunk: bytes } satisfies FromWriter, [bytes.buffer]);
      done();
    },
  });

/** One workbook, written as its sheets and rows arrive. */
class Workbook {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: { sheet: ExcelJS.Worksheet; spec: SheetSpec; styles: (Style | null)[] } | null = null;

  constructor(properties: WorkbookProperties) {
    // Light compression: with 100,000 history rows, the default level alone takes a second.
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: output(),
      useStyles: true,
      useSharedStrings: false,
      zip: { zlib: { level: 1 } },
    });
    this.workbook.creator = "Pledgewatch";
    this.workbook.title = properties.title;
    this.workbook.subject = properties.subject;
    this.workbook.created = properties.created;
  }

  /** A sheet with its header row bold and frozen, filters on and widths set. */
  startSheet(spec: SheetSpec) {
    this.sheet?.sheet.commit();
    const sheet = this.workbook.addWorksheet(spec.title, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = spec.columns.map(({ header, width }, index) => ({ header, key: String(index), width }));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
    const top = sheet.getRow(1);
    top.eachCell((cell) => (cell.style = heading));
    top.commit();
    // Each column's shared style; an amount's is its row's unit's.
    const styles = spec.columns.map(({ look }) => (look === "amount" ? null : looks[look]));
    this.sheet = { sheet, spec, styles };
  }

  /** Each row committed as it is written, so that memory stays flat. */
  write(rows: unknown[][]) {
    const { sheet, spec, styles } = this.sheet!;
    for (const cells of rows) {
      // An empty cell is left out rather than written empty.
      const row = sheet.addRow(cells.map((cell) => (cell === "" || cell === null ? undefined : cell)));
      // A row's own style would be a new object each row, filed afresh each time. (exceljs's types
      // leave out the row's style, which its writer reads.)
      Object.assign(row, { style: plain });
      row.eachCell((cell, number) => {
        cell.style = styles[number - 1] ?? amountIn(cells[spec.unitAt]);
      });
      row.commit();
    }
  }

  async end() {
    this.sheet?.sheet.commit();
    await this.workbook.commit();
  }
}

let workbook: Workbook | null = null;
// One message at a time, in order: the end of a workbook waits for its file to be complete.
let turn = Promise.resolve();
port.on("message", (message: ToWriter) => {
  turn = turn
    .then(() => handle(message))
    .catch((error: unknown) => {
      // A failure ends the thread, whatever the process's way with unhandled rejections: the
      // workbook being written hears of it (the thread's "error"), and nothing after it is handled.
      setImmediate(() => {
        throw error;
      });
      return new Promise<never>(() => undefined);
    });
});

async function handle(message: ToWriter) {
  switch (message.kind) {
    case "begin":
      workbook = new Workbook(message.properties);
      break;
    case "sheet":
      workbook!.startSheet(message.sheet);
      break;
    case "rows":
      workbook!.write(message.rows);
      say({ kind: "written" });
      break;
    case "end":
      await workbook!.end();
      workbook = null;
      say({ kind: "done" });
      break;
  }
}
