import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import { feedAlternates } from "@/features/changes/schemas";
import Link from "next/link";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { ParamErrors } from "@/components/ui/param-errors";
import { FirstRunChecklist } from "@/features/first-run/components/first-run-checklist";
import { loadFirstSteps } from "@/features/first-run/queries";
import { ExportLinks } from "@/features/reports/components/export-links";
import { DashboardWidgets } from "@/features/dashboard/components/dashboard-widgets";
import { dashboardParamsSchema } from "@/features/dashboard/schemas";
import { loadFigureCitation, loadFigures, loadGapHistory, loadOpeningMetric } from "@/features/figures";
import { listTimeline } from "@/features/dashboard/queries";
import { everyPledge } from "@/features/pledges/selection-sql";
import { parseSearchParams, pathWithQuery } from "@/lib/search-params";
import { viewQuery } from "@/features/dashboard";
import { describeViewTime } from "@/lib/view-time-words";
import type { ViewTime } from "@/lib/view-time";
import { roleAllows } from "@/lib/access";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  const [t, changes] = await Promise.all([getTranslations("dashboard"), getTranslations("changesPage")]);
  return {
    title: t("title"),
    // The whole tracker's feed.
    alternates: feedAlternates({}, changes("feedTitle")),
  };
}

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const query = await searchParams;
  const principal = await requirePagePermission("read", pathWithQuery("/dashboard", query));
  const firstRun = principal && roleAllows(principal.role, "admin") ? await loadFirstSteps() : null;
  const parsed = parseSearchParams(dashboardParamsSchema, query);
  const [locale, t] = await Promise.all([getLocale(), getTranslations("dashboard")]);
  if (!parsed.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <ParamErrors errors={parsed.errors} resetHref="/dashboard" />
      </div>
    );
  }
  const { assume, asOf, knownAt } = parsed.data;
  // With no unit named, the one the data is in (personnel, unless nothing is recorded in it).
  const openingUnit = await loadOpeningMetric();
  const metric = parsed.data.metric ?? openingUnit;
  const time: ViewTime = { asOf, knownAt };
  // The scenario sorted and once each: its conditions then come back in the same order however named.
  const scenario = [...new Set(assume)].sort();
  // Started here, awaited by each widget: the figures (one loader for every screen) and the timeline.
  const view = { metric, time, selection: { ...everyPledge, assume: scenario } };
  const figures = loadFigures(view);
  const timeline = listTimeline(time);
  const history = loadGapHistory(view);
  const citation = loadFigureCitation(view);
  const viewTime = describeViewTime(time, locale);
  return (
    // The words the page's browser code shows.
    <ClientMessages namespaces={["dashboard"]}>
      <div className="space-y-5">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
          <p className="mt-1 text-sm text-slate-700">
            {viewTime ? t("rebuilt", { viewTime }) : t("today")}{" "}
            {assume.length > 0 ? t("scenarioOn") : t("scenarioOff")}{" "}
            <Link href="/methodology" className="link">
              {t("howCounted")}
            </Link>
          </p>
        </div>
        {firstRun && <FirstRunChecklist steps={firstRun} />}
        <ExportLinks query={viewQuery({ metric, assume: scenario, time })} />
        {/* No key by view: a change of view is a transition, which keeps the page (and the focus) in
          place and swaps in the new figures once they are ready. */}
        <NuqsAdapter>
          <DashboardWidgets
            metric={metric}
            openingMetric={openingUnit}
            figures={figures}
            history={history}
            citation={citation}
            timeline={timeline}
          />
        </NuqsAdapter>
      </div>
    </ClientMessages>
  );
}
