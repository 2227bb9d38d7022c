"use client";

import { StatusBadge } from "@/components/ui/status-badge";
import type { DashboardSummary } from "@/lib/rules/summary";
import { categoryLabels } from "@/lib/rules/vocabulary";
import { BreakdownTable } from "./breakdown-table";
import { ConditionsPanel } from "./conditions-panel";

type BreakdownsViewProps = Pick<
  DashboardSummary,
  "byEffectiveStatus" | "byCategory" | "byStakeholder" | "conditions"
>;

/** The breakdowns by effective status, category and stakeholder, and the conditions panel. */
export function BreakdownsView({
  byEffectiveStatus,
  byCategory,
  byStakeholder,
  conditions,
}: BreakdownsViewProps) {
  return (
    <>
      <div className="grid gap-5 lg:grid-cols-2">
        <BreakdownTable
          id="by-status"
          title="Pledges by effective status"
          keyHeading="Effective status"
          rows={byEffectiveStatus}
          keyOf={(row) => row.key}
          labelOf={(row) => <StatusBadge status={row.key} />}
        />
        <BreakdownTable
          id="by-category"
          title="Pledges by category"
          keyHeading="Category"
          rows={byCategory}
          keyOf={(row) => row.key}
          labelOf={(row) => categoryLabels[row.key]}
        />
      </div>
      <BreakdownTable
        id="by-stakeholder"
        title="Who carries what (a pledge counts for each of its pledgers, leads and contributors)"
        keyHeading="Stakeholder"
        rows={byStakeholder}
        keyOf={(row) => row.key}
        labelOf={(row) => row.stakeholder.name}
      />
      <ConditionsPanel conditions={conditions} />
    </>
  );
}
