import { z } from "zod";
import { isoDate, repeatedParam, singleParam } from "@/lib/search-params";

/** The dashboard's URL: which metric, which conditions to assume met, and as of which day. */
export const dashboardParamsSchema = z.object({
  metric: singleParam(
    z
      .string()
      .trim()
      .min(1)
      .max(40, "metric is at most 40 characters")
      .regex(/^[A-Za-z][A-Za-z0-9 _-]*$/, "metric must be a unit name such as personnel or EUR"),
  ),
  assume: repeatedParam(
    z
      .string()
      .max(100, "a condition identifier is at most 100 characters")
      .regex(/^[a-z0-9-]+$/, 'assume takes condition identifiers such as "russia-agrees-to-ceasefire"'),
  ),
  asOf: singleParam(isoDate),
});

export type DashboardParams = z.output<typeof dashboardParamsSchema>;

export const defaultMetric = "personnel";
