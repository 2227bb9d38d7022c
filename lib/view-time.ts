import { z } from "./zod";
import { endOfDay, isoDay, outOfDayRange, parseIsoDay } from "./format";
import { invalid } from "./validation-message";

/**
 * When a view stands. `asOf`: what was true at the end of that UTC day, by what is known now (events
 * dated by when they happened). `knownAt`: what the tracker had recorded by that instant, so that a
 * past briefing can be reproduced to the digit (events by when they were recorded). Both may be set:
 * "what we believed on 1 April about 1 March". Neither: today, as recorded.
 */
export interface ViewTime {
  asOf?: Date;
  knownAt?: Date;
}

/** A key for caches and URLs: equal keys, equal views. */
export function viewTimeKey({ asOf, knownAt }: ViewTime): string {
  return `${asOf ? isoDay(asOf) : ""}|${knownAt ? knownAt.toISOString() : ""}`;
}

/** The view time a `viewTimeKey` names. */
export function viewTimeOfKey(key: string): ViewTime {
  const [asOf = "", knownAt = ""] = key.split("|");
  return { ...(asOf ? { asOf: parseIsoDay(asOf) } : {}), ...(knownAt ? { knownAt: new Date(knownAt) } : {}) };
}

/** The instant as a query value: "2026-03-01T12:00:00Z", with milliseconds only when it has some. */
export function instantParam(instant: Date): string {
  const text = instant.toISOString();
  return text.endsWith(".000Z") ? `${text.slice(0, 19)}Z` : text;
}

const instantText = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })]);

/**
 * A moment in a query string: `2026-03-01T12:00:00Z` or with an offset (seconds required, as zod's
 * ISO check has it), with or without milliseconds; with no zone, minutes suffice and it is UTC (as a
 * browser's date-and-time field sends it); a date alone means the end of that UTC day.
 */
export const isoInstant = z
  .string()
  .max(40, invalid("momentTooLong"))
  .transform((text, ctx) => {
    if (!instantText.safeParse(text).success) {
      ctx.addIssue({
        code: "custom",
        message: invalid("notMoment", { text }),
      });
      return z.NEVER;
    }
    const day = parseIsoDay(text.slice(0, 10));
    const outside = outOfDayRange(day);
    if (outside) {
      ctx.addIssue({ code: "custom", message: outside });
      return z.NEVER;
    }
    if (text.length === 10) return new Date(endOfDay(day).getTime() - 1);
    return new Date(/(Z|[+-]\d{2}:\d{2})$/.test(text) ? text : `${text}Z`);
  });
