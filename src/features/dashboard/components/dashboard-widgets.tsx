import { ParamErrors } from "@/components/ui/param-errors";
import { StatusBadge } from "@/components/ui/status-badge";
import { categoryLabels } from "@/lib/rules/vocabulary";
import { loadDashboard } from "../load-dashboard";
import { BreakdownTable } from "./breakdown-table";
import { ConditionsPanel } from "./conditions-panel";
import { DashboardControls } from "./dashboard-controls";
import { FigureEvidence } from "./figure-evidence";
import { GapPanel } from "./gap-panel";
import { KpiCards } from "./kpi-cards";
import { StatusTimeline } from "./status-timeline";

interface DashboardWidgetsProps {
  metric: string;
  assumed: string;
  asOfDay: string;
}

export async function DashboardWidgets({ metric, assumed, asOfDay }: DashboardWidgetsProps) {
  const { summary, references, timeline, unknownConditions, asOf } = await loadDashboard(
    metric,
    assumed,
    asOfDay,
  );
  const errors = [
    ...unknownConditions.map((slug) => ({ param: "assume", message: `there is no condition "${slug}"` })),
    ...(summary.gap
      ? []
      : [
          {
            param: "metric",
            message: `no requirement is recorded in ${metric}; metrics with one: ${references.metrics.join(", ") || "none"}`,
          },
        ]),
  ];
  return (
    <div className="space-y-5">
      <DashboardControls
        metric={metric}
        metrics={references.metrics}
        asOf={asOf}
        conditions={summary.conditions.map(({ slug, title, status, assumedMet }) => ({
          slug,
          title,
          status,
          assumedMet,
        }))}
      />
      {errors.length > 0 && <ParamErrors errors={errors} resetHref="/dashboard" />}
      {summary.pledgeCount === 0 && (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm"
          data-testid="no-pledges"
        >
          No pledge had been announced by this date.
        </p>
      )}
      {summary.gap && (
        <>
          <KpiCards gap={summary.gap} />
          <GapPanel gap={summary.gap} capacities={references.capacities} />
        </>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        <BreakdownTable
          id="by-status"
          title="Pledges by effective status"
          keyHeading="Effective status"
          rows={summary.byEffectiveStatus}
          keyOf={(row) => row.key}
          labelOf={(row) => <StatusBadge status={row.key} />}
        />
        <BreakdownTable
          id="by-category"
          title="Pledges by category"
          keyHeading="Category"
          rows={summary.byCategory}
          keyOf={(row) => row.key}
          labelOf={(row) => categoryLabels[row.key]}
        />
      </div>
      <BreakdownTable
        id="by-stakeholder"
        title="Who carries what (a pledge counts for each of its pledgers, leads and contributors)"
        keyHeading="Stakeholder"
        rows={summary.byStakeholder}
        keyOf={(row) => row.key}
        labelOf={(row) => row.stakeholder.name}
      />
      <ConditionsPanel conditions={summary.conditions} />
      <StatusTimeline entries={timeline} />
      <FigureEvidence
        requirements={references.requirements.slice(0, 1)}
        pledges={references.pledgeEvidence}
        capacities={references.capacities}
      />
    </div>
  );
}
