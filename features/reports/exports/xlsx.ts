import "server-only";
import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { PledgeListItem } from "@/features/pledges/queries";
import type { Figures } from "@/features/figures";
import { spreadsheetFormat, spreadsheetPercent } from "@/lib/rules/units";
import type { listSourceRecords } from "@/features/api/queries";
import type { streamStatusHistory } from "../queries";
import type { ReportAbout } from "../report-about";
import { reportTables, shareUnit, type TableRows } from "./tables";

interface Column {
  header: string;
  key: string;
  width: number;
}

type Sheet = ExcelJS.Worksheet;
type Style = Partial<ExcelJS.Style>;

// Styles are shared objects: exceljs files a style once per object it has seen, so a cell given one
// of these costs a lookup, where a style of its own would be serialised again for every cell.
const plain: Style = {};
const header: Style = { font: { bold: true }, alignment: { vertical: "top", wrapText: true } };
const percent: Style = { numFmt: spreadsheetPercent };
const amountStyles = new Map<string, Style>();
/** The shared style of an amount in `unit`: "30,000", "€1,250,000.50". */
function amountIn(unit: string | null | undefined): Style {
  if (!unit) return plain;
  if (unit === shareUnit) return percent;
  let style = amountStyles.get(unit);
  if (!style) amountStyles.set(unit, (style = { numFmt: spreadsheetFormat(unit) }));
  return style;
}

/** A sheet with its header row bold and frozen, filters on and widths set. */
function addSheet(workbook: Workbook, name: string, columns: Column[]): Sheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const top = sheet.getRow(1);
  top.eachCell((cell) => (cell.style = header));
  top.commit();
  return sheet;
}

export interface ReportInput {
  figures: Figures;
  pledges: AsyncIterable<PledgeListItem[]>;
  history: ReturnType<typeof streamStatusHistory>;
  sources: Awaited<ReturnType<typeof listSourceRecords>>;
  madeAt: Date;
  /** What the report shows, said on its first sheet. */
  about: ReportAbout;
}

/**
 * Writes the report workbook to `stream` as it goes (exceljs's streaming writer): About this report
 * (its view, who made it when, the counting rules), then the report's tables (./tables.ts), a sheet
 * each: Summary, Pledges, Conditions, a sheet per breakdown, Status history and Sources.
 */
export async function writeReport(stream: Writable, input: ReportInput) {
  // Light compression: with 100,000 history rows, the default level alone takes a second.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = "Pledgewatch";
  workbook.title = "Pledgewatch report";
  workbook.subject = input.about.viewWords;
  workbook.created = input.madeAt;

  const tables = reportTables({ ...input, summary: input.figures.summary });
  await writeAboutSheet(workbook, input.about, input.figures, tables);
  for (const table of tables) await writeTable(workbook, table, stream);
  await workbook.commit();
}

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

/** Resolves once `out` takes more; throws if it is closed first (the download was abandoned). */
async function drained(out: Writable) {
  const closed = new AbortController();
  await Promise.race([
    once(out, "drain", { signal: closed.signal }),
    once(out, "close", { signal: closed.signal }),
  ]).finally(() => closed.abort());
  if (out.destroyed) throw new Error("the download was closed before the workbook was written");
}

/** A table as a sheet, each row committed as it is written so that memory stays flat. */
async function writeTable(workbook: Workbook, { table, batches }: TableRows, out: Writable) {
  const sheet = addSheet(
    workbook,
    table.title,
    table.columns.map(({ name, width }) => ({ header: name, key: name, width })),
  );
  const unitAt = table.columns.findIndex((column) => column.name === "unit");
  // Each column's shared style; an amount's is its row's unit's.
  const styles = table.columns.map((column) => (column.share ? percent : column.amount ? null : plain));
  for await (const batch of batches()) {
    // A download given up: stop reading rather than write the rest into memory.
    if (out.destroyed) throw new Error("the download was closed before the workbook was written");
    for (const cells of batch) {
      // An empty cell is left out rather than written empty.
      const row = sheet.addRow(cells.map((cell) => (cell === "" || cell === null ? undefined : cell)));
      row.eachCell((cell, number) => {
        cell.style = styles[number - 1] ?? amountIn(cells[unitAt] as string | null);
      });
      row.commit();
    }
    // exceljs takes rows whether or not the reader keeps up: a batch at a time, it waits for the
    // download to drain, so a slow reader holds back the writer instead of filling memory.
    if (out.writableNeedDrain) await drained(out);
  }
  sheet.commit();
}

/** What the report shows and how it counts, first: a reader opening the file alone learns its view. */
async function writeAboutSheet(
  workbook: Workbook,
  about: ReportAbout,
  figures: Figures,
  tables: TableRows[],
) {
  const sheet = addSheet(workbook, "About this report", [
    { header: "About this report", key: "label", width: 24 },
    { header: "", key: "text", width: 110 },
  ]);
  const rows = [
    ["Report", "Pledgewatch: what was pledged against what is needed"],
    ...about.lines.map(({ label, text }) => [label, text]),
    ["Pledges selected", figures.summary.pledgeCount],
    [],
    ["How it counts", about.counting[0]],
    ...about.counting.slice(1).map((text) => [undefined, text]),
    [undefined, `Every rule, at length: ${about.methodology.text}`],
    [],
    // What each sheet holds, and how its rows add up (a breakdown by stakeholder counts a pledge
    // for each stakeholder carrying it).
    ...tables.map(({ table }, index) => [
      index === 0 ? "The sheets" : undefined,
      `${table.title}: ${table.description}`,
    ]),
  ];
  for (const cells of rows) {
    const row = sheet.addRow(cells);
    row.eachCell((cell, number) => (cell.style = number === 1 ? header : plain));
    row.commit();
  }
  sheet.commit();
}
