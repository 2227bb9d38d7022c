"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartDownloads } from "@/components/ui/chart-downloads";
import { Panel } from "@/components/ui/panel";
import { TableHead } from "@/components/ui/table-head";
import type { GapPanelLines } from "../gap-lines";

// Drawn once near the screen (ChartFrame): the charting code is not part of the page's first load.
const GapChart = dynamic(() => import("./gap-chart").then((m) => m.GapChart), { ssr: false });

/**
 * The gap chart, and the same numbers as a table for those who cannot or would rather not read it:
 * given its words and figures (gapPanelLines), the page's figures travel once, as data.
 */
export function GapPanel({ summary, required, chart, references, rows }: GapPanelLines) {
  const t = useTranslations("dashboard.gap");
  return (
    <Panel headingId="gap-heading" title={t("title")}>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      <ChartFrame testId="gap-chart" className="h-72 w-full" summary={summary}>
        <GapChart {...chart} />
      </ChartFrame>
      <ChartDownloads chartId="gap-chart" fileName="pledgewatch-pledged-against-required" />
      <ul className="mt-1 space-y-0.5 text-sm text-slate-700" data-testid="gap-chart-key">
        <li>
          <span
            className="mr-1.5 inline-block h-3 w-5 border border-dashed border-red-700 bg-red-200 align-middle"
            aria-hidden="true"
          />
          {t("keyRequired", { required })}
        </li>
        {references.map((reference) => (
          <li key={reference.marker}>
            <span className="mr-1.5 inline-block w-5 text-center font-semibold" aria-hidden="true">
              {reference.onScale ? reference.marker : "→"}
            </span>
            {t(reference.onScale ? "onScale" : "offScale", { words: reference.words })}
          </li>
        ))}
      </ul>
      <div className="mt-3 overflow-x-auto">
        <table className="data-table" data-testid="gap-table">
          <caption className="text-left text-sm font-medium text-slate-700">
            {t("caption", { unit: chart.unitLabel })}
          </caption>
          <TableHead
            columns={[
              t("figureColumn"),
              { label: t("low"), numeric: true },
              { label: t("high"), numeric: true },
              t("readsAs"),
            ]}
          />
          <tbody>
            {rows.map(([name, low, high, words]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="num">{low}</td>
                <td className="num">{high}</td>
                <td>{words}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
