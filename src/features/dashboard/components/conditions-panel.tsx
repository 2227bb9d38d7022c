import Link from "next/link";
import { ConditionStatusBadge } from "@/components/ui/status-badge";
import { formatQuantity } from "@/lib/rules/quantity";
import type { DashboardSummary } from "@/lib/rules/summary";
import { Panel } from "@/components/ui/panel";
import { TableHead } from "@/components/ui/table-head";

/** Each condition, its status, and exactly what meeting it would release. */
export function ConditionsPanel({ conditions }: { conditions: DashboardSummary["conditions"] }) {
  return (
    <Panel headingId="conditions-heading" title="Conditions and what they unlock">
      <div className="overflow-x-auto">
        <table className="data-table" data-testid="conditions-table">
          <TableHead
            columns={[
              "Condition",
              "Status",
              { label: "Tied pledges", numeric: true },
              "Meeting it would unlock",
            ]}
          />
          <tbody>
            {conditions.map((condition) => (
              <tr key={condition.id}>
                <th scope="row" className="font-medium">
                  {condition.title}
                  {condition.dependsOn && (
                    <div className="note font-normal">Depends on {condition.dependsOn}</div>
                  )}
                </th>
                <td>
                  <ConditionStatusBadge status={condition.status} />
                  {condition.assumedMet && (
                    <div className="mt-1 text-xs font-medium text-blue-900">Assumed met in this scenario</div>
                  )}
                </td>
                <td className="num">
                  <Link href={`/pledges?condition=${condition.slug}`} className="link">
                    {condition.pledges}
                  </Link>
                </td>
                <td>
                  {condition.assumedMet
                    ? "Already counted in this scenario"
                    : condition.effect.pledges === 0
                      ? "Nothing on its own (other conditions still block its pledges)"
                      : `${condition.effect.pledges} ${condition.effect.pledges === 1 ? "pledge" : "pledges"}${
                          condition.effect.quantity.high > 0n
                            ? `, ${formatQuantity(condition.effect.quantity, { ceilingWords: "up to" })}`
                            : ""
                        }`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
