import { shownDay } from "@/lib/format";
import type { RecordListRow } from "../queries";
import { RecordRowsTable, type RecordRowView, type RecordTableProps } from "./record-rows-table";

/** A row as the table shows it, its count and day written here, on the server (as the pledge table's). */
function rowView({ uses, changedAt, ...row }: RecordListRow): RecordRowView {
  return { ...row, uses: uses.toLocaleString("en-GB"), changed: shownDay(changedAt) };
}

/** One page of a kind of record, sortable by name, detail and last change; the order is in the URL. */
export function RecordTable({ rows, ...table }: Omit<RecordTableProps, "rows"> & { rows: RecordListRow[] }) {
  return <RecordRowsTable rows={rows.map(rowView)} {...table} />;
}
