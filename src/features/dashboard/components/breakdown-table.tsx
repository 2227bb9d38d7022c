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
        <table className="data-table" data-testid={id}>
          <TableHead
            columns={[keyHeading, { label: "Pledges", numeric: true }, "Pledged", "Unconditional"]}
          />
          <tbody>
            {rows.map((row) => (
              <tr key={keyOf(row)}>
                <th scope="row">{labelOf(row)}</th>
                <td className="num">{row.count}</td>
                <td>
                  {row.pledged.high > 0n ? formatQuantity(row.pledged, { ceilingWords: "up to" }) : "—"}
                </td>
                <td>
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
