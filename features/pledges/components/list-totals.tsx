import { useLocale, useTranslations } from "next-intl";
import { ScaledQuantity } from "@/components/ui/scaled-amount";
import { TableHead } from "@/components/ui/table-head";
import type { Quantity } from "@/lib/rules/quantity";
import { unitName } from "@/lib/rules/units";
import { linkTag } from "@/components/ui/rich-tags";

interface ListTotalsProps {
  /** One line per unit the listed pledges state: the summary's figures for the same filters. */
  totals: { unit: string; pledged: Quantity; unconditional: Quantity; delivered: Quantity }[];
}

/** What the whole filtered list adds up to, every page of it, counted as the dashboard counts. */
export function ListTotals({ totals }: ListTotalsProps) {
  const t = useTranslations("pledges");
  const figure = useTranslations("dashboard.figure");
  const unit = useTranslations("dashboard.controls");
  const locale = useLocale();
  if (totals.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <table className="data-table" data-testid="list-totals">
        <caption className="text-left text-sm text-slate-700">
          {t.rich("totalsCaption", {
            link: linkTag("/methodology"),
          })}
        </caption>
        <TableHead
          columns={[
            unit("unit"),
            { label: figure("pledged"), numeric: true },
            { label: figure("unconditional"), numeric: true },
            { label: figure("delivered"), numeric: true },
          ]}
        />
        <tbody>
          {totals.map((line) => (
            <tr key={line.unit}>
              <th scope="row">{unitName(line.unit, locale)}</th>
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
