import { useLocale } from "next-intl";
import { Day } from "@/components/ui/day";
import type { Locale } from "@/i18n/locales";
import { formatDateAt, isoDateAt, type ShownDay } from "@/lib/format";
import type { DatePrecision } from "@/lib/rules/vocabulary";

interface Announced {
  announcedOn: Date;
  announcedPrecision: DatePrecision;
}

/** When a pledge was announced, in words at the precision known, and for machines. */
export function announcedDateTexts(
  { announcedOn, announcedPrecision }: Announced,
  locale: Locale = "en",
): ShownDay {
  return {
    text: formatDateAt(announcedOn, announcedPrecision, locale),
    // An unknown date's machine-readable value is the day it was recorded by.
    machine: isoDateAt(announcedOn, announcedPrecision === "unknown" ? "day" : announcedPrecision),
  };
}

/** When a pledge was announced, at the precision known: "6 Jan 2026", "Mar 2022", "2022". */
export function AnnouncedDate({ pledge }: { pledge: Announced }) {
  return <Day day={announcedDateTexts(pledge, useLocale())} />;
}
