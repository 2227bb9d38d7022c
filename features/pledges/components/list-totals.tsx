import Link from "next/link";
import { ScaledQuantity } from "@/components/ui/scaled-amount";
import { TableHead } from "@/components/ui/table-head";
import type { Quantity } from "@/lib/rules/quantity";

interface ListTotalsProps {
  /** One line per unit the listed pledges state: the summary's figures for the same filters. */
  totals: { unit: string; pledged: Quantity; unconditional: Quantity; delivered: Quantity }[];
}

/** What the whole filtered list adds up to, every page of it, counted as the dashboard counts. */
export function ListTotals({ totals }: ListTotalsProps) {
  if (totals.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="data-table" data-testid="list-totals">
        <caption className="text-left text-sm text-slate-700">
          Totals of the pledges these filters select, every page, counted as the dashboard counts them
          (withdrawn pledges in none:{" "}
          <Link href="/methodology" className="link">
            how
          </Link>
          )
        </caption>
        <TableHead
          columns={[
            "Unit",
            { label: "Pledged", numeric: true },
            { label: "Unconditional", numeric: true },
            { label: "Delivered", numeric: true },
          ]}
        />
        <tbody>
          {totals.map((line) => (
            <tr key={line.unit}>
              <th scope="row">{line.unit}</th>
              <td className="num">
                <ScaledQuantity quantity={line.pledged} />
              </td>
              <td className="num">
                <ScaledQuantity quantity={line.unconditional} />
              </td>
              <td className="num">
                <ScaledQuantity quantity={line.delivered} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
