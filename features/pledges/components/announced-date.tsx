import { formatDateAt, isoDateAt } from "@/lib/format";
import type { DatePrecision } from "@/lib/rules/vocabulary";

/** When a pledge was announced, at the precision known: "6 Jan 2026", "Mar 2022", "2022". */
export function AnnouncedDate({
  pledge,
}: {
  pledge: { announcedOn: Date; announcedPrecision: DatePrecision };
}) {
  const { announcedOn, announcedPrecision } = pledge;
  // An unknown date's machine-readable value is the day it was recorded by.
  const machine = isoDateAt(announcedOn, announcedPrecision === "unknown" ? "day" : announcedPrecision);
  return <time dateTime={machine}>{formatDateAt(announcedOn, announcedPrecision)}</time>;
}
