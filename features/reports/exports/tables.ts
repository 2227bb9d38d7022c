// The report's tables, defined once: each column's name, type, meaning and width, and each row's
// cells. The workbook writes them as sheets (amounts and shares formatted), the data package as CSV
// files with a Table Schema, so that the two can never say different things.
import { breakdownRows, rangeOf, type Figures } from "@/features/figures";
import type { PledgeListItem } from "@/features/pledges";
import { formatPromised, formatRatio, type Quantity, type Ratio } from "@/lib/rules/quantity";
import { shareUnit } from "@/lib/rules/units";
import { statusLabel } from "@/lib/status-change";
import type { Locale } from "@/i18n/locales";
import { translator, type Translate } from "@/i18n/translate";
import type { StatusChangeRecord } from "../queries";
import { pledgeColumns, pledgeRow } from "./pledge-rows";
import { noteIn } from "@/i18n/system-notes";

export interface TableColumn {
  name: string;
  /** A Table Schema type. */
  type: "string" | "number" | "integer" | "date" | "datetime";
  description: string;
  /** Its width in a sheet, in characters. */
  width: number;
  /** An amount in its row's unit (the table's "unit" column), shown with that unit's format. */
  amount?: true;
  /** A share (0.5 is 50 %), shown as a percentage. */
  share?: true;
}

export interface Table<Item> {
  /** Lower case, for a file name: "status-history". */
  name: string;
  /** For a sheet's tab, in the report's language: "Status history". */
  title: string;
  /** In the report's language. (The columns' descriptions, for the data package, are in English.) */
  description: string;
  columns: readonly TableColumn[];
  /** A row's cells in the columns' order; null for an empty cell. */
  cells: (item: Item) => unknown[];
}

type Summary = Figures["summary"];

const unitColumn: TableColumn = {
  name: "unit",
  type: "string",
  description: "The unit of the row's amounts: personnel, items, or a currency (EUR, in major units).",
  width: 14,
};

/** Low, high and in words, for a quantity named `name`. */
function rangeColumns(name: string, meaning: string, width = 14): TableColumn[] {
  return [
    { name: `${name}_low`, type: "number", description: `${meaning}: the low end.`, width, amount: true },
    { name: `${name}_high`, type: "number", description: `${meaning}: the high end.`, width, amount: true },
    {
      name: `${name}_label`,
      type: "string",
      description: `${meaning}, in words with its bound ("up to 30,000 personnel").`,
      width: 30,
    },
  ];
}

/** The words of a report's tables, in its language. */
interface Words {
  locale: Locale;
  t: Translate;
}

const rangeCells = (quantity: Quantity, { locale }: Words) => {
  const { low, high } = rangeOf(quantity);
  return [low, high, formatPromised(quantity, locale)];
};

type SummaryFigure = { figure: string; quantity: Quantity } | { figure: string; ratio: Ratio };

/** The headline figures: the sums in any metric, the requirement and what it implies where one is recorded. */
function summaryFigures(summary: Summary, { t }: Words): SummaryFigure[] {
  const { gap, totals } = summary;
  const amounts = [
    ["required", gap?.required],
    ["pledged", totals.pledged],
    ["unconditional", totals.unconditional],
    ["delivered", totals.delivered],
    ["shortfall", gap?.shortfall],
    ["unconditionalShortfall", gap?.unconditionalShortfall],
    ["deliveredShortfall", gap?.deliveredShortfall],
  ] as const;
  const ratios = [
    ["coverage", gap?.coverage],
    ["unconditionalCoverage", gap?.unconditionalCoverage],
    ["deliveredCoverage", gap?.deliveredCoverage],
  ] as const;
  const name = (figure: (typeof amounts)[number][0] | (typeof ratios)[number][0]) =>
    t(`workbook.figure.${figure}`);
  return [
    ...amounts.flatMap(([figure, quantity]) => (quantity ? [{ figure: name(figure), quantity }] : [])),
    ...ratios.flatMap(([figure, ratio]) => (ratio ? [{ figure: name(figure), ratio }] : [])),
  ];
}

const summaryTable = ({ t, locale }: Words): Table<SummaryFigure> => ({
  name: "summary",
  title: t("workbook.sheet.summary"),
  description: t("workbook.sheet.summaryText"),
  columns: [
    { name: "figure", type: "string", description: "Which figure.", width: 26 },
    { name: "low", type: "number", description: "Its low end.", width: 16, amount: true },
    { name: "high", type: "number", description: "Its high end.", width: 16, amount: true },
    {
      name: "bound",
      type: "string",
      description: "exact, at_most (a ceiling: up to) or at_least (a floor).",
      width: 10,
    },
    { name: "label", type: "string", description: "The figure in words, its bound kept.", width: 34 },
    { ...unitColumn, description: `The unit of low and high; "${shareUnit}" for a coverage.`, width: 18 },
  ],
  cells: (row) => {
    if ("ratio" in row) {
      const { low, high, bound } = row.ratio;
      return [row.figure, low, high, bound, formatRatio(row.ratio, locale), shareUnit];
    }
    const { low, high, bound } = rangeOf(row.quantity);
    return [row.figure, low, high, bound, formatPromised(row.quantity, locale), row.quantity.unit];
  },
});

const pledgeTypes: Partial<Record<(typeof pledgeColumns)[number]["key"], TableColumn["type"]>> = {
  dueOn: "date",
};

const pledgeTable = ({ t, locale }: Words): Table<PledgeListItem> => ({
  name: "pledges",
  title: t("workbook.sheet.pledges"),
  description: t("workbook.sheet.pledgesText"),
  columns: pledgeColumns.map((column) => ({
    name: column.header,
    type: "numeric" in column ? "number" : (pledgeTypes[column.key] ?? "string"),
    description: column.description,
    width: column.width,
    ...("numeric" in column ? { amount: true as const } : {}),
  })),
  cells: (item) => {
    const row = pledgeRow(item, locale);
    return pledgeColumns.map((column) =>
      row[column.key] === "" ? null : "numeric" in column ? Number(row[column.key]) : row[column.key],
    );
  },
});

type Condition = Summary["conditions"][number];

function conditionTable(unit: string, words: Words): Table<Condition> {
  const { t } = words;
  return {
    name: "conditions",
    title: t("workbook.sheet.conditions"),
    description: t("workbook.sheet.conditionsText", { unit }),
    columns: [
      { name: "slug", type: "string", description: "The condition's key.", width: 30 },
      { name: "title", type: "string", description: "The condition.", width: 44 },
      { name: "status", type: "string", description: "unmet, partially_met, met or waived.", width: 14 },
      { name: "status_label", type: "string", description: "The status in words.", width: 16 },
      {
        name: "depends_on",
        type: "string",
        description: "The stakeholder whose decision it depends on.",
        width: 20,
      },
      {
        name: "tied_pledges",
        type: "integer",
        description: "Pledges the view selects that it is a condition of.",
        width: 12,
      },
      {
        name: "unlocks_pledges",
        type: "integer",
        description: "Pledges meeting it would make unconditional.",
        width: 14,
      },
      ...rangeColumns("unlocks", "What meeting it would make unconditional"),
      {
        name: "coverage_if_met_alone_low",
        type: "number",
        description:
          "The share of the requirement covered unconditionally were it alone met: low end (0.5 is 50 %).",
        width: 14,
        share: true,
      },
      {
        name: "coverage_if_met_alone_high",
        type: "number",
        description: "The same share: high end.",
        width: 14,
        share: true,
      },
      unitColumn,
    ],
    cells: (condition) => [
      condition.slug,
      condition.title,
      condition.status,
      t(`vocabulary.conditionStatus.${condition.status}`),
      condition.dependsOn,
      condition.pledges,
      condition.effect.pledges,
      ...rangeCells(condition.effect.quantity, words),
      condition.worth.alone.coverage?.low ?? null,
      condition.worth.alone.coverage?.high ?? null,
      unit,
    ],
  };
}

type BreakdownBy = Parameters<typeof breakdownRows>[1];
type BreakdownRow = ReturnType<typeof breakdownRows>[number];

/** Each breakdown's sheet in the catalog (workbook.sheet.*). */
const breakdowns = {
  status: "byStatus",
  category: "byCategory",
  stakeholder: "byStakeholder",
  lead: "byLead",
} as const satisfies Record<BreakdownBy, string>;

/** The pledges by status, category, stakeholder or lead, as the dashboard and the API break them down. */
function breakdownTable(by: BreakdownBy, unit: string, words: Words): Table<BreakdownRow> {
  const { t } = words;
  const sheet = breakdowns[by];
  return {
    name: `by-${by}`,
    title: t(`workbook.sheet.${sheet}`),
    description:
      sheet === "byLead"
        ? t("workbook.sheet.byLeadText", {
            rule: t("report.leadAttribution", { noSingleLead: t("report.noSingleLead") }),
          })
        : t(`workbook.sheet.${sheet}Text`),
    columns: [
      { name: by, type: "string", description: `The ${by}'s key (a slug or a code).`, width: 20 },
      { name: `${by}_label`, type: "string", description: `The ${by} in words.`, width: 32 },
      { name: "pledges", type: "integer", description: "How many pledges.", width: 10 },
      ...rangeColumns("pledged", "Pledged (withdrawn pledges left out)"),
      ...rangeColumns("delivered", "Delivered"),
      ...rangeColumns("unconditional", "Unconditional under the scenario", 16),
      unitColumn,
    ],
    cells: ({ key, label, row }) => [
      key,
      label,
      row.count,
      ...rangeCells(row.pledged, words),
      ...rangeCells(row.delivered, words),
      ...rangeCells(row.unconditional, words),
      unit,
    ],
  };
}

const breakdownKinds = Object.keys(breakdowns) as BreakdownBy[];

/** "2026-01-06T12:00:00Z": to the second, the form Table Schema's datetime reads. */
const instant = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, "Z");

function historyTable(
  sourceNames: ReadonlyMap<string, string>,
  { t, locale }: Words,
): Table<StatusChangeRecord> {
  return {
    name: "status-history",
    title: t("workbook.sheet.history"),
    description: t("workbook.sheet.historyText"),
    columns: [
      { name: "id", type: "string", description: "The change's id.", width: 28 },
      { name: "occurred_at_utc", type: "datetime", description: "When it took effect (UTC).", width: 22 },
      { name: "subject", type: "string", description: "pledge or condition.", width: 10 },
      { name: "title", type: "string", description: "The pledge's or condition's title.", width: 44 },
      { name: "from", type: "string", description: "The status before (empty for the first).", width: 14 },
      { name: "from_label", type: "string", description: "The status before, in words.", width: 16 },
      { name: "to", type: "string", description: "The status after.", width: 14 },
      { name: "to_label", type: "string", description: "The status after, in words.", width: 16 },
      { name: "note", type: "string", description: "What the analyst noted.", width: 60 },
      {
        name: "recorded_by",
        type: "string",
        description: "Who recorded it, for changes recorded before accounts.",
        width: 20,
      },
      {
        name: "source_ids",
        type: "string",
        description: "The ids of the sources it cites (sources.csv), joined with '; '.",
        width: 28,
      },
      {
        name: "sources",
        type: "string",
        description: "The sources it cites: title, publisher, date <address>.",
        width: 60,
      },
    ],
    cells: (change) => {
      return [
        change.id,
        instant(change.occurredAt),
        change.subject,
        change.pledgeTitle ?? change.conditionTitle,
        change.fromStatus,
        change.fromStatus && statusLabel(change.subject, change.fromStatus, locale),
        change.toStatus,
        change.toStatus && statusLabel(change.subject, change.toStatus, locale),
        noteIn(change.note, locale),
        change.recordedBy,
        change.sourceIds.join("; "),
        change.sourceIds.map((id) => sourceNames.get(id) ?? id).join("; "),
      ];
    },
  };
}

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
  fileName: string | null;
}

/** "Council conclusions, European Council, 2026-01-06 <https://…>": as much of it as is recorded. */
export function sourceName(source: SourceRecord): string {
  const said = [source.title, source.publisher, source.publishedOn].filter(Boolean).join(", ");
  return source.url ? `${said} <${source.url}>` : said;
}

const sourceTable = ({ t }: Words): Table<SourceRecord> => ({
  name: "sources",
  title: t("workbook.sheet.sources"),
  description: t("workbook.sheet.sourcesText"),
  columns: [
    { name: "id", type: "string", description: "The source's id.", width: 28 },
    { name: "title", type: "string", description: "Its title.", width: 60 },
    { name: "publisher", type: "string", description: "Who published it.", width: 24 },
    { name: "published_on", type: "date", description: "When.", width: 14 },
    { name: "url", type: "string", description: "Where it can be read.", width: 40 },
    { name: "file", type: "string", description: "The file it was read from.", width: 28 },
  ],
  cells: (source) => [
    source.id,
    source.title,
    source.publisher,
    source.publishedOn,
    source.url,
    source.fileName,
  ],
});

/** A table bound to its rows: its columns and meaning, and its rows' cells in batches as they are read. */
export interface TableRows {
  table: Omit<Table<never>, "cells">;
  batches: () => AsyncGenerator<unknown[][]>;
  /** The unit every amount in it is in, where they share one (the pledges each have their own). */
  unit: string | null;
  /** Its key columns, for a Table Schema. */
  primaryKey?: string[];
}

function bind<Item>(
  table: Table<Item>,
  items: Iterable<Item> | AsyncIterable<Item[]>,
  unit: string | null,
  primaryKey?: string[],
): TableRows {
  return {
    table,
    unit,
    primaryKey,
    async *batches() {
      if (Symbol.asyncIterator in items) {
        for await (const batch of items) yield batch.map(table.cells);
      } else {
        yield [...items].map(table.cells);
      }
    },
  };
}

export interface ReportRows {
  summary: Summary;
  pledges: AsyncIterable<PledgeListItem[]>;
  history: AsyncIterable<StatusChangeRecord[]>;
  sources: SourceRecord[];
  /** The language of the sheets' names, descriptions and words; the column names are codes in every language. */
  locale?: Locale;
}

/**
 * Every table of a report, in the order a reader meets them: the summary, the pledges, the
 * conditions, a breakdown each by status, category, stakeholder and lead, the status history and
 * the sources. The workbook makes each a sheet, the data package a CSV file.
 */
export function reportTables({ summary, pledges, history, sources, locale = "en" }: ReportRows): TableRows[] {
  const { unit } = summary;
  const words: Words = { locale, t: translator(locale) };
  const sourceNames = new Map(sources.map((source) => [source.id, sourceName(source)]));
  return [
    bind(summaryTable(words), summaryFigures(summary, words), null),
    bind(pledgeTable(words), pledges, null, ["id"]),
    bind(conditionTable(unit, words), summary.conditions, unit, ["slug"]),
    ...breakdownKinds.map((by) =>
      bind(breakdownTable(by, unit, words), breakdownRows(summary, by, locale), unit),
    ),
    bind(historyTable(sourceNames, words), history, null, ["id"]),
    bind(sourceTable(words), sources, null, ["id"]),
  ];
}
