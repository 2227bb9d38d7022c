import type { KeyEntry } from "@/components/charts/chart-key";
import { figureColours } from "@/components/charts/chart-style";

// The dashboard charts' series and keys: drawn beside a chart before its code has loaded. Each
// names its words by their key in the catalog's "dashboard" namespace.

/** The gap over time: each figure's colour and how it is drawn. */
export const historyKey = [
  { label: "figure.required", colour: figureColours.required, swatch: "band" },
  { label: "figure.pledged", colour: figureColours.pledged, swatch: "band" },
  { label: "figure.unconditional", colour: figureColours.unconditional, swatch: "line" },
  { label: "figure.delivered", colour: figureColours.delivered, swatch: "dashed line" },
] as const satisfies readonly (Omit<KeyEntry, "name"> & { label: string })[];

/** What each condition is worth: released amounts count as unconditional, and share its colour. */
export const worthSeries = [
  { key: "alone", label: "worth.aloneReleases", colour: figureColours.unconditional },
  { key: "holdsBack", label: "worth.holdsBack", colour: figureColours.heldBack },
] as const;

/** Who carries what: the unconditional part, then what conditions hold back (pledged, lighter). */
export const carriedSeries = [
  { key: "unconditional", label: "figure.unconditional", colour: figureColours.unconditional },
  { key: "conditional", label: "figure.conditionalHeldBack", colour: figureColours.conditional },
] as const;
