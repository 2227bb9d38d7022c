import { z } from "@/lib/zod";
import { isoDate, singleParam } from "@/lib/search-params";
import { figureParams } from "@/features/figures/schemas";
import { isoDay, parseIsoDay } from "@/lib/format";
import { invalid } from "@/lib/validation-message";

// What the briefing reads besides its view: the date "what changed since" starts from.

export const briefingParams = z.object({ since: singleParam(isoDate) });

/** The briefing PDF's whole query: the view's, and the date its "what changed" starts from. */
export const briefingPdfParams = figureParams.safeExtend(briefingParams.shape);

/** Why `since` cannot start the view's "what changed" (it must not come after the view's day), or null. */
export function sinceProblem(since: Date, until: Date): string | null {
  const day = isoDay(until);
  return isoDay(since) > day ? invalid("sinceAfterView", { day }) : null;
}

/** With no date chosen, the briefing looks back 30 days from the view's own. */
export function defaultSince(until: Date): Date {
  return new Date(parseIsoDay(isoDay(until)).getTime() - 30 * 86_400_000);
}

/** The most pledges the briefing lists one by one: paper, not a database (the workbook has them all). */
export const briefingPledgeLimit = 100;
