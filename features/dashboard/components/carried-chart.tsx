"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { compactNumber } from "@/components/charts/chart-style";
import { WrappedTick } from "@/components/charts/wrapped-tick";
import type { BreakdownLine } from "../breakdown-lines";
import { carriedSeries } from "./chart-keys";

/** The tooltip in words, with bounds: the table's figures for the row pointed at. */
function CarriedTooltip({ active, payload }: { active?: boolean; payload?: { payload: BreakdownLine }[] }) {
  const line = active ? payload?.[0]?.payload : undefined;
  if (!line) return null;
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow">
      <p className="font-semibold">{line.label}</p>
      <p>Pledged: {line.pledgedExact}</p>
      <p>Unconditional: {line.unconditionalExact}</p>
    </div>
  );
}

/**
 * Conditional and unconditional side by side, per stakeholder: each bar is what the stakeholder
 * pledged (the upper end of a range), its unconditional part first, then what conditions hold back.
 */
export function CarriedChart({ lines, unitLabel }: { lines: BreakdownLine[]; unitLabel: string }) {
  const data = lines.map((line) => ({ ...line, ...line.chart }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 16, bottom: 24, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          tickFormatter={(value: number) => compactNumber.format(value)}
          label={{ value: unitLabel, position: "insideBottom", offset: -14 }}
        />
        <YAxis type="category" dataKey="label" width={120} tick={<WrappedTick />} interval={0} />
        <Tooltip content={<CarriedTooltip />} cursor={{ fill: "#e2e8f0", fillOpacity: 0.5 }} />
        {carriedSeries.map(({ key, name, colour }) => (
          <Bar
            key={key}
            dataKey={key}
            name={name}
            stackId="pledged"
            fill={colour}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
