import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { ExceedsBadge } from "@/components/ui/exceeds-badge";
import { formatDelivered, formatPledgeQuantity } from "@/lib/format";
import { categoryLabels, pledgeStatusLabels, roleLabels } from "@/lib/rules/vocabulary";
import { exceedsPledge, type PledgeListItem } from "../queries";
import { TableHead } from "@/components/ui/table-head";
import { AnnouncedDate } from "./announced-date";

/** On a phone each row becomes a card, and its cells say what they are. */
function MobileLabel({ children }: { children: string }) {
  return (
    <span aria-hidden="true" className="block text-xs font-semibold text-slate-600 sm:hidden">
      {children}
    </span>
  );
}

export function PledgeTable({ rows }: { rows: PledgeListItem[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm max-sm:block">
        <caption className="sr-only">Pledges matching the filters</caption>
        <TableHead
          padded
          columns={["Pledge", "Who", "Quantity", "Status", "Announced"]}
          className="bg-slate-50 max-sm:sr-only"
        />
        <tbody className="divide-y divide-slate-100 max-sm:block">
          {rows.map((pledge) => (
            <tr key={pledge.id} className="align-top max-sm:block max-sm:py-2" data-testid="pledge-row">
              <td className="px-3 py-2 max-sm:block max-sm:py-1">
                <Link
                  href={`/pledges/${pledge.id}`}
                  className="font-medium text-blue-800 underline-offset-4 hover:underline"
                >
                  {pledge.title}
                </Link>
                <div className="text-xs text-slate-600">{categoryLabels[pledge.category]}</div>
              </td>
              <td className="px-3 py-2 max-sm:block max-sm:py-1">
                <MobileLabel>Who</MobileLabel>
                <ul>
                  {pledge.stakeholders.map((s) => (
                    <li key={`${s.slug}-${s.role}`}>
                      <Link href={`/stakeholders/${s.slug}`} className="link">
                        {s.name}
                      </Link>{" "}
                      <span className="text-xs text-slate-600">({roleLabels[s.role].toLowerCase()})</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-3 py-2 whitespace-nowrap max-sm:block max-sm:py-1">
                <MobileLabel>Quantity</MobileLabel>
                {formatPledgeQuantity(pledge.quantity) ?? <span className="text-slate-600">Not stated</span>}
                {pledge.delivered !== null && pledge.delivered > 0n && (
                  <span className="block text-xs text-slate-700">
                    {formatDelivered(pledge.delivered, pledge.quantity.quantityUnit)} delivered
                    {exceedsPledge(pledge) && <ExceedsBadge />}
                  </span>
                )}
              </td>
              <td className="px-3 py-2 max-sm:block max-sm:py-1">
                <MobileLabel>Status</MobileLabel>
                <div className="flex flex-col items-start gap-1">
                  <StatusBadge status={pledge.effective.status} />
                  {pledge.effective.status === "conditional" && (
                    <span className="text-xs text-slate-700">
                      {pledgeStatusLabels[pledge.status]}; waiting on{" "}
                      {pledge.effective.blockedBy.map((c) => c.title).join("; ")}
                    </span>
                  )}
                </div>
              </td>
              <td className="px-3 py-2 whitespace-nowrap max-sm:block max-sm:py-1">
                <MobileLabel>Announced</MobileLabel>
                <AnnouncedDate pledge={pledge} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
