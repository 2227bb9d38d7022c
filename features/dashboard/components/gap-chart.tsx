"use client";

import { useTranslations } from "next-intl";
import { Bar, Cell, LabelList, ReferenceArea, ReferenceLine, Tooltip } from "recharts";
import { figureColours, markerLine } from "@/components/charts/chart-style";
import { HorizontalBars } from "@/components/charts/horizontal-bars";

export interface GapChartBar {
  name: string;
  low: number;
  high: number;
  /** The words shown at the end of the bar: "up to 30,000". */
  label: string;
  /** The figure in full words, for the tooltip: "up to 30,000 personnel". */
  words: string;
  /** A ceiling is drawn dashed: the real figure may be anywhere below it. */
  ceiling: boolean;
  colour: string;
}

export interface GapChartProps {
  unitLabel: string;
  required: { low: number; high: number; label: string };
  bars: GapChartBar[];
  /** Capacity lines, each marked with a number the list under the chart explains. */
  references: { marker: string; value: number }[];
}

/** The bar pointed at, in words with its bound: "Pledged: up to 30,000 personnel". */
function BarTooltip({ active, payload }: { active?: boolean; payload?: { payload: GapChartBar }[] }) {
  const t = useTranslations("dashboard.gap");
  const bar = active ? payload?.[0]?.payload : undefined;
  if (!bar) return null;
  return (
    <p className="rounded border border-slate-300 bg-white px-2 py-1 text-sm shadow">
      {t("bar", { name: bar.name, words: bar.words })}
    </p>
  );
}

/** The pledged, unconditional and delivered amounts against the required range (a shaded band). */
export function GapChart({ unitLabel, required, bars, references }: GapChartProps) {
  // The label goes on whichever segment ends the bar: Recharts draws no label on an empty segment.
  const data = bars.map((bar) => {
    const spread = bar.high - bar.low;
    return {
      ...bar,
      base: bar.low,
      spread,
      baseLabel: spread > 0 ? "" : bar.label,
      spreadLabel: spread > 0 ? bar.label : "",
    };
  });
  const top =
    Math.max(required.high, ...bars.map((bar) => bar.high), ...references.map((r) => r.value)) * 1.1 || 1;
  return (
    <HorizontalBars
      data={data}
      categoryKey="name"
      unitLabel={unitLabel}
      // Room for the figures at the bars' ends and the capacity markers above them.
      margin={{ top: 20, right: 90, bottom: 22, left: 0 }}
      domain={[0, top]}
    >
      <ReferenceArea
        x1={required.low}
        x2={required.high}
        fill="#fecaca"
        fillOpacity={0.5}
        stroke={figureColours.required}
        strokeDasharray="4 2"
      />
      {references.map((reference) => (
        <ReferenceLine key={reference.marker} x={reference.value} {...markerLine(reference.marker)} />
      ))}
      <Tooltip content={<BarTooltip />} cursor={{ fill: "#e2e8f0", fillOpacity: 0.5 }} />
      <Bar dataKey="base" stackId="amount" isAnimationActive={false} name="Amount">
        {data.map((bar) => (
          // A ceiling gets a dashed outline, so that "up to" shows without relying on colour.
          <Cell
            key={bar.name}
            fill={bar.colour}
            stroke="#0f172a"
            strokeWidth={bar.ceiling ? 2 : 0}
            strokeDasharray={bar.ceiling ? "6 3" : undefined}
          />
        ))}
        <LabelList dataKey="baseLabel" position="right" fill="#0f172a" fontSize={12} />
      </Bar>
      <Bar
        dataKey="spread"
        stackId="amount"
        isAnimationActive={false}
        fill="#94a3b8"
        fillOpacity={0.5}
        name="Range"
      >
        <LabelList dataKey="spreadLabel" position="right" fill="#0f172a" fontSize={12} />
      </Bar>
    </HorizontalBars>
  );
}
