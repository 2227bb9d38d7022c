"use client";

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
  if (lines.length === 0) return null;
  const summary = lines
    .map((line) => `${line.title}: met alone releases ${line.alone}; alone holds back ${line.holdsBack}`)
    .join(". ");
  return (
    <Panel headingId="worth-heading" title="What each condition is worth">
      <p className="mt-1 text-sm text-slate-700">
        For each condition that holds pledges back: what meeting it alone would release, and what it alone
        still holds back once every other condition is met. Bars show the upper end of a range; the table
        gives both ends and their bounds.
      </p>
      <ChartKey entries={worthSeries} className="mt-2" />
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
              "Condition",
              "Met alone releases",
              "Unconditional then",
              "Alone holds back, all others met",
              "Unconditional without it",
              "Met together with others (each set)",
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
                    <div className="mt-1 text-xs font-medium text-blue-900">Assumed met in this scenario</div>
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
