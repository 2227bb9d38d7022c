// The rules a pledge's fields obey, whoever writes it: the forms, the API and the import each read
// them from here, so that all three refuse and accept the same values with the same words.
import { invalid } from "../validation-message";
import type { DatePrecision } from "./vocabulary";

/** How long each text of a pledge and its evidence may be, in characters. */
export const pledgeTextLimits = {
  title: 300,
  description: 5000,
  scope: 1000,
  externalId: 200,
  note: 2000,
  sourceTitle: 300,
  sourcePublisher: 200,
  quote: 5000,
} as const;

/** What each rule says when broken (worded where it is read: lib/validation-message.ts). */
export const pledgeRuleMessages = {
  dueBeforeAnnouncement: invalid("dueBeforeAnnouncement"),
  highBelowLow: invalid("highBelowLow"),
  highWithoutLow: invalid("highWithoutLow"),
} as const;

/**
 * The day a date known only to its month or year is stored as: the period's first day, as the
 * import reads "2022-03" and "2022", so that views as of a date treat every such pledge alike.
 */
export function periodStart(day: Date, precision: DatePrecision): Date {
  if (precision === "month") return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  if (precision === "year") return new Date(Date.UTC(day.getUTCFullYear(), 0, 1));
  return day;
}

type Shape = {
  quantityLow?: bigint | null;
  quantityHigh?: bigint | null;
  announcedOn?: Date | null;
  dueOn?: Date | null;
};

/** What is wrong with a pledge's quantities and dates taken together, by the field to fix. */
export function pledgeShapeProblems(
  pledge: Shape,
): Partial<Record<"quantityLow" | "quantityHigh" | "dueOn", string>> {
  const { quantityLow: low, quantityHigh: high, announcedOn, dueOn } = pledge;
  const problems: Partial<Record<"quantityLow" | "quantityHigh" | "dueOn", string>> = {};
  if ((low === null || low === undefined) && high !== null && high !== undefined) {
    problems.quantityLow = pledgeRuleMessages.highWithoutLow;
  }
  if (low != null && high != null && high < low) problems.quantityHigh = pledgeRuleMessages.highBelowLow;
  if (announcedOn instanceof Date && dueOn instanceof Date && dueOn < announcedOn) {
    problems.dueOn = pledgeRuleMessages.dueBeforeAnnouncement;
  }
  return problems;
}
