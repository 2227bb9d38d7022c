"use client";

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { compactNumber, figureColours, markerLine } from "@/components/charts/chart-style";
import { monthTicks, type HistoryLine, type HistoryMarker } from "../history-lines";
import { onFirstUse } from "@/lib/on-first-use";

const monthFormat = onFirstUse(
  () => new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" }),
);

function HistoryTooltip({ active, payload }: { active?: boolean; payload?: { payload: HistoryLine }[] }) {
  const line = active ? payload?.[0]?.payload : undefined;
  if (!line) return null;
  return (
    <div className="rounded border border-slate-300 bg-white p-2 text-xs shadow">
      <p className="font-semibold">{line.day}</p>
      <p>Required: {line.words.required}</p>
      <p>Pledged: {line.words.pledged}</p>
      <p>Unconditional: {line.words.unconditional}</p>
      <p>Delivered: {line.words.delivered}</p>
    </div>
  );
}

/**
 * Pledged (a band where figures are ranges or ceilings), unconditional and delivered against the
 * required band, across the history; lettered lines where a condition changed status.
 */
export function GapHistoryChart({ lines, markers }: { lines: HistoryLine[]; markers: HistoryMarker[] }) {
  const first = lines[0]?.time ?? 0;
  const last = lines.at(-1)?.time ?? 0;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart
        accessibilityLayer={false}
        data={lines}
        margin={{ top: 20, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={[first, last]}
          ticks={monthTicks(first, last)}
          interval="preserveStartEnd"
          tickFormatter={(time: number) => monthFormat().format(time)}
          tick={{ fontSize: 12 }}
        />
        <YAxis
          width={48}
          tickFormatter={(value: number) => compactNumber().format(value)}
          tick={{ fontSize: 12 }}
        />
        <Tooltip content={<HistoryTooltip />} />
        <Area
          dataKey="required"
          name="Required"
          fill={figureColours.required}
          fillOpacity={0.15}
          stroke={figureColours.required}
          strokeDasharray="4 2"
          isAnimationActive={false}
        />
        <Area
          dataKey="pledged"
          name="Pledged"
          fill={figureColours.pledged}
          fillOpacity={0.3}
          stroke={figureColours.pledged}
          isAnimationActive={false}
          type="stepAfter"
        />
        <Line
          dataKey="unconditional"
          name="Unconditional"
          stroke={figureColours.unconditional}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          type="stepAfter"
        />
        <Line
          dataKey="delivered"
          name="Delivered"
          stroke={figureColours.delivered}
          strokeWidth={2}
          strokeDasharray="6 3"
          dot={false}
          isAnimationActive={false}
          type="stepAfter"
        />
        {markers.map((marker) => (
          <ReferenceLine key={marker.marker} x={marker.time} {...markerLine(marker.marker)} />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
