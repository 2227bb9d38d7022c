import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { PledgeListItem } from "@/features/pledges/queries";
import { rangeOf, type Figures } from "@/features/figures";
import type { listSourceRecords } from "@/features/api/queries";
import type { streamStatusHistory } from "../queries";
import type { ReportAbout } from "../report-about";
import { pledgeColumns, pledgeRow } from "./pledge-rows";

interface Column {
  header: string;
  key: string;
  width: number;
}

type Sheet = ExcelJS.Worksheet;

/** A sheet with its header row frozen, filters on and widths set. */
function addSheet(workbook: Workbook, name: string, columns: Column[]): Sheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns;
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
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
 * (its view, who made it when, the counting rules), Summary with the gap figures as numbers, then
 * Pledges, Conditions, Stakeholders, Status history and Sources.
 */
export async function writeReport(stream: Writable, input: ReportInput) {
  // No cell styles and light compression: with 100,000 history rows, styles alone would more than
  // double the time. Numbers stay numbers; frozen headers, filters and widths need no styles.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: false,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = "Pledgewatch";
  workbook.created = input.madeAt;

  await writeAboutSheet(workbook, input.about, input.figures);
  await writeSummarySheet(workbook, input.figures);
  await writePledgeSheet(workbook, input.pledges);
  await writeConditionSheet(workbook, input.figures.summary);
  // Each pledge for every stakeholder carrying it (the rows add up to more than the totals), then
  // once, by lead (they add up to the totals).
  await writeStakeholderSheet(
    workbook,
    "Stakeholders",
    "stakeholder",
    input.figures.summary,
    "byStakeholder",
  );
  await writeStakeholderSheet(workbook, "By lead", "lead", input.figures.summary, "byLead");
  await writeHistorySheet(workbook, input.history);
  await writeSourceSheet(workbook, input.sources);
  await workbook.commit();
}

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;
type Summary = Figures["summary"];
/** A row by column key, or the cells in the columns' order (faster: exceljs skips the key lookup). */
type Row = Record<string, unknown> | unknown[];

/** One sheet: its columns, then every row, each committed as it is written so memory stays flat. */
async function writeSheet(
  workbook: Workbook,
  name: string,
  columns: Column[],
  rows: Iterable<Row> | AsyncIterable<Iterable<Row>>,
) {
  const sheet = addSheet(workbook, name, columns);
  if (Symbol.asyncIterator in rows) {
    for await (const batch of rows) for (const row of batch) sheet.addRow(row).commit();
  } else {
    for (const row of rows) sheet.addRow(row).commit();
  }
  sheet.commit();
}

async function* mapBatches<T>(batches: AsyncIterable<T[]>, toRow: (item: T) => Row) {
  for await (const batch of batches) yield batch.map(toRow);
}

/** What the report shows and how it counts, first: a reader opening the file alone learns its view. */
function writeAboutSheet(workbook: Workbook, about: ReportAbout, figures: Figures) {
  return writeSheet(
    workbook,
    "About this report",
    [
      { header: "About this report", key: "label", width: 24 },
      { header: "", key: "text", width: 110 },
    ],
    [
      { label: "Report", text: "Pledgewatch: what was pledged against what is needed" },
      ...about.lines.map(({ label, text }) => ({ label, text })),
      { label: "Pledges selected", text: figures.summary.pledgeCount },
      {},
      { label: "How it counts", text: about.counting[0] },
      ...about.counting.slice(1).map((text) => ({ text })),
      { text: `Every rule, at length: ${about.methodology.text}` },
    ],
  );
}

/** The gap figures as numbers (the view they are of: About this report). */
function writeSummarySheet(workbook: Workbook, figures: Figures) {
  const { summary } = figures;
  const unit = summary.unit;
  // The sums exist in any metric; what needs a requirement is left out when there is none.
  const { gap, totals } = summary;
  const rows: Row[] = [];
  for (const [figure, quantity] of [
    ["Required", gap?.required],
    ["Pledged", totals.pledged],
    ["Unconditional", totals.unconditional],
    ["Delivered", totals.delivered],
    ["Shortfall", gap?.shortfall],
  ] as const) {
    if (quantity) rows.push({ figure, ...rangeOf(quantity), unit });
  }
  if (gap?.coverage) rows.push({ figure: "Coverage", ...gap.coverage, unit: "fraction of required" });
  rows.push({}, { figure: "Pledges selected", low: summary.pledgeCount });
  return writeSheet(
    workbook,
    "Summary",
    [
      { header: "Figure", key: "figure", width: 28 },
      { header: "Low", key: "low", width: 16 },
      { header: "High", key: "high", width: 16 },
      { header: "Bound", key: "bound", width: 12 },
      { header: "Unit", key: "unit", width: 14 },
    ],
    rows,
  );
}

function writePledgeSheet(workbook: Workbook, pledges: AsyncIterable<PledgeListItem[]>) {
  // Amounts as numbers; empty cells left out rather than written as empty text.
  const numeric = new Set<string>(pledgeColumns.filter((c) => "numeric" in c).map((c) => c.key));
  return writeSheet(
    workbook,
    "Pledges",
    pledgeColumns.map(({ key, header, width }) => ({ key, header, width })),
    mapBatches(pledges, (item) => {
      const row = pledgeRow(item);
      return pledgeColumns.map(({ key }) =>
        row[key] === "" ? null : numeric.has(key) ? Number(row[key]) : row[key],
      );
    }),
  );
}

/** Each condition, and what meeting it would release under the scenario. */
function writeConditionSheet(workbook: Workbook, summary: Summary) {
  return writeSheet(
    workbook,
    "Conditions",
    [
      { header: "slug", key: "slug", width: 30 },
      { header: "title", key: "title", width: 44 },
      { header: "status", key: "status", width: 14 },
      { header: "depends_on", key: "dependsOn", width: 20 },
      { header: "tied_pledges", key: "pledges", width: 12 },
      { header: "unlocks_pledges", key: "unlocks", width: 14 },
      { header: "unlocks_low", key: "low", width: 14 },
      { header: "unlocks_high", key: "high", width: 14 },
      { header: "unit", key: "unit", width: 12 },
    ],
    summary.conditions.map((condition) => ({
      slug: condition.slug,
      title: condition.title,
      status: condition.status,
      dependsOn: condition.dependsOn ?? "",
      pledges: condition.pledges,
      unlocks: condition.effect.pledges,
      ...rangeOf(condition.effect.quantity),
      unit: summary.unit,
    })),
  );
}

function writeStakeholderSheet(
  workbook: Workbook,
  name: string,
  heading: string,
  summary: Summary,
  counted: "byStakeholder" | "byLead",
) {
  return writeSheet(
    workbook,
    name,
    [
      { header: heading, key: "name", width: 32 },
      { header: "pledges", key: "pledges", width: 10 },
      { header: "pledged_low", key: "pledgedLow", width: 14 },
      { header: "pledged_high", key: "pledgedHigh", width: 14 },
      { header: "unconditional_low", key: "unconditionalLow", width: 16 },
      { header: "unconditional_high", key: "unconditionalHigh", width: 16 },
      { header: "unit", key: "unit", width: 12 },
    ],
    summary[counted].map((row) => {
      const pledged = rangeOf(row.pledged);
      const unconditional = rangeOf(row.unconditional);
      return {
        name: row.stakeholder.name,
        pledges: row.count,
        pledgedLow: pledged.low,
        pledgedHigh: pledged.high,
        unconditionalLow: unconditional.low,
        unconditionalHigh: unconditional.high,
        unit: summary.unit,
      };
    }),
  );
}

function writeHistorySheet(workbook: Workbook, history: ReportInput["history"]) {
  return writeSheet(
    workbook,
    "Status history",
    [
      { header: "occurred_at_utc", key: "occurredAt", width: 22 },
      { header: "subject", key: "subject", width: 10 },
      { header: "title", key: "title", width: 44 },
      { header: "from", key: "from", width: 14 },
      { header: "to", key: "to", width: 14 },
      { header: "note", key: "note", width: 60 },
      { header: "recorded_by", key: "recordedBy", width: 20 },
    ],
    // Arrays, in the columns' order: at 100,000 rows exceljs's key lookup counts.
    mapBatches(history, (change) => [
      change.occurredAt.toISOString(),
      change.pledgeTitle !== null ? "pledge" : "condition",
      change.pledgeTitle ?? change.conditionTitle,
      change.fromStatus,
      change.toStatus,
      change.note,
      change.recordedBy,
    ]),
  );
}

function writeSourceSheet(workbook: Workbook, sources: ReportInput["sources"]) {
  return writeSheet(
    workbook,
    "Sources",
    [
      { header: "id", key: "id", width: 28 },
      { header: "title", key: "title", width: 60 },
      { header: "publisher", key: "publisher", width: 24 },
      { header: "published_on", key: "publishedOn", width: 14 },
      { header: "url", key: "url", width: 40 },
      { header: "file", key: "fileName", width: 28 },
    ],
    sources,
  );
}
