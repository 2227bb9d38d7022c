// The gap panel's and the headline cards' words and figures, written on the server: their client
// components are given these and format nothing (a phone's first Intl formatter costs it some
// 200 ms as the page becomes interactive).
import { figureColours } from "@/components/charts/chart-style";
import { formatAmount, toMajor, unitWord } from "@/lib/rules/units";
import {
  formatPercent,
  formatPromised,
  formatQuantity,
  formatRatio,
  formatStated,
  type Quantity,
  type Ratio,
} from "@/lib/rules/quantity";
import type { QuantityQualifier } from "@/lib/rules/vocabulary";
import type { GapFigures } from "@/lib/rules/figures";
import type { GapChartBar } from "./components/gap-chart";

export interface CapacityFigures {
  title: string;
  low: bigint;
  high: bigint;
  qualifier: QuantityQualifier;
  stakeholder: { name: string } | null;
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

const ratio = (r: Ratio | null) => (r ? formatRatio(r) : "not defined");

/** The gap chart's data, its key and its table (Figure, Low, High, Reads as), for GapPanel. */
export function gapPanelLines(gap: GapFigures, capacities: readonly CapacityFigures[]) {
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
    ).map(([name, r]): [string, string, string, string] => [
      name,
      r ? formatPercent(r.low) : "—",
      r ? formatPercent(r.high) : "—",
      ratio(r),
    ]),
    ...capacities.map((capacity): [string, string, string, string] => [
      `${capacity.title} (capacity)`,
      formatAmount(capacity.low, unit),
      formatAmount(capacity.high, unit),
      formatStated(capacity.low, capacity.high, unit, capacity.qualifier),
    ]),
  ];
  return {
    unit,
    /** The chart in words, for screen readers. */
    summary: `Required ${formatQuantity(gap.required)}; pledged ${formatQuantity(gap.pledged, { ceilingWords: "up to" })}; unconditional ${formatQuantity(gap.unconditional, { ceilingWords: "up to" })}; delivered ${formatQuantity(gap.delivered)}.`,
    required: formatQuantity(gap.required),
    chart: {
      unitLabel: unitWord(unit),
      required: {
        low: toMajor(gap.required.low, unit),
        high: toMajor(gap.required.high, unit),
        label: formatQuantity(gap.required, { withUnit: false }),
      },
      bars: [
        bar("Pledged", gap.pledged, figureColours.pledged),
        bar("Unconditional", gap.unconditional, figureColours.unconditional),
        bar("Delivered", gap.delivered, figureColours.delivered),
      ],
      references: references
        .filter((reference) => reference.onScale)
        .map(({ marker, value }) => ({ marker, value })),
    },
    references: references.map(({ marker, words, onScale }) => ({ marker, words, onScale })),
    rows,
  };
}

export type GapPanelLines = ReturnType<typeof gapPanelLines>;

/** One headline card: its figure in words and the methodology section that says how it is counted. */
export interface KpiCardLine {
  key: string;
  title: string;
  value: string;
  detail: string;
  counted: string;
  warning?: string;
}

/**
 * The six headline figures, each a range where the data is a range, with its bound in words; and
 * how many pledges report deliveries above what they pledged (counted in, and said).
 */
export function kpiCardLines(gap: GapFigures, deliveredAbovePledge: number): KpiCardLine[] {
  const above =
    deliveredAbovePledge > 0
      ? `${deliveredAbovePledge} ${deliveredAbovePledge === 1 ? "pledge reports" : "pledges report"} more delivered than pledged`
      : undefined;
  const card = (key: string, title: string, value: string, detail: string, counted: string) => ({
    key,
    title,
    value,
    detail,
    counted,
  });
  return [
    card("required", "Required", formatPromised(gap.required), "expert estimate", "ranges"),
    card("pledged", "Pledged", formatPromised(gap.pledged), "every pledge not withdrawn", "withdrawn"),
    card(
      "unconditional",
      "Unconditional",
      formatPromised(gap.unconditional),
      "pledges whose conditions are all met",
      "conditional",
    ),
    {
      ...card("delivered", "Delivered", formatPromised(gap.delivered), "recorded as delivered", "delivered"),
      warning: above,
    },
    card("shortfall", "Shortfall", formatQuantity(gap.shortfall), "required minus pledged", "ceilings"),
    card("coverage", "Coverage", ratio(gap.coverage), "pledged as a share of required", "ceilings"),
  ];
}
