"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Text, Tooltip, XAxis, YAxis } from "recharts";
import type { WorthLine } from "../breakdown-lines";

const numberFormat = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });

/** The same colours for the same figures on every chart: released amounts count as unconditional. */
const colours = { alone: "#059669", holdsBack: "#b45309" };

const series = [
  { key: "alone", name: "Met alone releases" },
  { key: "holdsBack", name: "Alone holds back, all others met" },
] as const;

/** A condition's title beside its bars, wrapped rather than cut. */
function ConditionTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  return (
    <Text x={x} y={y} width={112} textAnchor="end" verticalAnchor="middle" fontSize={12} fill="#0f172a">
      {payload?.value ?? ""}
    </Text>
  );
}

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
export function ConditionWorthChart({
  lines,
  unitLabel,
  summary,
}: {
  lines: WorthLine[];
  unitLabel: string;
  summary: string;
}) {
  const data = lines.map((line) => ({ ...line, alone: line.chart.alone, holdsBack: line.chart.holdsBack }));
  return (
    <>
      {/* The legend in the page's flow: it wraps on a phone instead of overlapping the bars. */}
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-hidden="true">
        {series.map(({ key, name }) => (
          <li key={key} className="inline-flex items-center gap-1.5">
            <span className="inline-block size-3 rounded-sm" style={{ background: colours[key] }} />
            {name}
          </li>
        ))}
      </ul>
      <div
        className="w-full"
        style={{ height: 60 + lines.length * 64 }}
        role="img"
        aria-label={summary}
        data-testid="condition-worth-chart"
      >
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
              tickFormatter={(value: number) => numberFormat.format(value)}
              label={{ value: unitLabel, position: "insideBottom", offset: -14 }}
            />
            <YAxis type="category" dataKey="title" width={120} tick={<ConditionTick />} interval={0} />
            <Tooltip content={<WorthTooltip />} />
            {series.map(({ key, name }) => (
              <Bar key={key} dataKey={key} name={name} fill={colours[key]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
