import { intlLocale, perLocale } from "@/lib/rules/units";

// What every chart shares: one colour per figure, whichever chart shows it, and the axes' numbers.

/** The figures' colours: pledged is always blue, unconditional green, and so on. */
export const figureColours = {
  required: "#b91c1c",
  pledged: "#1d4ed8",
  unconditional: "#059669",
  delivered: "#065f46",
  /** Pledged but held back by a condition: the pledged blue, lighter. */
  conditional: "#93c5fd",
  /** What a condition still holds back: amber, apart from every figure that counts. */
  heldBack: "#b45309",
};

/** An axis tick, in the reader's language: 30K, 1.2M; 30 тис.; 30 k. */
export const compactNumber = perLocale(
  (locale) => new Intl.NumberFormat(intlLocale(locale), { notation: "compact", maximumFractionDigits: 1 }),
);

/** A marked line across a chart (a capacity, a change of a condition): numbered, the list below says which. */
export const markerLine = (marker: string) => ({
  stroke: "#475569",
  strokeDasharray: "2 4",
  label: { value: marker, position: "top" as const, fill: "#334155", fontSize: 12 },
});
