import { z } from "@/lib/zod";
import { metricField } from "@/features/figures/schemas";
import { viewFields } from "@/features/pledges/schemas";

/** The dashboard's URL: which metric, which conditions to assume met, and as of which day. */
export const dashboardParamsSchema = z.object({ metric: metricField, ...viewFields });

export type DashboardParams = z.output<typeof dashboardParamsSchema>;
