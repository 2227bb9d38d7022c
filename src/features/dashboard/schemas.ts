import { z } from "zod";
import { singleParam, type ParamError } from "@/lib/search-params";
import { viewFields } from "@/features/pledges/schemas";

export const metricField = singleParam(
  z
    .string()
    .trim()
    .min(1)
    .max(40, "metric is at most 40 characters")
    .regex(/^[A-Za-z][A-Za-z0-9 _-]*$/, "metric must be a unit name such as personnel or EUR"),
);

/** The dashboard's URL: which metric, which conditions to assume met, and as of which day. */
export const dashboardParamsSchema = z.object({ metric: metricField, ...viewFields });

export type DashboardParams = z.output<typeof dashboardParamsSchema>;

export const defaultMetric = "personnel";

/** A scenario naming conditions that do not exist, said the same way on every page and in the API. */
export function unknownConditionErrors(slugs: readonly string[]): ParamError[] {
  return slugs.map((slug) => ({ param: "assume", message: `there is no condition "${slug}"` }));
}
