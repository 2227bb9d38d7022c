import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { intlLocale } from "@/lib/rules/units";
import { shownDay } from "@/lib/format";
import type { RecordListRow } from "../queries";
import { RecordRowsTable, type RecordRowView, type RecordTableProps } from "./record-rows-table";

/** A row as the table shows it, its words, count and day written here, on the server (as the pledge table's). */
function rowView(
  { uses, changedAt, detail, detailIs, ...row }: RecordListRow,
  locale: Locale,
  words: ReturnType<typeof useTranslations<"vocabulary">>,
): RecordRowView {
  return {
    ...row,
    detail: detailIs ? words(`${detailIs}.${detail}` as "conditionStatus.met") : detail,
    uses: new Intl.NumberFormat(intlLocale(locale)).format(uses),
    changed: shownDay(changedAt, locale),
  };
}

/** One page of a kind of record, sortable by name, detail and last change; the order is in the URL. */
export function RecordTable({ rows, ...table }: Omit<RecordTableProps, "rows"> & { rows: RecordListRow[] }) {
  const locale = useLocale();
  const words = useTranslations("vocabulary");
  return <RecordRowsTable rows={rows.map((row) => rowView(row, locale, words))} {...table} />;
}
