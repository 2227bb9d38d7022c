"use client";

import { useTranslations } from "next-intl";
import dynamic from "next/dynamic";
import Link from "next/link";
import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartKey } from "@/components/charts/chart-key";
import { ChartDownloads } from "@/components/ui/chart-downloads";
import { Panel } from "@/components/ui/panel";
import { TableHead } from "@/components/ui/table-head";
import type { WorthLine } from "../breakdown-lines";
import { worthSeries } from "./chart-keys";

// Drawn once near the screen (ChartFrame): the charting code is not part of the page's first load.
const ConditionWorthChart = dynamic(
  () => import("./condition-worth-chart").then((m) => m.ConditionWorthChart),
  { ssr: false },
);

/** What each condition is worth: the sensitivity chart, and every number of it (and more) as a table. */
export function ConditionWorthPanel({ lines, unitLabel }: { lines: WorthLine[]; unitLabel: string }) {
  const t = useTranslations("dashboard");
  if (lines.length === 0) return null;
  const summary = lines
    .map((line) => t("worth.summary", { title: line.title, alone: line.alone, holdsBack: line.holdsBack }))
    .join(". ");
  return (
    <Panel headingId="worth-heading" title={t("worth.title")}>
      <p className="mt-1 text-sm text-slate-700">{t("worth.intro")}</p>
      <ChartKey
        entries={worthSeries.map(({ label, colour }) => ({ name: t(label), colour }))}
        className="mt-2"
      />
      <ChartFrame
        testId="condition-worth-chart"
        summary={summary}
        className="w-full"
        style={{ height: 60 + lines.length * 64 }}
      >
        <ConditionWorthChart lines={lines} unitLabel={unitLabel} />
      </ChartFrame>
      <ChartDownloads chartId="condition-worth-chart" fileName="pledgewatch-condition-worth" />
      <div className="mt-3 overflow-x-auto">
        <table className="data-table" data-testid="condition-worth-table">
          <TableHead
            columns={[
              t("conditions.condition"),
              t("worth.aloneReleases"),
              t("worth.unconditionalThen"),
              t("worth.holdsBack"),
              t("worth.withoutIt"),
              t("worth.together"),
            ]}
          />
          <tbody>
            {lines.map((line) => (
              <tr key={line.slug}>
                <th scope="row" className="font-medium">
                  <Link href={`/conditions/${line.slug}`} className="link">
                    {line.title}
                  </Link>
                  {line.assumedMet && (
                    <div className="mt-1 text-xs font-medium text-blue-900">{t("conditions.assumed")}</div>
                  )}
                </th>
                <td>{line.alone}</td>
                <td>{line.aloneResult}</td>
                <td>{line.holdsBack}</td>
                <td>{line.allButThisResult}</td>
                <td>
                  {line.joint.length === 0 ? (
                    "—"
                  ) : (
                    <ul className="space-y-1">
                      {line.joint.map((text) => (
                        <li key={text}>{text}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
