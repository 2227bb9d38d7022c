"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { ConditionStatusBadge } from "@/components/ui/status-badge";
import { Panel } from "@/components/ui/panel";
import { TableHead } from "@/components/ui/table-head";
import type { ConditionLine } from "../breakdown-lines";

/** Each condition, its status, and exactly what meeting it would release. */
export function ConditionsPanel({ conditions }: { conditions: ConditionLine[] }) {
  const t = useTranslations("dashboard.conditions");
  return (
    <Panel headingId="conditions-heading" title={t("title")}>
      <div className="overflow-x-auto">
        <table className="data-table" data-testid="conditions-table">
          <TableHead
            columns={[t("condition"), t("status"), { label: t("tied"), numeric: true }, t("unlocks")]}
          />
          <tbody>
            {conditions.map((condition) => (
              <tr key={condition.slug}>
                <th scope="row" className="font-medium">
                  <Link href={`/conditions/${condition.slug}`} className="link">
                    {condition.title}
                  </Link>
                  {condition.dependsOn && (
                    <div className="note font-normal">{t("dependsOn", { title: condition.dependsOn })}</div>
                  )}
                </th>
                <td>
                  <ConditionStatusBadge status={condition.status} />
                  {condition.assumedMet && (
                    <div className="mt-1 text-xs font-medium text-blue-900">{t("assumed")}</div>
                  )}
                </td>
                <td className="num">
                  <Link href={`/pledges?condition=${condition.slug}`} className="link">
                    {condition.pledges}
                  </Link>
                </td>
                <td>{condition.unlocks}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
