"use client";

import { useLocale, useTranslations } from "next-intl";
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
import { monthTicks } from "@/components/charts/month-ticks";
import type { HistoryLine, HistoryMarker } from "../history-lines";
import { intlLocale, perLocale } from "@/lib/rules/units";

const monthFormat = perLocale(
  (locale) =>
    new Intl.DateTimeFormat(intlLocale(locale), { month: "short", year: "2-digit", timeZone: "UTC" }),
);

function HistoryTooltip({ active, payload }: { active?: boolean; payload?: { payload: HistoryLine }[] }) {
  const t = useTranslations("dashboard");
  const line = active ? payload?.[0]?.payload : undefined;
  if (!line) return null;
  const figures = ["required", "pledged", "unconditional", "delivered"] as const;
  return (
    <div className="rounded border border-slate-300 bg-white p-2 text-xs shadow">
      <p className="font-semibold">{line.day}</p>
      {figures.map((figure) => (
        <p key={figure}>{t("gap.bar", { name: t(`figure.${figure}`), words: line.words[figure] })}</p>
      ))}
    </div>
  );
}

/**
 * Pledged (a band where figures are ranges or ceilings), unconditional and delivered against the
 * required band, across the history; lettered lines where a condition changed status.
 */
export function GapHistoryChart({ lines, markers }: { lines: HistoryLine[]; markers: HistoryMarker[] }) {
  const t = useTranslations("dashboard.figure");
  const locale = useLocale();
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
          tickFormatter={(time: number) => monthFormat(locale).format(time)}
          tick={{ fontSize: 12 }}
        />
        <YAxis
          width={48}
          tickFormatter={(value: number) => compactNumber(locale).format(value)}
          tick={{ fontSize: 12 }}
        />
        <Tooltip content={<HistoryTooltip />} />
        <Area
          dataKey="required"
          name={t("required")}
          fill={figureColours.required}
          fillOpacity={0.15}
          stroke={figureColours.required}
          strokeDasharray="4 2"
          isAnimationActive={false}
        />
        <Area
          dataKey="pledged"
          name={t("pledged")}
          fill={figureColours.pledged}
          fillOpacity={0.3}
          stroke={figureColours.pledged}
          isAnimationActive={false}
          type="stepAfter"
        />
        <Line
          dataKey="unconditional"
          name={t("unconditional")}
          stroke={figureColours.unconditional}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
          type="stepAfter"
        />
        <Line
          dataKey="delivered"
          name={t("delivered")}
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
