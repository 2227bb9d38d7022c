"use client";

import { useTranslations } from "next-intl";
import { Bar, Tooltip } from "recharts";
import { HorizontalBars } from "@/components/charts/horizontal-bars";
import { TooltipCard } from "@/components/charts/tooltip-card";
import type { BreakdownLine } from "../breakdown-lines";
import { carriedSeries } from "./chart-keys";

function CarriedTooltip({ active, payload }: { active?: boolean; payload?: { payload: BreakdownLine }[] }) {
  const t = useTranslations("dashboard");
  const line = active ? payload?.[0]?.payload : undefined;
  if (!line) return null;
  return (
    <TooltipCard
      title={line.label}
      lines={[
        t("gap.bar", { name: t("figure.pledged"), words: line.pledgedExact }),
        t("gap.bar", { name: t("figure.unconditional"), words: line.unconditionalExact }),
      ]}
    />
  );
}

/**
 * Conditional and unconditional side by side, per stakeholder: each bar is what the stakeholder
 * pledged (the upper end of a range), its unconditional part first, then what conditions hold back.
 */
export function CarriedChart({ lines, unitLabel }: { lines: BreakdownLine[]; unitLabel: string }) {
  const t = useTranslations("dashboard");
  const data = lines.map((line) => ({ ...line, ...line.chart }));
  return (
    <HorizontalBars data={data} categoryKey="label" unitLabel={unitLabel}>
      <Tooltip content={<CarriedTooltip />} cursor={{ fill: "#e2e8f0", fillOpacity: 0.5 }} />
      {carriedSeries.map(({ key, label, colour }) => (
        <Bar
          key={key}
          dataKey={key}
          name={t(label)}
          stackId="pledged"
          fill={colour}
          isAnimationActive={false}
        />
      ))}
    </HorizontalBars>
  );
}
