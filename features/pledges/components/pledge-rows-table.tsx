"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import { Day } from "@/components/ui/day";
import { ExceedsBadge } from "@/components/ui/exceeds-badge";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ShownDay } from "@/lib/format";
import type { EffectiveStatus } from "@/lib/rules/vocabulary";
import { firstDirection, pledgeSortKeys, type PledgeOrder, type PledgeSortKey } from "../index";
import { ariaSort, orderedHref, SortHeading } from "@/components/ui/sort-heading";

/** A pledge as a row shows it: its words and figures written on the server (pledge-table.tsx). */
export interface PledgeRowView {
  id: string;
  title: string;
  category: string;
  stakeholders: { slug: string; name: string; role: string }[];
  /** As the source stated it; null when it stated none. */
  quantity: string | null;
  /** What has been delivered, when anything has. */
  delivered: string | null;
  exceeds: boolean;
  status: EffectiveStatus;
  /** The lifecycle status, said beside a conditional one. */
  lifecycle: string;
  blockedBy: { id: string; slug: string; title: string }[];
  announced: ShownDay;
  due: ShownDay | null;
  lastChange: ShownDay | null;
}

/** On a phone each row becomes a card (its headings hidden), and its cells say what they are. */
function MobileLabel({ children }: { children: string }) {
  return <span className="block text-xs font-semibold text-slate-600 sm:hidden">{children}</span>;
}

/** The table's words, from the catalog's "pledges" namespace (the page hands it to the browser). */
type Words = ReturnType<typeof useTranslations<"pledges">>;

// The table's model (columns, sort state) is TanStack Table's; the sorting itself happens in SQL
// (features/pledges/queries.ts), so the table is told the order rather than asked to make it.
const features = tableFeatures({ rowSortingFeature });
const column = createColumnHelper<typeof features, PledgeRowView>();
const sortable = (key: PledgeSortKey) => ({ sortDescFirst: firstDirection[key] === "desc" });

function makeColumns(t: Words) {
  const notStated = <span className="text-slate-600">{t("table.notStated")}</span>;
  const columns = column.columns([
    column.accessor("title", {
      id: "title",
      header: t("table.pledge"),
      ...sortable("title"),
      cell: ({ row: { original: pledge } }) => (
        <>
          <Link
            href={`/pledges/${pledge.id}`}
            className="font-medium text-blue-800 underline-offset-4 hover:underline"
          >
            {pledge.title}
          </Link>
          <div className="text-xs text-slate-600">{pledge.category}</div>
        </>
      ),
    }),
    column.accessor((pledge) => pledge.stakeholders[0]?.name, {
      id: "stakeholder",
      header: t("sort.stakeholder"),
      ...sortable("stakeholder"),
      cell: ({ row: { original: pledge } }) => (
        <>
          <MobileLabel>{t("sort.stakeholder")}</MobileLabel>
          <ul>
            {pledge.stakeholders.map((s) => (
              <li key={`${s.slug}-${s.role}`}>
                <Link href={`/stakeholders/${s.slug}`} className="link">
                  {s.name}
                </Link>{" "}
                <span className="text-xs text-slate-600">({s.role})</span>
              </li>
            ))}
          </ul>
        </>
      ),
    }),
    column.accessor("quantity", {
      id: "quantity",
      header: t("sort.quantity"),
      ...sortable("quantity"),
      cell: ({ row: { original: pledge } }) => (
        <>
          <MobileLabel>{t("sort.quantity")}</MobileLabel>
          {pledge.quantity ?? notStated}
          {pledge.delivered !== null && (
            <span className="block text-xs text-slate-700">
              {t("table.delivered", { amount: pledge.delivered })}
              {pledge.exceeds && <ExceedsBadge />}
            </span>
          )}
        </>
      ),
    }),
    column.accessor("status", {
      id: "status",
      header: t("sort.status"),
      ...sortable("status"),
      cell: ({ row: { original: pledge } }) => (
        <>
          <MobileLabel>{t("sort.status")}</MobileLabel>
          <div className="flex flex-col items-start gap-1">
            <StatusBadge status={pledge.status} />
            {pledge.status === "conditional" && (
              <span className="text-xs text-slate-700">
                {t("table.waitingOn", { lifecycle: pledge.lifecycle })}{" "}
                {pledge.blockedBy.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 && "; "}
                    <Link href={`/conditions/${c.slug}`} className="link">
                      {c.title}
                    </Link>
                  </span>
                ))}
              </span>
            )}
          </div>
        </>
      ),
    }),
    column.accessor((pledge) => pledge.announced.machine, {
      id: "announced",
      header: t("sort.announced"),
      ...sortable("announced"),
      cell: ({ row: { original: pledge } }) => (
        <>
          <MobileLabel>{t("sort.announced")}</MobileLabel>
          <Day day={pledge.announced} />
        </>
      ),
    }),
    column.accessor((pledge) => pledge.due?.machine, {
      id: "due",
      header: t("sort.due"),
      ...sortable("due"),
      cell: ({ row: { original: pledge } }) => (
        <>
          <MobileLabel>{t("sort.due")}</MobileLabel>
          {pledge.due ? <Day day={pledge.due} /> : notStated}
        </>
      ),
    }),
    column.accessor((pledge) => pledge.lastChange?.machine, {
      id: "lastChange",
      header: t("sort.lastChange"),
      ...sortable("lastChange"),
      cell: ({ row: { original: pledge } }) => (
        <>
          <MobileLabel>{t("sort.lastChange")}</MobileLabel>
          {pledge.lastChange ? <Day day={pledge.lastChange} /> : "—"}
        </>
      ),
    }),
  ]);

  /** For those who may edit: what an analyst records most, from the row itself. */
  const actionsColumn = column.display({
    id: "actions",
    header: t("table.record"),
    cell: ({ row: { original: pledge } }) => (
      <ul className="space-y-1 whitespace-nowrap">
        <li>
          <Link
            href={`/pledges/${pledge.id}/status`}
            className="link"
            aria-label={t("table.recordStatus", { title: pledge.title })}
          >
            {t("table.statusChange")}
          </Link>
        </li>
        <li>
          <Link
            href={`/pledges/${pledge.id}/delivery`}
            className="link"
            aria-label={t("table.recordDelivery", { title: pledge.title })}
          >
            {t("table.delivery")}
          </Link>
        </li>
      </ul>
    ),
  });
  return { columns, columnsWithActions: [...columns, actionsColumn] };
}

export interface PledgeTableProps {
  rows: PledgeRowView[];
  /** A sortable list: its order, its address and its other parameters (a new order starts at page 1). */
  sorting?: { order: PledgeOrder; path: string; query: string };
  caption?: string;
  /** The reader may edit: each row offers to record a status change or a delivery. */
  canEdit?: boolean;
}

/** The pledges' table, given its rows as shown (PledgeTable in pledge-table.tsx writes them). */
export function PledgeRowsTable({ rows, sorting, caption, canEdit = false }: PledgeTableProps) {
  const t = useTranslations("pledges");
  const { columns, columnsWithActions } = useMemo(() => makeColumns(t), [t]);
  // A new order starts at its top, not where the old one was scrolled to; the focus stays on the heading.
  const box = useRef<HTMLDivElement>(null);
  const orderKey = sorting ? `${sorting.order.key}-${sorting.order.dir}` : "";
  useEffect(() => {
    box.current?.scrollTo({ top: 0 });
  }, [orderKey]);
  const table = useTable({
    features,
    columns: canEdit ? columnsWithActions : columns,
    data: rows,
    manualSorting: true,
    enableSorting: sorting !== undefined,
    enableSortingRemoval: false,
    state: { sorting: sorting ? [{ id: sorting.order.key, desc: sorting.order.dir === "desc" }] : [] },
  });
  return (
    <>
      {sorting && <PhoneSort sorting={sorting} />}
      <div
        ref={box}
        className="max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white max-sm:max-h-none"
      >
        <table className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
          <caption className="sr-only">{caption ?? t("table.caption")}</caption>
          <thead className="sticky top-0 z-10 bg-slate-50 text-left text-slate-700 shadow-[0_1px_0_#e2e8f0] max-sm:hidden">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = header.column.columnDef.header as string;
                  let content: ReactNode = label;
                  if (sorting && header.column.getCanSort()) {
                    const next = header.column.getNextSortingOrder() || header.column.getFirstSortDir();
                    const key = header.column.id as PledgeSortKey;
                    content = (
                      <SortHeading
                        label={label}
                        sorted={sorted}
                        next={next}
                        href={orderedHref(sorting, { key, dir: next })}
                      />
                    );
                  }
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2 font-semibold whitespace-nowrap"
                      aria-sort={sorted ? ariaSort[sorted] : sorting ? "none" : undefined}
                    >
                      {content}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100 max-sm:block">
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.original.id}
                className="align-top max-sm:block max-sm:py-2"
                data-testid="pledge-row"
              >
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={`px-3 py-2 max-sm:block max-sm:py-1 ${cell.column.id === "title" || cell.column.id === "stakeholder" || cell.column.id === "status" ? "" : "whitespace-nowrap"}`}
                  >
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** On a phone the headings are hidden (each row is a card): the same orders as a row of links. */
function PhoneSort({ sorting }: { sorting: NonNullable<PledgeTableProps["sorting"]> }) {
  const t = useTranslations("pledges");
  return (
    <nav aria-label={t("table.sortThe")} className="flex flex-wrap gap-x-3 gap-y-1 text-sm sm:hidden">
      <span className="text-slate-700">{t("table.sortBy")}</span>
      {pledgeSortKeys.map((key) => {
        const current = sorting.order.key === key;
        const dir = current ? (sorting.order.dir === "asc" ? "desc" : "asc") : firstDirection[key];
        return (
          <Link
            key={key}
            href={orderedHref(sorting, { key, dir })}
            scroll={false}
            className="link"
            aria-current={current ? "true" : undefined}
          >
            {t(`sort.${key}`)}
            {current && <span aria-hidden="true">{sorting.order.dir === "asc" ? " ▲" : " ▼"}</span>}
            {current && (
              <span className="sr-only">
                {t(sorting.order.dir === "asc" ? "table.sortedAscending" : "table.sortedDescending")}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
