"use client";

import { useTranslations } from "next-intl";
import { Bar, Tooltip } from "recharts";
import { HorizontalBars } from "@/components/charts/horizontal-bars";
import { TooltipCard } from "@/components/charts/tooltip-card";
import { worthSeries } from "./chart-keys";
import type { WorthLine } from "../breakdown-lines";

function WorthTooltip({ active, payload }: { active?: boolean; payload?: { payload: WorthLine }[] }) {
  const t = useTranslations("dashboard.worth");
  const line = active ? payload?.[0]?.payload : undefined;
  if (!line) return null;
  return (
    <TooltipCard
      title={line.title}
      lines={[t("tooltipAlone", { amount: line.alone }), t("tooltipHoldsBack", { amount: line.holdsBack })]}
    />
  );
}

/**
 * What each condition is worth, as a sensitivity chart: for each, what meeting it alone releases
 * and what it alone holds back once every other condition is met (the upper ends of ranges).
 */
export function ConditionWorthChart({ lines, unitLabel }: { lines: WorthLine[]; unitLabel: string }) {
  const t = useTranslations("dashboard");
  const data = lines.map((line) => ({ ...line, alone: line.chart.alone, holdsBack: line.chart.holdsBack }));
  return (
    <HorizontalBars data={data} categoryKey="title" unitLabel={unitLabel} barGap={2}>
      <Tooltip content={<WorthTooltip />} />
      {worthSeries.map(({ key, label, colour }) => (
        <Bar key={key} dataKey={key} name={t(label)} fill={colour} isAnimationActive={false} />
      ))}
    </HorizontalBars>
  );
}
