import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { describeViewTime } from "@/lib/view-time-words";
import type { Metadata } from "next";
import { ParamErrors } from "@/components/ui/param-errors";
import {
  breakdownLines,
  conditionLines,
  gapPanelLines,
  historyLines,
  kpiCardLines,
  worthLines,
} from "@/features/dashboard";
import { BreakdownTable } from "@/features/dashboard/components/breakdown-table";
import { ConditionsPanel } from "@/features/dashboard/components/conditions-panel";
import { FigureEvidence } from "@/features/dashboard/components/figure-evidence";
import { GapPanel } from "@/features/dashboard/components/gap-panel";
import { KpiCards } from "@/features/dashboard/components/kpi-cards";
import { figureParams, figureViewOf, headlineOf, loadFigures, loadGapHistory } from "@/features/figures";
import { UnknownConditionError } from "@/features/figures/schemas";
import { formatDate, isoDay } from "@/lib/format";
import { briefingParagraph } from "@/lib/rules/briefing";
import { unitWord } from "@/lib/rules/units";
import { GapHistoryPanel } from "@/features/dashboard/components/gap-history-panel";
import { ConditionWorthPanel } from "@/features/dashboard/components/condition-worth-panel";
import { listPledges } from "@/features/pledges/queries";
import { briefingParams, briefingPledgeLimit, defaultSince, sinceProblem } from "@/features/reports/schemas";
import { changeLines, kindCounts, loadChangeEvents, loadChanges } from "@/features/changes";
import { today } from "@/server/ledger";
import {
  BriefingSummary,
  ChangesSincePanel,
  PledgesByStatusList,
  ReferenceList,
  referencesOf,
} from "@/features/reports/components/briefing-sections";
import { reportAbout } from "@/features/reports";
import { ReportAboutPanel } from "@/features/reports/components/report-about-panel";
import { publicOrigin } from "@/server/env";
import { parseSearchParams, pathWithQuery } from "@/lib/search-params";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";

/** How many of the pledges that moved the briefing lists (the largest): /changes lists them all. */
const briefingChangeLimit = 25;
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("report"))("briefing") };
}

/**
 * The briefing for decision makers, laid out for paper: what briefing.pdf prints (through headless
 * Chromium), with the dashboard's own components and figures.
 */
export default async function BriefingPage({ searchParams }: PageProps<"/dashboard/briefing">) {
  const query = await searchParams;
  const principal = await requirePagePermission("read", pathWithQuery("/dashboard/briefing", query));
  const parsed = parseSearchParams(figureParams, query);
  const sinceParsed = parseSearchParams(briefingParams, query);
  if (!parsed.ok || !sinceParsed.ok) {
    const errors = [...(parsed.ok ? [] : parsed.errors), ...(sinceParsed.ok ? [] : sinceParsed.errors)];
    return <ParamErrors errors={errors} resetHref="/dashboard/briefing" />;
  }
  const view = figureViewOf(parsed.data);
  const until = view.time.asOf ?? new Date();
  const since = sinceParsed.data.since ?? defaultSince(until);
  const problem = sinceProblem(since, until);
  if (problem) {
    return <ParamErrors errors={[{ param: "since", message: problem }]} resetHref="/dashboard/briefing" />;
  }
  // The figures then are the same view's, at the start of that day: one code path for both.
  const [figures, changes, listed, history] = await Promise.all([
    loadFigures(view),
    // From the start of `since` to the end of the view's day, as the view knows it.
    loadChanges({
      since,
      until: view.time.asOf ?? today(),
      knownAt: view.time.knownAt,
      metric: view.metric,
      selection: view.selection,
    }).catch((error: unknown) => {
      // A scenario naming an unknown condition: the figures say which, below.
      if (error instanceof UnknownConditionError) return null;
      throw error;
    }),
    listPledges({
      selection: view.selection,
      time: view.time,
      pageSize: briefingPledgeLimit,
      order: { key: "status", dir: "asc" },
    }),
    loadGapHistory(view),
  ]);
  if (figures.unknownConditions.length > 0 || !changes) {
    const common = await getTranslations("common");
    const errors = figures.unknownConditions.map((slug) => ({
      param: "assume",
      message: common("noCondition", { slug }),
    }));
    return <ParamErrors errors={errors} resetHref="/dashboard/briefing" />;
  }
  const { summary, references, time, assumed } = figures;
  const largest = changes.pledges.slice(0, briefingChangeLimit);
  // The conditions' evidence is short and says why pledges moved; the pledges' is on /changes.
  const changeEvents = await loadChangeEvents(changes, []);
  const cited = [
    references.requirement ? [references.requirement] : [],
    references.pledgeEvidence,
    references.capacities,
  ] as const;
  const sources = referencesOf(cited.flat());
  const [locale, t, dashboard] = await Promise.all([
    getLocale(),
    getTranslations("report"),
    getTranslations("dashboard"),
  ]);
  const viewTime = describeViewTime(time, locale);
  // Printed as a PDF, the page is read at the server's internal address: the printer writes the
  // addresses anew from the site's (or the request's) own.
  const about = await reportAbout(
    view,
    { at: new Date(), by: principal?.name ?? null, origin: publicOrigin() ?? "" },
    locale,
  );
  return (
    <ClientMessages namespaces={["dashboard"]}>
      <article className="space-y-5" data-testid="briefing">
        <header>
          <p className="text-sm font-medium text-slate-600">{t("briefing")}</p>
          <h1 className="text-2xl font-semibold tracking-tight">
            {t("briefingHeading", { date: formatDate(time.asOf ?? new Date(), locale) })}
          </h1>
          <p className="mt-1 text-sm text-slate-700">
            {viewTime ? dashboard("rebuilt", { viewTime }) : dashboard("today")}{" "}
            {assumed.length > 0 ? `${t("underScenario")} ` : ""}
            {t("pledgeCount", { count: summary.pledgeCount })}
          </p>
        </header>
        <ReportAboutPanel about={about} />
        <p className="text-lg font-semibold" data-testid="headline">
          {headlineOf(summary, time, new Date(), locale).text}
        </p>
        <BriefingSummary text={briefingParagraph(summary, locale)} />
        {summary.gap && (
          <>
            <KpiCards cards={kpiCardLines(summary.gap, summary.totals.deliveredAbove, locale)} />
            <GapPanel {...gapPanelLines(summary.gap, references.capacities, locale)} />
          </>
        )}
        <GapHistoryPanel
          {...historyLines(history, locale)}
          unitLabel={unitWord(history.unit, undefined, locale)}
        />
        <BreakdownTable
          id="by-status"
          title={dashboard("byStatus")}
          keyHeading={dashboard("effectiveStatus")}
          lines={breakdownLines(summary, locale).byStatus}
          statusBadges
        />
        <ConditionsPanel conditions={conditionLines(summary.conditions, locale)} />
        <ConditionWorthPanel
          lines={worthLines(summary.conditions, locale)}
          unitLabel={unitWord(summary.unit, undefined, locale)}
        />
        <PledgesByStatusList
          pledges={listed.rows}
          total={listed.total}
          counts={new Map(summary.byEffectiveStatus.map((row) => [row.key, row.count]))}
        />
        <ChangesSincePanel
          since={since}
          until={until}
          lines={changeLines(changes, { pledges: largest, ...changeEvents }, locale)}
          moved={changes.pledges.length}
          movedIn={kindCounts(changes.pledges, locale)}
          allChangesHref={pathWithQuery("/changes", {
            ...query,
            since: isoDay(since),
            until: isoDay(view.time.asOf ?? today()),
          })}
          unitLabel={unitWord(summary.unit, undefined, locale)}
        />
        <FigureEvidence
          requirements={cited[0]}
          pledges={cited[1]}
          capacities={cited[2]}
          references={new Map(sources.map((source) => [source.slug, source.number]))}
        />
        <ReferenceList references={sources} />
      </article>
    </ClientMessages>
  );
}
