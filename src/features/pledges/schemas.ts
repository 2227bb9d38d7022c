import { z } from "zod";
import { isoDate, repeatedParam, singleParam } from "@/lib/search-params";
import { effectiveStatuses, pledgeCategories, pledgeStatuses } from "@/lib/rules/vocabulary";

const oneOf = <const T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, {
    error: (issue) => `"${String(issue.input)}" is not a known ${what}; use one of: ${values.join(", ")}`,
  });

const slug = (what: string) =>
  z
    .string()
    .max(100, `${what} is too long`)
    .regex(
      /^[a-z0-9-]+$/,
      `${what} must be an identifier such as "france" (lowercase letters, digits, hyphens)`,
    );

export const maxPage = 10_000;

/** The pledge list's filters, as they stand in the URL (and, later, in the API and exports). */
export const pledgeFiltersSchema = z
  .object({
    status: repeatedParam(oneOf(pledgeStatuses, "lifecycle status")),
    effective: repeatedParam(oneOf(effectiveStatuses, "effective status")),
    category: repeatedParam(oneOf(pledgeCategories, "category")),
    stakeholder: repeatedParam(slug("stakeholder")),
    condition: repeatedParam(slug("condition")),
    q: singleParam(z.string().trim().max(200, "search text is limited to 200 characters")),
    from: singleParam(isoDate),
    to: singleParam(isoDate),
    page: singleParam(
      z.coerce
        .number({ error: "page must be a whole number" })
        .min(1, { error: "page starts at 1", abort: true })
        .max(maxPage, { error: `page must be at most ${maxPage.toLocaleString("en-GB")}`, abort: true })
        .int("page must be a whole number"),
    ),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    path: ["to"],
    message: "the end date is before the start date",
  });

export type PledgeFilters = z.output<typeof pledgeFiltersSchema>;

/** A pledge id from a URL: anything else is simply not found. */
export const pledgeIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
