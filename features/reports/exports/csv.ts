import type { AuditLine } from "@/features/audit";
import { stringify } from "csv-stringify/sync";
import type { PledgeListItem } from "@/features/pledges/queries";
import { pledgeColumns, pledgeRow } from "./pledge-rows";
import { csvText, utf8Mark } from "@/lib/csv-cells";

const textColumns = new Set<string>(
  pledgeColumns.filter((column) => !("numeric" in column)).map((column) => column.key),
);

/** The CSV text for batches of pledges, header first: RFC 4180 quoting by csv-stringify, CRLF. */
export async function* pledgesCsv(batches: AsyncIterable<PledgeListItem[]>) {
  // A byte-order mark, so that spreadsheet programs read the file as UTF-8.
  yield utf8Mark + stringify([pledgeColumns.map((column) => column.header)], { record_delimiter: "windows" });
  for await (const batch of batches) {
    const rows = batch.map((item) => {
      const row = pledgeRow(item);
      return pledgeColumns.map(({ key }) => (textColumns.has(key) ? csvText(row[key]) : row[key]));
    });
    yield stringify(rows, { record_delimiter: "windows" });
  }
}

const auditHeader = [
  "at_utc",
  "who",
  "action",
  "record_type",
  "record_id",
  "record",
  "field",
  "before",
  "after",
  "note",
];

/** The audit trail as CSV, one row per field changed (one row for a change with no field). */
export async function* auditCsv(batches: AsyncIterable<AuditLine[]>) {
  yield utf8Mark + stringify([auditHeader], { record_delimiter: "windows" });
  for await (const batch of batches) {
    const rows = batch.flatMap((line) => {
      const fields = line.changes.length ? line.changes : [{ label: "", before: "", after: "" }];
      return fields.map((change) =>
        [
          line.at.toISOString(),
          line.actor,
          line.action,
          line.entityType,
          line.entityId,
          line.title,
          change.label,
          change.before,
          change.after,
          line.note ?? "",
        ].map(csvText),
      );
    });
    yield stringify(rows, { record_delimiter: "windows" });
  }
}
