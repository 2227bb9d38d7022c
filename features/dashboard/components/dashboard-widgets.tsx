import { getLocale, getTranslations } from "next-intl/server";
import { Suspense, type ReactNode } from "react";
import { ParamErrors } from "@/components/ui/param-errors";
import { headlineOf, type FigureCitation, type Figures, type GapHistory } from "@/features/figures";
import { historyLines } from "../history-lines";
import { GapHistoryPanel } from "./gap-history-panel";
import { CiteFigure } from "./cite-figure";
import { formatDateTime } from "@/lib/format";
import { formatQuantity } from "@/lib/rules/quantity";
import { viewQuery } from "../view-query";
import type { Timeline } from "../queries";
import { breakdownLines, conditionLines, worthLines } from "../breakdown-lines";
import { unitName, unitWord } from "@/lib/rules/units";
import { BreakdownTable } from "./breakdown-table";
import { ConditionWorthPanel } from "./condition-worth-panel";
import { ConditionsPanel } from "./conditions-panel";
import { DashboardControls } from "./dashboard-controls";
import { FigureEvidence } from "./figure-evidence";
import { gapPanelLines, kpiCardLines } from "../gap-lines";
import { GapPanel } from "./gap-panel";
import { KpiCards } from "./kpi-cards";
import { StakeholderBreakdown } from "./stakeholder-breakdown";
import { StatusTimeline } from "./status-timeline";
import { linkTag } from "@/components/ui/rich-tags";

/** A dashboard view's data, as the page started loading it; each widget awaits what it shows. */
export interface DashboardView {
  metric: string;
  /** The unit the dashboard shows when the address names none. */
  openingMetric: string;
  figures: Promise<Figures>;
  history: Promise<GapHistory>;
  citation: Promise<FigureCitation>;
  timeline: Promise<Timeline>;
}

// Each widget below the headline awaits the same promises under its own Suspense boundary, so each
// shows its own skeleton while loading and the queries still run once. Most widgets are client
// components given plain data, their words and figures written here (gap-lines.ts,
// breakdown-lines.ts): the page then carries its figures once as data, rather than a second time as
// a serialised element tree beside the HTML, which made rendering it twice as costly. Nothing the
// browser draws at load formats a number or a date itself (a phone's first Intl formatter costs it
// some 200 ms of blocked main thread): the evidence and the timeline, whose quotes carry dates, are
// server components.

async function Controls(view: DashboardView) {
  const [{ summary, references, unknownConditions }, t, common] = await Promise.all([
    view.figures,
    getTranslations("dashboard"),
    getTranslations("common"),
  ]);
  // Said in the reader's language; the API says the same in English (UnknownConditionError).
  const errors = unknownConditions.map((slug) => ({
    param: "assume",
    message: common("noCondition", { slug }),
  }));
  // Every unit a pledge states or a requirement is recorded in, and the one asked for.
  const units = [...new Set([...summary.units, ...references.metrics, view.metric])].sort();
  return (
    <>
      <DashboardControls
        metric={view.metric}
        defaultMetric={view.openingMetric}
        metrics={units}
        conditions={summary.conditions
          .filter((condition) => condition.canBeAssumed || condition.assumedMet)
          .map(({ slug, title, status, assumedMet }) => ({ slug, title, status, assumedMet }))}
      />
      {errors.length > 0 && <ParamErrors errors={errors} resetHref="/dashboard" />}
      {summary.pledgeCount === 0 && (
        <p
          className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm"
          data-testid="no-pledges"
        >
          {t("noPledges")}
        </p>
      )}
    </>
  );
}

async function Headline(view: DashboardView) {
  const [figures, citation, locale, t] = await Promise.all([
    view.figures,
    view.citation,
    getLocale(),
    getTranslations("dashboard"),
  ]);
  const { summary, references, time } = figures;
  const now = new Date();
  const headline = headlineOf(summary, time, now, locale);
  const lastChange = citation.lastChange ? formatDateTime(citation.lastChange, locale) : null;
  return (
    <>
      {/* Said again by screen readers whenever a change of scenario, date or unit changes it. */}
      <p className="text-lg font-semibold text-slate-900" data-testid="headline" aria-live="polite">
        {headline.text}
      </p>
      <div className="flex flex-wrap items-start gap-x-6 gap-y-2">
        <p className="text-sm text-slate-700" data-testid="last-change">
          {lastChange ? t("lastChange", { when: lastChange }) : t("nothingRecorded")}
        </p>
        <CiteFigure
          path={`/dashboard?${viewQuery(
            { metric: view.metric, assume: [...new Set(figures.assumed)].sort(), time },
            { at: now },
          )}`}
          headline={headline.text}
          sources={citation.sources}
          lastChange={lastChange}
          readOn={formatDateTime(now, locale)}
        />
      </div>
      {!summary.gap && (
        <p className="text-sm text-slate-700" data-testid="no-requirement">
          {t.rich("noRequirement", {
            unit: unitName(summary.unit, locale),
            add: linkTag("/manage/requirement/new"),
          })}
        </p>
      )}
      {summary.gap && (
        <>
          <KpiCards cards={kpiCardLines(summary.gap, summary.totals.deliveredAbove, locale)} />
          <GapPanel {...gapPanelLines(summary.gap, references.capacities, locale)} />
        </>
      )}
    </>
  );
}

async function GapOverTime(view: DashboardView) {
  const [history, locale] = await Promise.all([view.history, getLocale()]);
  const { lines, markers } = historyLines(history, locale);
  return (
    <GapHistoryPanel lines={lines} markers={markers} unitLabel={unitWord(history.unit, undefined, locale)} />
  );
}

async function Breakdowns(view: DashboardView) {
  const [{ summary }, locale, t] = await Promise.all([
    view.figures,
    getLocale(),
    getTranslations("dashboard"),
  ]);
  const lines = breakdownLines(summary, locale);
  return (
    <>
      <div className="grid gap-5 lg:grid-cols-2">
        <BreakdownTable
          id="by-status"
          title={t("byStatus")}
          keyHeading={t("effectiveStatus")}
          lines={lines.byStatus}
          statusBadges
        />
        <BreakdownTable
          id="by-category"
          title={t("byCategory")}
          keyHeading={t("category")}
          lines={lines.byCategory}
        />
      </div>
      <StakeholderBreakdown
        carried={lines.byStakeholder}
        led={lines.byLead}
        pledged={formatQuantity(summary.totals.pledged, { ceilingWords: "up to", locale })}
        unitLabel={unitWord(summary.unit, undefined, locale)}
      />
      <ConditionsPanel conditions={conditionLines(summary.conditions, locale)} />
      <ConditionWorthPanel
        lines={worthLines(summary.conditions, locale)}
        unitLabel={unitWord(summary.unit, undefined, locale)}
      />
    </>
  );
}

async function History(view: DashboardView) {
  const [{ references }, timeline] = await Promise.all([view.figures, view.timeline]);
  return (
    <>
      <StatusTimeline entries={timeline} />
      <FigureEvidence
        requirements={references.requirement ? [references.requirement] : []}
        pledges={references.pledgeEvidence}
        capacities={references.capacities}
      />
    </>
  );
}

function Skeleton({ label, height }: { label: string; height: string }) {
  return (
    <div className={`animate-pulse rounded-lg bg-slate-200 ${height}`} role="status" aria-label={label} />
  );
}

function Widget({ label, height, children }: { label: string; height: string; children: ReactNode }) {
  return <Suspense fallback={<Skeleton label={label} height={height} />}>{children}</Suspense>;
}

export async function DashboardWidgets(view: DashboardView) {
  const [t, common] = await Promise.all([getTranslations("dashboard.loading"), getTranslations("common")]);
  const loading = (what: Parameters<typeof t>[0]) => common("loading", { what: t(what) });
  return (
    <div className="space-y-5">
      {/* The controls and the headline come with the page, not streamed after it: the headline is
          what a reader looks for first (and a phone's largest paint), and a streamed boundary is
          revealed at React's pace, not when it arrives. So the page's first byte waits for the
          figures and their citation, which a kept page (server/rendered-pages.ts) has ready. */}
      <Controls {...view} />
      <Headline {...view} />
      <Widget label={loading("history")} height="h-96">
        <GapOverTime {...view} />
      </Widget>
      <Widget label={loading("breakdowns")} height="h-96">
        <Breakdowns {...view} />
      </Widget>
      <Widget label={loading("timeline")} height="h-64">
        <History {...view} />
      </Widget>
    </div>
  );
}
