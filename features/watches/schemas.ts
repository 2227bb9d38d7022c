import { z } from "@/lib/zod";
import { isoDay } from "@/lib/format";
import { everyPledge, type PledgeSelection } from "@/features/pledges/selection-sql";
import { pledgeIdSchema, pledgeSelectionFields } from "@/features/pledges/schemas";
import { invalid, type FieldNoun } from "@/lib/validation-message";

// What a watch follows, as a form sends it and as it is stored: a pledge, a condition or a
// stakeholder by id, or a list's filters as the query string the list page reads (in one spelling,
// so that the same filters are one watch).

export type { WatchSubject } from "@/lib/rules/vocabulary";

/** The longest filters a watch keeps: a query string of a few dozen filters. */
const maxFilterLength = 2000;

/** The list's filters a watch may follow (not its page, order or time: a watch is of what is new). */
const filterFields = z.object(pledgeSelectionFields);

/** The list's filters in a query string, as the page reads its search params (repeats as lists). */
function filterParams(query: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = Object.create(null);
  for (const [name, value] of new URLSearchParams(query.startsWith("?") ? query.slice(1) : query)) {
    if (!Object.hasOwn(filterFields.shape, name) || value === "") continue;
    const held = params[name];
    params[name] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
  }
  return params;
}

/**
 * Filters as one spelling of the query string, from what they mean: only the list's filters, by
 * name, each list's values sorted and once, the words trimmed; or the first problem when they are
 * not filters the list page reads.
 */
export function canonicalFilter(query: string): { target: string } | { problem: string } {
  const parsed = filterFields.safeParse(filterParams(query));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: issue ? `${String(issue.path[0] ?? "filters")}: ${issue.message}` : invalid("filtersInvalid"),
    };
  }
  const canonical = new URLSearchParams();
  for (const [name, value] of Object.entries(parsed.data).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const values = Array.isArray(value)
      ? [...new Set(value)].sort()
      : value instanceof Date
        ? [isoDay(value)]
        : value
          ? [value]
          : [];
    for (const item of values) canonical.append(name, item);
  }
  return { target: canonical.toString() };
}

/** The filters a watch's target names, as a selection (the list's "every pledge" for none). */
export function filterSelection(target: string): PledgeSelection {
  const parsed = filterFields.safeParse(filterParams(target));
  return parsed.success ? { ...everyPledge, ...parsed.data, assume: [] } : everyPledge;
}

const recordId = (what: FieldNoun) =>
  z
    .string({ error: invalid("watchWhich", { what }) })
    .min(1, invalid("watchWhich", { what }))
    .max(64, invalid("watchNotId", { what }))
    .regex(/^[A-Za-z0-9_-]+$/, invalid("watchNotId", { what }));

/** A watch as a form names it: what it follows. */
export const watchSchema = z.discriminatedUnion(
  "subject",
  [
    z.object({ subject: z.literal("pledge"), target: pledgeIdSchema }),
    z.object({ subject: z.literal("condition"), target: recordId("condition") }),
    z.object({ subject: z.literal("stakeholder"), target: recordId("stakeholder") }),
    z.object({
      subject: z.literal("filter"),
      target: z
        .string()
        .max(maxFilterLength, invalid("watchFiltersTooLong", { max: maxFilterLength }))
        .transform((query, context) => {
          const outcome = canonicalFilter(query);
          if ("target" in outcome) return outcome.target;
          context.addIssue({
            code: "custom",
            message: invalid("watchFiltersRefused", { problem: outcome.problem }),
          });
          return z.NEVER;
        }),
    }),
  ],
  { error: invalid("watchWhat") },
);

export type WatchInput = z.output<typeof watchSchema>;

/** A watch by its id, as the inbox's "stop watching" sends it. */
export const watchIdSchema = z.object({
  id: z.string().min(1, invalid("watchStopWhich")).max(64, invalid("watchNotWatchId")),
});

/** When the inbox was shown: what was recorded up to then is marked read, nothing later. */
export const markReadSchema = z.object({
  shownAt: z.coerce
    .date({ error: invalid("inboxTimeMissing") })
    .refine((date) => !Number.isNaN(date.getTime()), invalid("inboxTimeNotDate")),
});
