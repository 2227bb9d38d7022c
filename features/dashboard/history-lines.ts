// The gap history as the chart and its table draw it: numbers in major units for the axes, and the
// same figures in words (with their bounds) for the table and the tooltip.
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { formatDate } from "@/lib/format";
import { formatQuantityScaled, type Quantity } from "@/lib/rules/quantity";
import { toMajor } from "@/lib/rules/units";
import type { ConditionStatus } from "@/lib/rules/vocabulary";

interface HistoryInput {
  unit: string;
  points: {
    day: Date;
    required: Quantity | null;
    pledged: Quantity;
    unconditional: Quantity;
    delivered: Quantity;
  }[];
  conditionChanges: { at: Date; title: string; status: ConditionStatus }[];
}

export interface HistoryLine {
  /** The day, as a time in milliseconds (the chart's axis) and in words. */
  time: number;
  day: string;
  /** [low, high] in major units: drawn as bands. */
  required: [number, number] | null;
  pledged: [number, number];
  /** Upper ends, drawn as lines. */
  unconditional: number;
  delivered: number;
  words: { required: string; pledged: string; unconditional: string; delivered: string };
}

export interface HistoryMarker {
  marker: string;
  time: number;
  text: string;
}

/** A figure as a band: a ceiling ("up to 30,000") is anywhere from nothing to it. */
const band = (q: Quantity): [number, number] => [
  q.bound === "at_most" ? 0 : toMajor(q.low, q.unit),
  toMajor(q.high, q.unit),
];
export function historyLines(
  history: HistoryInput,
  locale: Locale = "en",
): { lines: HistoryLine[]; markers: HistoryMarker[] } {
  const words = (q: Quantity) => formatQuantityScaled(q, { ceilingWords: "up to", locale });
  return {
    lines: history.points.map((point) => ({
      time: point.day.getTime(),
      day: formatDate(point.day, locale),
      required: point.required ? band(point.required) : null,
      pledged: band(point.pledged),
      unconditional: toMajor(point.unconditional.high, history.unit),
      delivered: toMajor(point.delivered.high, history.unit),
      words: {
        required: point.required
          ? words(point.required)
          : translator(locale)("dashboard.figure.noneRecorded"),
        pledged: words(point.pledged),
        unconditional: words(point.unconditional),
        delivered: words(point.delivered),
      },
    })),
    markers: markersByDay(history.conditionChanges, locale),
  };
}

/** One lettered marker a day, saying every change of that day. */
function markersByDay(changes: HistoryInput["conditionChanges"], locale: Locale): HistoryMarker[] {
  const t = translator(locale);
  const days = new Map<string, HistoryInput["conditionChanges"]>();
  for (const change of changes) {
    const day = formatDate(change.at, locale);
    days.set(day, [...(days.get(day) ?? []), change]);
  }
  return [...days].map(([day, sameDay], index) => ({
    // A–Z, then A2–Z2…: each marker says one day.
    marker: `${String.fromCharCode(65 + (index % 26))}${index >= 26 ? Math.floor(index / 26) + 1 : ""}`,
    time: Date.UTC(
      sameDay[0]!.at.getUTCFullYear(),
      sameDay[0]!.at.getUTCMonth(),
      sameDay[0]!.at.getUTCDate(),
    ),
    text: t("dashboard.history.marker", {
      day,
      changes: sameDay
        .map((change) =>
          t("dashboard.history.became", {
            title: change.title,
            status: t(`vocabulary.conditionStatus.${change.status}`).toLocaleLowerCase(locale),
          }),
        )
        .join("; "),
    }),
  }));
}
