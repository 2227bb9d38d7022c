import type { Metadata } from "next";
import { ParamErrors } from "@/components/ui/param-errors";
import { ExportLinks } from "@/features/reports/components/export-links";
import { DashboardWidgets } from "@/features/dashboard/components/dashboard-widgets";
import { defaultMetric, dashboardParamsSchema } from "@/features/dashboard/schemas";
import { formatDate, isoDay } from "@/lib/format";
import { parseSearchParams, pathWithQuery } from "@/lib/search-params";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard" };

/** The exports' query string for this view: the same metric, scenario and date. */
function exportQuery({ metric, assumed, asOfDay }: { metric: string; assumed: string; asOfDay: string }) {
  const query = new URLSearchParams();
  if (metric !== defaultMetric) query.set("metric", metric);
  for (const slug of assumed ? assumed.split(",") : []) query.append("assume", slug);
  if (asOfDay) query.set("asOf", asOfDay);
  return query.toString();
}

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const query = await searchParams;
  await requirePagePermission("read", pathWithQuery("/dashboard", query));
  const parsed = parseSearchParams(dashboardParamsSchema, query);
  if (!parsed.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <ParamErrors errors={parsed.errors} resetHref="/dashboard" />
      </div>
    );
  }
  const { metric = defaultMetric, assume, asOf } = parsed.data;
  const key = { metric, assumed: [...new Set(assume)].sort().join(","), asOfDay: asOf ? isoDay(asOf) : "" };
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">How far the pledges go</h1>
        <p className="mt-1 text-sm text-slate-700">
          {asOf
            ? `As it stood at the end of ${formatDate(asOf)} (UTC), rebuilt from the status history.`
            : "As recorded today."}{" "}
          {assume.length > 0
            ? "Scenario: the conditions ticked below are assumed met."
            : "No condition is assumed met."}
        </p>
      </div>
      <ExportLinks query={exportQuery(key)} />
      <DashboardWidgets key={JSON.stringify(key)} {...key} />
    </div>
  );
}
