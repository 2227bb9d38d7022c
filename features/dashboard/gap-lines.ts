// The gap panel's and the headline cards' words and figures, written on the server: their client
// components are given these and format nothing (a phone's first Intl formatter costs it some
// 200 ms as the page becomes interactive).
import { figureColours } from "@/components/charts/chart-style";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
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

function bar(name: string, quantity: Quantity, colour: string, locale: Locale): GapChartBar {
  return {
    name,
    low: toMajor(quantity.low, quantity.unit),
    high: toMajor(quantity.high, quantity.unit),
    label: formatQuantity(quantity, { withUnit: false, ceilingWords: "up to", locale }),
    words: formatQuantity(quantity, { ceilingWords: "up to", locale }),
    ceiling: quantity.bound === "at_most",
    colour,
  };
}

/** The gap chart's data, its key and its table (Figure, Low, High, Reads as), for GapPanel. */
export function gapPanelLines(
  gap: GapFigures,
  capacities: readonly CapacityFigures[],
  locale: Locale = "en",
) {
  const t = translator(locale);
  const { unit } = gap;
  const amount = (minor: bigint) => formatAmount(minor, unit, locale);
  const words = (q: Quantity, ceilingWords?: "up to") => formatQuantity(q, { ceilingWords, locale });
  const ratio = (r: Ratio | null) => (r ? formatRatio(r, locale) : t("dashboard.figure.notDefined"));
  const stated = (capacity: CapacityFigures) =>
    formatStated(capacity.low, capacity.high, unit, capacity.qualifier, locale);
  // Capacity figures far off the scale would flatten the bars: they are listed, marked as such.
  const references = capacities.map((capacity, index) => ({
    marker: String(index + 1),
    words: t("dashboard.gap.capacityWords", { title: capacity.title, amount: stated(capacity) }),
    value: toMajor(capacity.high, unit),
    onScale: capacity.high <= gap.required.high * 2n,
  }));
  const figure = (key: "required" | "pledged" | "unconditional" | "delivered" | "shortfall") =>
    t(`dashboard.figure.${key}`);
  const rows: [string, string, string, string][] = [
    [figure("required"), amount(gap.required.low), amount(gap.required.high), words(gap.required)],
    ...(
      [
        ["pledged", gap.pledged],
        ["unconditional", gap.unconditional],
        ["delivered", gap.delivered],
        ["shortfall", gap.shortfall],
      ] as const
    ).map(([key, q]): [string, string, string, string] => [
      figure(key),
      amount(q.low),
      amount(q.high),
      words(q, key === "shortfall" ? undefined : "up to"),
    ]),
    ...(
      [
        ["coveragePledged", gap.coverage],
        ["coverageUnconditional", gap.unconditionalCoverage],
        ["coverageDelivered", gap.deliveredCoverage],
      ] as const
    ).map(([key, r]): [string, string, string, string] => [
      t(`dashboard.figure.${key}`),
      r ? formatPercent(r.low, locale) : "—",
      r ? formatPercent(r.high, locale) : "—",
      ratio(r),
    ]),
    ...capacities.map((capacity): [string, string, string, string] => [
      t("dashboard.figure.capacity", { title: capacity.title }),
      amount(capacity.low),
      amount(capacity.high),
      stated(capacity),
    ]),
  ];
  return {
    unit,
    /** The chart in words, for screen readers. */
    summary: t("dashboard.gap.summary", {
      required: words(gap.required),
      pledged: words(gap.pledged, "up to"),
      unconditional: words(gap.unconditional, "up to"),
      delivered: words(gap.delivered),
    }),
    required: words(gap.required),
    chart: {
      unitLabel: unitWord(unit, undefined, locale),
      required: {
        low: toMajor(gap.required.low, unit),
        high: toMajor(gap.required.high, unit),
        label: formatQuantity(gap.required, { withUnit: false, locale }),
      },
      bars: [
        bar(figure("pledged"), gap.pledged, figureColours.pledged, locale),
        bar(figure("unconditional"), gap.unconditional, figureColours.unconditional, locale),
        bar(figure("delivered"), gap.delivered, figureColours.delivered, locale),
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
export function kpiCardLines(
  gap: GapFigures,
  deliveredAbovePledge: number,
  locale: Locale = "en",
): KpiCardLine[] {
  const t = translator(locale);
  const above =
    deliveredAbovePledge > 0 ? t("dashboard.kpi.deliveredAbove", { count: deliveredAbovePledge }) : undefined;
  const promised = (q: Quantity) => formatPromised(q, locale);
  const card = (
    key: "required" | "pledged" | "unconditional" | "delivered" | "shortfall" | "coverage",
    value: string,
    counted: string,
  ) => ({
    key,
    title: t(`dashboard.figure.${key}`),
    value,
    detail: t(`dashboard.kpi.${key}Detail`),
    counted,
  });
  return [
    card("required", promised(gap.required), "ranges"),
    card("pledged", promised(gap.pledged), "withdrawn"),
    card("unconditional", promised(gap.unconditional), "conditional"),
    { ...card("delivered", promised(gap.delivered), "delivered"), warning: above },
    card("shortfall", formatQuantity(gap.shortfall, { locale }), "ceilings"),
    card(
      "coverage",
      gap.coverage ? formatRatio(gap.coverage, locale) : t("dashboard.figure.notDefined"),
      "ceilings",
    ),
  ];
}
