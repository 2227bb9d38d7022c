"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { compactNumber } from "@/components/charts/chart-style";
import { WrappedTick } from "@/components/charts/wrapped-tick";
import { worthSeries } from "./chart-keys";
import type { WorthLine } from "../breakdown-lines";

interface TooltipProps {
  active?: boolean;
  payload?: { payload: WorthLine }[];
}

/** The tooltip in words, with bounds: the table's sentences for the condition pointed at. */
function WorthTooltip({ active, payload }: TooltipProps) {
  const line = active ? payload?.[0]?.payload : undefined;
  if (!line) return null;
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow">
      <p className="font-semibold">{line.title}</p>
      <p>Met alone releases: {line.alone}</p>
      <p>Once every other condition is met, it alone holds back: {line.holdsBack}</p>
    </div>
  );
}

/**
 * What each condition is worth, as a sensitivity chart: for each, what meeting it alone releases
 * and what it alone holds back once every other condition is met (the upper ends of ranges).
 */
export function ConditionWorthChart({ lines, unitLabel }: { lines: WorthLine[]; unitLabel: string }) {
  const data = lines.map((line) => ({ ...line, alone: line.chart.alone, holdsBack: line.chart.holdsBack }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 24, left: 0 }}
        barGap={2}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={(value: number) => compactNumber.format(value)}
          label={{ value: unitLabel, position: "insideBottom", offset: -14 }}
        />
        <YAxis type="category" dataKey="title" width={120} tick={<WrappedTick />} interval={0} />
        <Tooltip content={<WorthTooltip />} />
        {worthSeries.map(({ key, name, colour }) => (
          <Bar key={key} dataKey={key} name={name} fill={colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
