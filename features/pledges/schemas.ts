import { z } from "@/lib/zod";
import { oneOf } from "@/lib/form-fields";
import { countParam, isoDate, repeatedParam, singleParam } from "@/lib/search-params";
import { invalid, type FieldNoun } from "@/lib/validation-message";
import { isoInstant } from "@/lib/view-time";
import { effectiveStatuses, pledgeCategories, pledgeStatuses } from "@/lib/rules/vocabulary";
import { listPageSizes, pledgeOrderOf, pledgeSortKeys } from "./index";

export const slugSchema = (what: FieldNoun) =>
  z
    .string()
    .max(100, invalid("param.slugTooLong", { what }))
    .regex(/^[a-z0-9-]+$/, invalid("param.slugForm", { what }));

const maxPage = 10_000;

const conditionSlug = z
  .string()
  .max(100, invalid("param.conditionTooLong", { max: 100 }))
  .regex(/^[a-z0-9-]+$/, invalid("param.conditionForm", { example: "russia-agrees-to-ceasefire" }));

/** Which pledges: the filters shared by the list page, the API, the breakdowns and the exports. */
export const pledgeSelectionFields = {
  status: repeatedParam(oneOf(pledgeStatuses, "lifecycle status")),
  effective: repeatedParam(oneOf(effectiveStatuses, "effective status")),
  category: repeatedParam(oneOf(pledgeCategories, "category")),
  stakeholder: repeatedParam(slugSchema("stakeholder")),
  condition: repeatedParam(slugSchema("condition")),
  q: singleParam(
    z
      .string()
      .trim()
      .max(200, invalid("param.searchTooLong", { max: 200 })),
  ),
  from: singleParam(isoDate),
  to: singleParam(isoDate),
};

/** As they stood when, as known when, and which conditions to assume met (a what-if scenario). */
export const viewFields = {
  asOf: singleParam(isoDate),
  knownAt: singleParam(isoInstant),
  assume: repeatedParam(conditionSlug),
};

export const pageField = countParam("page", 1, maxPage);

/** How a list is ordered: a column and a direction (the column's own first direction when absent). */
export const pledgeOrderFields = {
  sort: singleParam(oneOf(pledgeSortKeys, "column to sort by")),
  dir: singleParam(oneOf(["asc", "desc"] as const, "sort direction")),
};

/** How many rows a list's page shows: one of the sizes lists offer. */
export const listPageSize = singleParam(
  z.coerce
    .number({ error: invalid("param.pageSizeOneOf", { sizes: listPageSizes.join(", ") }) })
    .refine((size) => (listPageSizes as readonly number[]).includes(size), {
      error: invalid("param.pageSizeOneOf", { sizes: listPageSizes.join(", ") }),
    }),
);

/** Refuses `from` after `to`; for `.check()` on any schema with both. */
export const datesInOrder = z.refine<{ from?: Date; to?: Date }>(
  (filters) => !filters.from || !filters.to || filters.from <= filters.to,
  { path: ["to"], message: invalid("param.endBeforeStart") },
);

/** The pledge list's URL: the selection, the view, the order and the page. */
export const pledgeFiltersSchema = z
  .object({
    ...pledgeSelectionFields,
    ...viewFields,
    ...pledgeOrderFields,
    page: pageField,
    pageSize: listPageSize,
  })
  .check(datesInOrder);

export type PledgeFilters = z.output<typeof pledgeFiltersSchema>;

/** A pledge id from a URL: anything else is simply not found. */
export const pledgeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** Splits parsed list parameters into what the pledge queries take. */
export function pledgeQueryOf({ asOf, knownAt, page, pageSize, sort, dir, ...selection }: PledgeFilters) {
  return { selection, time: { asOf, knownAt }, page, pageSize, order: pledgeOrderOf({ sort, dir }) };
}
