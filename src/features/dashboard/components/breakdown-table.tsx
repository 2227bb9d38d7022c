import type { ReactNode } from "react";
import type { BreakdownRow } from "@/lib/rules/breakdowns";
import { formatQuantity } from "@/lib/rules/quantity";

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
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-2 text-base font-semibold">
        {title}
      </h2>
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm" data-testid={id}>
          <thead className="text-left text-slate-700">
            <tr>
              <th scope="col" className="py-1 pr-3 font-semibold">
                {keyHeading}
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-semibold">
                Pledges
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Pledged
              </th>
              <th scope="col" className="py-1 font-semibold">
                Unconditional
              </th>
            </tr>
          </thead>
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
    </section>
  );
}
