import { describeViewTime } from "@/lib/view-time";
import type { Metadata } from "next";
import { ParamErrors } from "@/components/ui/param-errors";
import { breakdownLines, conditionLines } from "@/features/dashboard";
import { BreakdownTable } from "@/features/dashboard/components/breakdown-table";
import { ConditionsPanel } from "@/features/dashboard/components/conditions-panel";
import { FigureEvidence } from "@/features/dashboard/components/figure-evidence";
import { GapPanel } from "@/features/dashboard/components/gap-panel";
import { KpiCards } from "@/features/dashboard/components/kpi-cards";
import {
  figureParams,
  figureViewOf,
  headlineOf,
  loadFigures,
  unknownConditionErrors,
} from "@/features/figures";
import { formatDate } from "@/lib/format";
import { reportAbout } from "@/features/reports";
import { ReportAboutPanel } from "@/features/reports/components/report-about-panel";
import { publicOrigin } from "@/server/env";
import { parseSearchParams, pathWithQuery } from "@/lib/search-params";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Briefing" };

/**
 * The briefing for decision makers, laid out for paper: what briefing.pdf prints (through headless
 * Chromium), with the dashboard's own components and figures.
 */
export default async function BriefingPage({ searchParams }: PageProps<"/dashboard/briefing">) {
  const query = await searchParams;
  const principal = await requirePagePermission("read", pathWithQuery("/dashboard/briefing", query));
  const parsed = parseSearchParams(figureParams, query);
  if (!parsed.ok) return <ParamErrors errors={parsed.errors} resetHref="/dashboard/briefing" />;
  const view = figureViewOf(parsed.data);
  const figures = await loadFigures(view);
  if (figures.unknownConditions.length > 0) {
    return (
      <ParamErrors
        errors={unknownConditionErrors(figures.unknownConditions)}
        resetHref="/dashboard/briefing"
      />
    );
  }
  const { summary, references, time, assumed } = figures;
  const viewTime = describeViewTime(time);
  // Printed as a PDF, the page is read at the server's internal address: the printer writes the
  // addresses anew from the site's (or the request's) own.
  const about = await reportAbout(view, {
    at: new Date(),
    by: principal?.name ?? null,
    origin: publicOrigin() ?? "",
  });
  return (
    <article className="space-y-5" data-testid="briefing">
      <header>
        <p className="text-sm font-medium text-slate-600">Pledgewatch briefing</p>
        <h1 className="text-2xl font-semibold tracking-tight">
          How far the pledges go as of {formatDate(time.asOf ?? new Date())}
        </h1>
        <p className="mt-1 text-sm text-slate-700">
          {viewTime ? `${viewTime}, rebuilt from the ledger and the status history. ` : "As recorded today. "}
          {assumed.length > 0 ? "Under a scenario (below). " : ""}
          {summary.pledgeCount} pledges.
        </p>
      </header>
      <ReportAboutPanel about={about} />
      <p className="text-lg font-semibold" data-testid="headline">
        {headlineOf(summary, time, new Date()).text}
      </p>
      {summary.gap && (
        <>
          <KpiCards gap={summary.gap} deliveredAbovePledge={summary.totals.deliveredAbove} />
          <GapPanel gap={summary.gap} capacities={references.capacities} />
        </>
      )}
      <BreakdownTable
        id="by-status"
        title="Pledges by effective status"
        keyHeading="Effective status"
        lines={breakdownLines(summary).byStatus}
        statusBadges
      />
      <ConditionsPanel conditions={conditionLines(summary.conditions)} />
      <FigureEvidence
        requirements={references.requirement ? [references.requirement] : []}
        pledges={references.pledgeEvidence}
        capacities={references.capacities}
      />
    </article>
  );
}
