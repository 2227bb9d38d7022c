"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import Link from "next/link";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartKey } from "@/components/charts/chart-key";
import { ChartDownloads } from "@/components/ui/chart-downloads";
import type { BreakdownLine } from "../breakdown-lines";
import { BreakdownTable } from "./breakdown-table";
import { carriedSeries } from "./chart-keys";

// Drawn once near the screen (ChartFrame): the charting code is not part of the page's first load.
const CarriedChart = dynamic(() => import("./carried-chart").then((m) => m.CarriedChart), { ssr: false });

/** The most a chart shows: the rest are in the table below it. */
const chartedRows = 10;

const countings = ["each", "lead"] as const;

/**
 * Who carries what, counted either way: a pledge in full for each stakeholder carrying it (the
 * rows then add up to more than the totals), or once, for its lead. The choice is kept in the
 * address (`count=lead`) and changes only this table: both are already on the page.
 */
export function StakeholderBreakdown({
  carried,
  led,
  pledged,
  unitLabel,
}: {
  carried: BreakdownLine[];
  led: BreakdownLine[];
  /** Everything pledged in the view, in words: what the rows are set against. */
  pledged: string;
  /** The unit's word for the chart's axis. */
  unitLabel: string;
}) {
  const t = useTranslations("dashboard");
  const [counting, setCounting] = useQueryState(
    "count",
    parseAsStringLiteral(countings).withDefault("each").withOptions({ history: "replace", scroll: false }),
  );
  const byLead = counting === "lead";
  const lines = byLead ? led : carried;
  const charted = lines
    .filter((line) => line.chart.unconditional + line.chart.conditional > 0)
    .slice(0, chartedRows);
  const summary = charted
    .map((line) =>
      t("stakeholders.chartLine", {
        label: line.label,
        pledged: line.pledgedExact,
        unconditional: line.unconditionalExact,
      }),
    )
    .join(". ");
  return (
    <BreakdownTable
      id="by-stakeholder"
      title={t("stakeholders.title")}
      keyHeading={byLead ? t("stakeholders.lead") : t("stakeholders.stakeholder")}
      lines={lines}
    >
      <fieldset className="mt-1">
        <legend className="text-sm font-medium text-slate-700">{t("stakeholders.countLegend")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <label className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name="stakeholder-counting"
              checked={!byLead}
              onChange={() => void setCounting(null)}
              className="size-4 accent-blue-700"
            />
            {t("stakeholders.countEach")}
          </label>
          <label className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name="stakeholder-counting"
              checked={byLead}
              onChange={() => void setCounting("lead")}
              className="size-4 accent-blue-700"
            />
            {t("stakeholders.countLead")}
          </label>
        </div>
      </fieldset>
      <p className="mt-2 text-sm text-slate-700" aria-live="polite" data-testid="stakeholder-counting">
        {t(byLead ? "stakeholders.byLead" : "stakeholders.byEach", { pledged })}{" "}
        <Link href={byLead ? "/methodology#lead-only" : "/methodology#several-pledgers"} className="link">
          {t("stakeholders.howCounted")}
        </Link>
      </p>
      {charted.length > 0 && (
        <>
          <ChartKey
            entries={carriedSeries.map(({ label, colour }) => ({ name: t(label), colour }))}
            className="mt-2"
          />
          <ChartFrame
            testId="carried-chart"
            summary={summary}
            className="w-full"
            style={{ height: 48 + charted.length * 44 }}
          >
            <CarriedChart lines={charted} unitLabel={unitLabel} />
          </ChartFrame>
          <ChartDownloads chartId="carried-chart" fileName="pledgewatch-who-carries-what" />
          {lines.length > charted.length && (
            <p className="text-sm text-slate-700">{t("stakeholders.largest", { count: charted.length })}</p>
          )}
        </>
      )}
    </BreakdownTable>
  );
}
