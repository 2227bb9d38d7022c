"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartKey } from "@/components/charts/chart-key";
import { ChartDownloads } from "@/components/ui/chart-downloads";
import { Panel } from "@/components/ui/panel";
import { TableHead } from "@/components/ui/table-head";
import type { HistoryLine, HistoryMarker } from "../history-lines";
import { historyKey } from "./chart-keys";

// Drawn once near the screen (ChartFrame): the charting code is not part of the page's first load.
const GapHistoryChart = dynamic(() => import("./gap-history-chart").then((m) => m.GapHistoryChart), {
  ssr: false,
});

/** The gap over time, its key and markers, and every point as a table. */
export function GapHistoryPanel({
  lines,
  markers,
  unitLabel,
}: {
  lines: HistoryLine[];
  markers: HistoryMarker[];
  unitLabel: string;
}) {
  const t = useTranslations("dashboard");
  if (lines.length === 0) return null;
  const latest = lines.at(-1)!;
  const summary = t(latest.required ? "history.summaryRequired" : "history.summary", {
    first: lines[0]!.day,
    last: latest.day,
    pledged: latest.words.pledged,
    unconditional: latest.words.unconditional,
    delivered: latest.words.delivered,
    required: latest.words.required,
  });
  return (
    <Panel headingId="history-chart-heading" title={t("history.title", { unit: unitLabel })}>
      <ChartKey entries={historyKey.map(({ label, ...entry }) => ({ ...entry, name: t(label) }))} />
      <ChartFrame testId="gap-history-chart" summary={summary} className="h-72 w-full">
        <GapHistoryChart lines={lines} markers={markers} />
      </ChartFrame>
      <ChartDownloads chartId="gap-history-chart" fileName="pledgewatch-gap-over-time" />
      {markers.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-sm text-slate-700" data-testid="history-markers">
          {markers.map((marker) => (
            <li key={marker.marker}>
              <span className="mr-1.5 inline-block w-4 font-semibold">{marker.marker}</span>
              {marker.text}
            </li>
          ))}
        </ul>
      )}
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-blue-800">{t("history.asTable")}</summary>
        <div
          className="mt-2 overflow-x-auto"
          tabIndex={0}
          role="region"
          aria-label={t("history.tableRegion")}
        >
          <table className="data-table" data-testid="history-table">
            <TableHead
              columns={[
                t("history.asOf"),
                { label: t("figure.required"), numeric: true },
                { label: t("figure.pledged"), numeric: true },
                { label: t("figure.unconditional"), numeric: true },
                { label: t("figure.delivered"), numeric: true },
              ]}
            />
            <tbody>
              {lines.map((line) => (
                <tr key={line.time}>
                  <th scope="row">{line.day}</th>
                  <td className="num">{line.words.required}</td>
                  <td className="num">{line.words.pledged}</td>
                  <td className="num">{line.words.unconditional}</td>
                  <td className="num">{line.words.delivered}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </Panel>
  );
}
