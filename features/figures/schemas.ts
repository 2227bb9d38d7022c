import { z } from "@/lib/zod";
import { datesInOrder, pledgeSelectionFields, viewFields } from "@/features/pledges/schemas";
import { ParamsError, singleParam, type ParamError } from "@/lib/search-params";
import { invalid } from "@/lib/validation-message";
import type { ViewTime } from "@/lib/view-time";
import type { PledgeSelection } from "@/features/pledges/selection-sql";

export const metricField = singleParam(
  z
    .string()
    .trim()
    .min(1, invalid("param.metricForm"))
    .max(40, invalid("param.metricTooLong", { max: 40 }))
    .regex(/^[A-Za-z][A-Za-z0-9 _-]*$/, invalid("param.metricForm")),
);

export const defaultMetric = "personnel";

/** Figures, breakdowns and exports: the selection, the view time and the metric. */
export const figureParams = z
  .object({ ...pledgeSelectionFields, ...viewFields, metric: metricField })
  .check(datesInOrder);

export type FigureParams = z.output<typeof figureParams>;

/**
 * What a set of figures is of: one metric, the pledges a selection picks (with the conditions its
 * scenario assumes met), as they stood at a view time.
 */
export interface FigureView {
  metric: string;
  time: ViewTime;
  selection: PledgeSelection;
}

export function figureViewOf({
  metric = defaultMetric,
  asOf,
  knownAt,
  ...selection
}: FigureParams): FigureView {
  return { metric, time: { asOf, knownAt }, selection };
}

/** A scenario naming conditions that do not exist, said the same way on every page and in the API. */
function unknownConditionErrors(slugs: readonly string[]): ParamError[] {
  return slugs.map((slug) => ({ param: "assume", message: invalid("param.noSuchCondition", { slug }) }));
}

/** Thrown where a scenario naming an unknown condition must stop the answer (the API, the exports). */
export class UnknownConditionError extends ParamsError {
  constructor(slugs: readonly string[]) {
    super(unknownConditionErrors(slugs));
  }
}
