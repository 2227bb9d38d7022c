"use client";

import Link from "next/link";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import { ariaSort, orderedHref, SortHeading } from "@/components/ui/sort-heading";
import { Day } from "@/components/ui/day";
import type { ShownDay } from "@/lib/format";
import type { RecordKind } from "../record-kinds";
import { recordFirstDirection } from "../record-order";
import type { RecordSortKey } from "../schemas";

/** A record as a row shows it: its count and day written on the server (record-table.tsx). */
export type RecordRowView = { id: string; label: string; detail: string; uses: string; changed: ShownDay };

// As the pledge list: TanStack Table's model, told the order the database sorted by.
const features = tableFeatures({ rowSortingFeature });
const column = createColumnHelper<typeof features, RecordRowView>();
const sortable = (key: RecordSortKey) => ({ sortDescFirst: recordFirstDirection[key] === "desc" });

export interface RecordTableProps {
  caption: string;
  kind: RecordKind;
  rows: RecordRowView[];
  headings: { name: string; detail: string; uses: string; changed: string };
  order: { key: RecordSortKey; dir: "asc" | "desc" };
  path: string;
  query: string;
}

/** RecordTable in the browser: its rows as written on the server, sortable by its headings. */
export function RecordRowsTable({ caption, kind, rows, headings, order, path, query }: RecordTableProps) {
  const columns = column.columns([
    column.accessor("label", {
      id: "name",
      header: headings.name,
      ...sortable("name"),
      cell: ({ row: { original } }) => (
        <Link href={`/manage/${kind}/${original.id}`} className="link">
          {original.label}
        </Link>
      ),
    }),
    column.accessor("detail", { id: "detail", header: headings.detail, ...sortable("detail") }),
    column.accessor("uses", {
      id: "uses",
      header: headings.uses,
      enableSorting: false,
    }),
    column.accessor("changed", {
      id: "changed",
      header: headings.changed,
      ...sortable("changed"),
      cell: ({ getValue }) => <Day day={getValue()} />,
    }),
  ]);
  const table = useTable({
    features,
    columns,
    data: rows,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting: [{ id: order.key, desc: order.dir === "desc" }] },
  });
  return (
    <div className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-slate-50 shadow-[0_1px_0_#e2e8f0]">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const label = header.column.columnDef.header as string;
                const canSort = header.column.getCanSort();
                const sorted = header.column.getIsSorted();
                const next = header.column.getNextSortingOrder() || header.column.getFirstSortDir();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`px-3 py-2 whitespace-nowrap ${header.column.id === "uses" ? "num" : ""}`}
                    aria-sort={canSort ? (sorted ? ariaSort[sorted] : "none") : undefined}
                  >
                    {canSort ? (
                      <SortHeading
                        label={label}
                        sorted={sorted}
                        next={next}
                        href={orderedHref({ path, query }, { key: header.column.id, dir: next })}
                      />
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.original.id} data-testid="record-row">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`px-3 ${cell.column.id === "uses" ? "num" : ""}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
