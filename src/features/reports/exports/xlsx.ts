import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import type { PledgeListItem } from "@/features/pledges/queries";
import { isoDay } from "@/lib/format";
import type { Quantity } from "@/lib/rules/quantity";
import { toMajor } from "@/lib/rules/units";
import type { Figures } from "../queries";
import type { listSourceRecords, streamStatusHistory } from "../queries";
import { pledgeColumns, pledgeRow } from "./pledge-rows";

interface Column {
  header: string;
  key: string;
  width: number;
  /** Excel number format for numeric columns. */
  numFmt?: string;
}

type Sheet = ExcelJS.Worksheet;

/** A sheet with its header row frozen, filters on and widths set. */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[]): Sheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map(({ header, key, width, numFmt }) => ({
    header,
    key,
    width,
    ...(numFmt ? { style: { numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

const amountFormat = "#,##0.##";

function quantityCells(quantity: Quantity) {
  return {
    low: toMajor(quantity.low, quantity.unit),
    high: toMajor(quantity.high, quantity.unit),
    bound: quantity.bound,
  };
}

export interface ReportInput {
  figures: Figures;
  pledges: AsyncIterable<PledgeListItem[]>;
  history: ReturnType<typeof streamStatusHistory>;
  sources: Awaited<ReturnType<typeof listSourceRecords>>;
  madeAt: Date;
}

/**
 * Writes the report workbook to `stream` as it goes (exceljs's streaming writer): Summary with the
 * gap figures as numbers, then Pledges, Conditions, Stakeholders, Status history and Sources.
 */
export async function writeReport(stream: Writable, input: ReportInput) {
  const { figures } = input;
  const { summary } = figures;
  const unit = summary.unit;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "Pledgewatch";
  workbook.created = input.madeAt;

  const summarySheet = addSheet(workbook, "Summary", [
    { header: "Figure", key: "figure", width: 28 },
    { header: "Low", key: "low", width: 16, numFmt: amountFormat },
    { header: "High", key: "high", width: 16, numFmt: amountFormat },
    { header: "Bound", key: "bound", width: 12 },
    { header: "Unit", key: "unit", width: 14 },
  ]);
  const gap = summary.gap;
  if (gap) {
    for (const [figure, quantity] of [
      ["Required", gap.required],
      ["Pledged", gap.pledged],
      ["Unconditional", gap.unconditional],
      ["Delivered", gap.delivered],
      ["Shortfall", gap.shortfall],
    ] as const) {
      summarySheet.addRow({ figure, ...quantityCells(quantity), unit }).commit();
    }
    if (gap.coverage) {
      const row = summarySheet.addRow({ figure: "Coverage", ...gap.coverage, unit: "fraction of required" });
      row.getCell("low").numFmt = "0%";
      row.getCell("high").numFmt = "0%";
      row.commit();
    }
  }
  summarySheet.addRow({}).commit();
  summarySheet.addRow({ figure: "As of", low: figures.asOf ? isoDay(figures.asOf) : "today" }).commit();
  summarySheet
    .addRow({ figure: "Conditions assumed met", low: figures.assumed.join(", ") || "none" })
    .commit();
  summarySheet.addRow({ figure: "Pledges selected", low: summary.pledgeCount }).commit();
  summarySheet.addRow({ figure: "Made at (UTC)", low: input.madeAt.toISOString() }).commit();
  summarySheet.commit();

  const pledgeSheet = addSheet(
    workbook,
    "Pledges",
    pledgeColumns.map(({ key, header, width, ...rest }) => ({
      key,
      header,
      width,
      ...("numeric" in rest ? { numFmt: amountFormat } : {}),
    })),
  );
  for await (const batch of input.pledges) {
    for (const item of batch) {
      const row = pledgeRow(item);
      const number = (text: string) => (text === "" ? null : Number(text));
      pledgeSheet
        .addRow({
          ...row,
          quantityLow: number(row.quantityLow),
          quantityHigh: number(row.quantityHigh),
          delivered: number(row.delivered),
        })
        .commit();
    }
  }
  pledgeSheet.commit();

  const conditionSheet = addSheet(workbook, "Conditions", [
    { header: "slug", key: "slug", width: 30 },
    { header: "title", key: "title", width: 44 },
    { header: "status", key: "status", width: 14 },
    { header: "depends_on", key: "dependsOn", width: 20 },
    { header: "tied_pledges", key: "pledges", width: 12 },
    { header: "unlocks_pledges", key: "unlocks", width: 14 },
    { header: "unlocks_low", key: "low", width: 14, numFmt: amountFormat },
    { header: "unlocks_high", key: "high", width: 14, numFmt: amountFormat },
    { header: "unit", key: "unit", width: 12 },
  ]);
  for (const condition of summary.conditions) {
    conditionSheet
      .addRow({
        slug: condition.slug,
        title: condition.title,
        status: condition.status,
        dependsOn: condition.dependsOn ?? "",
        pledges: condition.pledges,
        unlocks: condition.effect.pledges,
        ...quantityCells(condition.effect.quantity),
        unit,
      })
      .commit();
  }
  conditionSheet.commit();

  const stakeholderSheet = addSheet(workbook, "Stakeholders", [
    { header: "stakeholder", key: "name", width: 32 },
    { header: "pledges", key: "pledges", width: 10 },
    { header: "pledged_low", key: "pledgedLow", width: 14, numFmt: amountFormat },
    { header: "pledged_high", key: "pledgedHigh", width: 14, numFmt: amountFormat },
    { header: "unconditional_low", key: "unconditionalLow", width: 16, numFmt: amountFormat },
    { header: "unconditional_high", key: "unconditionalHigh", width: 16, numFmt: amountFormat },
    { header: "unit", key: "unit", width: 12 },
  ]);
  for (const row of summary.byStakeholder) {
    const pledged = quantityCells(row.pledged);
    const unconditional = quantityCells(row.unconditional);
    stakeholderSheet
      .addRow({
        name: row.stakeholder.name,
        pledges: row.count,
        pledgedLow: pledged.low,
        pledgedHigh: pledged.high,
        unconditionalLow: unconditional.low,
        unconditionalHigh: unconditional.high,
        unit,
      })
      .commit();
  }
  stakeholderSheet.commit();

  const historySheet = addSheet(workbook, "Status history", [
    { header: "occurred_at_utc", key: "occurredAt", width: 22 },
    { header: "subject", key: "subject", width: 10 },
    { header: "title", key: "title", width: 44 },
    { header: "from", key: "from", width: 14 },
    { header: "to", key: "to", width: 14 },
    { header: "note", key: "note", width: 60 },
    { header: "recorded_by", key: "recordedBy", width: 20 },
  ]);
  for await (const batch of input.history) {
    for (const change of batch) {
      historySheet
        .addRow({
          occurredAt: change.occurredAt.toISOString(),
          subject: change.pledge ? "pledge" : "condition",
          title: change.pledge?.title ?? change.condition?.title ?? "",
          from: change.fromPledgeStatus ?? change.fromConditionStatus ?? "",
          to: change.toPledgeStatus ?? change.toConditionStatus ?? "",
          note: change.note,
          recordedBy: change.recordedBy ?? "",
        })
        .commit();
    }
  }
  historySheet.commit();

  const sourceSheet = addSheet(workbook, "Sources", [
    { header: "id", key: "id", width: 28 },
    { header: "title", key: "title", width: 60 },
    { header: "publisher", key: "publisher", width: 24 },
    { header: "published_on", key: "publishedOn", width: 14 },
    { header: "url", key: "url", width: 40 },
    { header: "file", key: "fileName", width: 28 },
  ]);
  for (const source of input.sources) sourceSheet.addRow(source).commit();
  sourceSheet.commit();

  await workbook.commit();
}
