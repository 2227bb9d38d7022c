import { ChartFrame } from "@/components/charts/chart-frame";
import { figureColours } from "@/components/charts/chart-style";
import { formatAmount, toMajor, unitWord } from "@/lib/rules/units";
import {
  formatPercent,
  formatQuantity,
  formatRatio,
  formatStated,
  type Quantity,
} from "@/lib/rules/quantity";
import type { QuantityQualifier } from "@/lib/rules/vocabulary";
import type { GapFigures } from "@/lib/rules/figures";
import type { GapChartBar } from "./gap-chart";
import { GapChart } from "./gap-chart-on-demand";

import { ChartDownloads } from "@/components/ui/chart-downloads";
import { Panel } from "@/components/ui/panel";
import { TableHead } from "@/components/ui/table-head";

interface GapPanelProps {
  gap: GapFigures;
  capacities: {
    title: string;
    low: bigint;
    high: bigint;
    qualifier: QuantityQualifier;
    stakeholder: { name: string } | null;
  }[];
}

function bar(name: string, quantity: Quantity, colour: string): GapChartBar {
  return {
    name,
    low: toMajor(quantity.low, quantity.unit),
    high: toMajor(quantity.high, quantity.unit),
    label: formatQuantity(quantity, { withUnit: false, ceilingWords: "up to" }),
    words: formatQuantity(quantity, { ceilingWords: "up to" }),
    ceiling: quantity.bound === "at_most",
    colour,
  };
}

/**
 * The gap chart, and the same numbers as a table for those who cannot or would rather not read it.
 * Written on the server: the browser then loads no number formatter to show the page.
 */
export function GapPanel({ gap, capacities }: GapPanelProps) {
  const { unit } = gap;
  // Capacity figures far off the scale would flatten the bars: they are listed, marked as such.
  const references = capacities.map((capacity, index) => ({
    marker: String(index + 1),
    words: `${capacity.title}: ${formatStated(capacity.low, capacity.high, unit, capacity.qualifier)}`,
    value: toMajor(capacity.high, unit),
    onScale: capacity.high <= gap.required.high * 2n,
  }));
  const rows: [string, string, string, string][] = [
    [
      "Required",
      formatAmount(gap.required.low, unit),
      formatAmount(gap.required.high, unit),
      formatQuantity(gap.required),
    ],
    ...(
      [
        ["Pledged", gap.pledged],
        ["Unconditional", gap.unconditional],
        ["Delivered", gap.delivered],
        ["Shortfall", gap.shortfall],
      ] as const
    ).map(([name, q]): [string, string, string, string] => [
      name,
      formatAmount(q.low, unit),
      formatAmount(q.high, unit),
      formatQuantity(q, { ceilingWords: name === "Shortfall" ? undefined : "up to" }),
    ]),
    ...(
      [
        ["Coverage (pledged)", gap.coverage],
        ["Coverage (unconditional)", gap.unconditionalCoverage],
        ["Coverage (delivered)", gap.deliveredCoverage],
      ] as const
    ).map(([name, r]): [string, string, string, string] =>
      r
        ? [name, formatPercent(r.low), formatPercent(r.high), formatRatio(r)]
        : [name, "—", "—", "not defined"],
    ),
    ...capacities.map((capacity): [string, string, string, string] => [
      `${capacity.title} (capacity)`,
      formatAmount(capacity.low, unit),
      formatAmount(capacity.high, unit),
      formatStated(capacity.low, capacity.high, unit, capacity.qualifier),
    ]),
  ];
  return (
    <Panel headingId="gap-heading" title="Pledged against required">
      <p className="mt-1 text-sm text-slate-700">
        The shaded band is the required range. A dashed outline marks a ceiling: the real figure may be
        anywhere below it.
      </p>
      <ChartFrame
        testId="gap-chart"
        className="h-72 w-full"
        summary={`Required ${formatQuantity(gap.required)}; pledged ${formatQuantity(gap.pledged, { ceilingWords: "up to" })}; unconditional ${formatQuantity(gap.unconditional, { ceilingWords: "up to" })}; delivered ${formatQuantity(gap.delivered)}.`}
      >
        <GapChart
          unitLabel={unitWord(unit)}
          required={{
            low: toMajor(gap.required.low, unit),
            high: toMajor(gap.required.high, unit),
            label: formatQuantity(gap.required, { withUnit: false }),
          }}
          bars={[
            bar("Pledged", gap.pledged, figureColours.pledged),
            bar("Unconditional", gap.unconditional, figureColours.unconditional),
            bar("Delivered", gap.delivered, figureColours.delivered),
          ]}
          references={references
            .filter((reference) => reference.onScale)
            .map(({ marker, value }) => ({ marker, value }))}
        />
      </ChartFrame>
      <ChartDownloads chartId="gap-chart" fileName="pledgewatch-pledged-against-required" />
      <ul className="mt-1 space-y-0.5 text-sm text-slate-700" data-testid="gap-chart-key">
        <li>
          <span
            className="mr-1.5 inline-block h-3 w-5 border border-dashed border-red-700 bg-red-200 align-middle"
            aria-hidden="true"
          />
          Required: {formatQuantity(gap.required)} (the shaded band)
        </li>
        {references.map((reference) => (
          <li key={reference.marker}>
            <span className="mr-1.5 inline-block w-5 text-center font-semibold" aria-hidden="true">
              {reference.onScale ? reference.marker : "→"}
            </span>
            {reference.words}
            {reference.onScale ? " (dotted line)" : " (beyond the chart's scale)"}
          </li>
        ))}
      </ul>
      <div className="mt-3 overflow-x-auto">
        <table className="data-table" data-testid="gap-table">
          <caption className="text-left text-sm font-medium text-slate-700">
            The chart&apos;s figures ({unit})
          </caption>
          <TableHead
            columns={[
              "Figure",
              { label: "Low", numeric: true },
              { label: "High", numeric: true },
              "Reads as",
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
