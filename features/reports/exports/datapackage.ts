import "server-only";
import { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { stringify } from "csv-stringify/sync";
import type { Figures } from "@/features/figures";
import type { PledgeListItem } from "@/features/pledges";
import { csvText } from "@/lib/csv-cells";
import type { StatusChangeRecord } from "../queries";
import type { ReportAbout } from "../report-about";
import { reportTables, sourceName, type SourceRecord, type TableRows } from "./tables";

// The data package: the report's tables (./tables.ts) as CSV files, described by a Frictionless
// Data Package (https://specs.frictionlessdata.io/tabular-data-package/) so that any tool that
// reads the standard knows each column's type, unit and meaning, the view and the sources.

/** Whoever reuses the data credits Pledgewatch and, through it, the sources it cites. */
const licence = {
  name: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
};

export interface PackageInput {
  figures: Figures;
  pledges: AsyncIterable<PledgeListItem[]>;
  history: AsyncIterable<StatusChangeRecord[]>;
  sources: SourceRecord[];
  madeAt: Date;
  about: ReportAbout;
  /** The view as data (lib/rules/report-view.ts viewJson). */
  view: object;
  /** The package's name: lower case, the view's file name without its extension. */
  name: string;
}

/** A table as CSV text (RFC 4180, CRLF, no byte-order mark: the package says it is UTF-8), as it is read. */
async function* tableCsv({ table, batches }: TableRows) {
  const lines = (rows: unknown[][]) => stringify(rows, { record_delimiter: "windows" });
  yield lines([table.columns.map((column) => column.name)]);
  const textAt = table.columns.map((column) => column.type === "string");
  // Text a spreadsheet would run as a formula is defused, as in every CSV the app writes.
  const defused = (cells: unknown[]) =>
    cells.map((cell, index) => (textAt[index] && typeof cell === "string" ? csvText(cell) : cell));
  for await (const batch of batches()) yield lines(batch.map(defused));
}

/** A table's Table Schema: its fields with their types, meanings and units. */
function resourceOf({ table, unit, primaryKey }: TableRows) {
  return {
    name: table.name,
    title: table.title,
    description: table.description,
    path: `data/${table.name}.csv`,
    profile: "tabular-data-resource",
    format: "csv",
    mediatype: "text/csv",
    encoding: "utf-8",
    // Said outright, so that no reader has to guess the delimiter from the first rows.
    dialect: { delimiter: ",", doubleQuote: true, quoteChar: '"', lineTerminator: "\r\n", header: true },
    schema: {
      fields: table.columns.map((column) => ({
        name: column.name,
        type: column.type,
        description: column.description,
        // Not part of Table Schema: a unit where every row of the table shares one.
        ...(column.amount && unit ? { unit } : {}),
        ...(column.share ? { unit: "fraction (0.5 is 50 %)" } : {}),
      })),
      // Empty cells are missing values; "" is Table Schema's default, said here for readers.
      missingValues: [""],
      ...(primaryKey ? { primaryKey } : {}),
    },
  };
}

/**
 * The data package as a zip stream: datapackage.json first, then data/*.csv, each written as it is
 * read (the pledges and the history in batches), so memory stays flat however many rows there are.
 */
export function dataPackageZip(input: PackageInput): Readable {
  const tables = reportTables({ ...input, summary: input.figures.summary });
  const descriptor = {
    profile: "tabular-data-package",
    name: input.name,
    title: "Pledgewatch: what was pledged against what is needed",
    description: `${input.about.viewWords}. ${input.about.counting.join(" ")}`,
    created: input.madeAt.toISOString(),
    homepage: input.about.address,
    version: "1.0.0",
    licenses: [licence],
    contributors: [{ title: "Pledgewatch", role: "publisher", path: input.about.address }],
    sources: input.sources.map((source) => ({
      title: sourceName(source),
      ...(source.url ? { path: source.url } : {}),
    })),
    keywords: ["pledges", "ceasefire", "Ukraine", "security guarantees"],
    // Not part of the Data Package standard: the view the package holds, as the API names it.
    view: input.view,
    about: Object.fromEntries(input.about.lines.map(({ label, text }) => [label, text])),
    resources: tables.map(resourceOf),
  };

  const zip = new ZipArchive({ zlib: { level: 6 } });
  zip.append(`${JSON.stringify(descriptor, null, 2)}\n`, { name: "datapackage.json", date: input.madeAt });
  for (const table of tables) {
    const csv = Readable.from(tableCsv(table));
    // archiver does not pass on a source's error: a read that fails ends the whole download with it.
    csv.on("error", (error) => zip.destroy(error));
    zip.append(csv, { name: `data/${table.table.name}.csv`, date: input.madeAt });
  }
  // Its failure is the archive's error event, which the caller listens to.
  zip.finalize().catch(() => undefined);
  return zip;
}
