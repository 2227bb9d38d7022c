import { z } from "@/lib/zod";
import { metricField } from "@/features/figures/schemas";
import {
  datesInOrder,
  pageField,
  pledgeIdSchema,
  pledgeSelectionFields,
  viewFields,
} from "@/features/pledges/schemas";
import { countParam, isoDate, singleParam } from "@/lib/search-params";
import { invalid } from "@/lib/validation-message";

// What a list of changes is asked with (the page and the API): the period, the metric its figures
// are in, the pledges it follows (the list's filters and scenario), as known now or at a moment.

export const changesPageSize = 50;
const maxChangesPageSize = 200;

/** The period's parameters, checked together: `since` is required and not after `until`. */
const periodFields = {
  since: singleParam(isoDate).pipe(z.date({ error: invalid("param.sinceRequired") })),
  until: singleParam(isoDate),
};

export const changesParams = z
  .object({
    ...pledgeSelectionFields,
    ...periodFields,
    assume: viewFields.assume,
    knownAt: viewFields.knownAt,
    metric: metricField,
    page: pageField,
    pageSize: countParam("pageSize", 1, maxChangesPageSize),
  })
  .check(datesInOrder)
  .check(
    z.refine<{ since: Date; until?: Date }>((value) => !value.until || value.since <= value.until, {
      path: ["until"],
      message: invalid("param.untilBeforeSince"),
    }),
  );

export type ChangesParams = z.output<typeof changesParams>;

/** A feed: the list's filters (the whole tracker without any), or one pledge. */
export const feedParams = z.object({
  ...pledgeSelectionFields,
  pledge: singleParam(pledgeIdSchema),
});

export type FeedParams = z.output<typeof feedParams>;

/** How many entries a feed holds: the latest recorded. */
export const feedLength = 50;

/** A feed's address for a page's query (the list's filters, or `pledge`): only what the feed reads. */
function feedPath(query: Record<string, string | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const name of Object.keys(feedParams.shape)) {
    const value = query[name];
    for (const item of Array.isArray(value) ? value : value ? [value] : []) search.append(name, item);
  }
  const text = search.toString();
  return `/feeds/changes.atom${text ? `?${text}` : ""}`;
}

/** A page's advertisement of its feed (`<link rel="alternate" type="application/atom+xml">`). */
export function feedAlternates(query: Record<string, string | string[] | undefined>, title: string) {
  return { types: { "application/atom+xml": [{ url: feedPath(query), title }] } };
}
