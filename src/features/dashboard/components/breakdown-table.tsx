import type { ReactNode } from "react";
import type { BreakdownRow } from "@/lib/rules/breakdowns";
import { formatQuantity } from "@/lib/rules/quantity";
import { Panel } from "@/components/ui/panel";
import { TableHead } from "@/components/ui/table-head";

interface BreakdownTableProps<R extends BreakdownRow<unknown>> {
  id: string;
  title: string;
  keyHeading: string;
  rows: R[];
  labelOf: (row: R) => ReactNode;
  keyOf: (row: R) => string;
}

/** Counts and sums per group; a pledge without a stated quantity counts but adds nothing. */
export function BreakdownTable<R extends BreakdownRow<unknown>>({
  id,
  title,
  keyHeading,
  rows,
  labelOf,
  keyOf,
}: BreakdownTableProps<R>) {
  return (
    <Panel headingId={id} title={title}>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm" data-testid={id}>
          <TableHead
            columns={[keyHeading, { label: "Pledges", numeric: true }, "Pledged", "Unconditional"]}
          />
          <tbody>
            {rows.map((row) => (
              <tr key={keyOf(row)} className="border-t border-slate-100 align-top">
                <th scope="row" className="py-1 pr-3 text-left font-normal">
                  {labelOf(row)}
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">{row.count}</td>
                <td className="py-1 pr-3">
                  {row.pledged.high > 0n ? formatQuantity(row.pledged, { ceilingWords: "up to" }) : "—"}
                </td>
                <td className="py-1">
                  {row.unconditional.high > 0n
                    ? formatQuantity(row.unconditional, { ceilingWords: "up to" })
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
