import type { KeyEntry } from "@/components/charts/chart-key";
import { figureColours } from "@/components/charts/chart-style";

// The dashboard charts' series and keys: drawn beside a chart before its code has loaded.

/** The gap over time: each figure's colour and how it is drawn. */
export const historyKey: readonly KeyEntry[] = [
  { name: "Required", colour: figureColours.required, swatch: "band" },
  { name: "Pledged", colour: figureColours.pledged, swatch: "band" },
  { name: "Unconditional", colour: figureColours.unconditional, swatch: "line" },
  { name: "Delivered", colour: figureColours.delivered, swatch: "dashed line" },
];

/** What each condition is worth: released amounts count as unconditional, and share its colour. */
export const worthSeries = [
  { key: "alone", name: "Met alone releases", colour: figureColours.unconditional },
  { key: "holdsBack", name: "Alone holds back, all others met", colour: figureColours.heldBack },
] as const;

/** Who carries what: the unconditional part, then what conditions hold back (pledged, lighter). */
export const carriedSeries = [
  { key: "unconditional", name: "Unconditional", colour: figureColours.unconditional },
  { key: "conditional", name: "Conditional (held back)", colour: figureColours.conditional },
] as const;
