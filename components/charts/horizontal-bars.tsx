"use client";

import { useLocale } from "next-intl";
import type { ReactNode } from "react";
import { BarChart, CartesianGrid, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { compactNumber } from "./chart-style";
import { WrappedTick } from "./wrapped-tick";

interface HorizontalBarsProps<Row> {
  data: Row[];
  /** The field naming each bar, written beside it (wrapped, never cut). */
  categoryKey: keyof Row & string;
  /** The amounts' axis title: the unit. */
  unitLabel: string;
  /** The bars, tooltip and reference lines. */
  children: ReactNode;
  /** Room for labels at the bars' ends (right) or markers above them (top). */
  margin?: { top: number; right: number; bottom: number; left: number };
  domain?: [number, number];
  barGap?: number;
}

/** Bars along a horizontal amount axis, one row per category: the dashboard's bar charts' frame. */
export function HorizontalBars<Row>({
  data,
  categoryKey,
  unitLabel,
  children,
  margin = { top: 8, right: 16, bottom: 24, left: 0 },
  domain,
  barGap,
}: HorizontalBarsProps<Row>) {
  const locale = useLocale();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={margin} barGap={barGap}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          domain={domain}
          tickFormatter={(value: number) => compactNumber(locale).format(value)}
          label={{ value: unitLabel, position: "insideBottom", offset: -(margin.bottom - 10) }}
        />
        <YAxis
          type="category"
          dataKey={categoryKey as string}
          width={120}
          tick={<WrappedTick />}
          interval={0}
        />
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}
