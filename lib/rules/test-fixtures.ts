// Shared by the rules' unit tests: the seed's two conditions and a pledge-group builder.
import type { AggregateGroup } from "./figures";
import type { ConditionState } from "./effective-status";

export const ceasefire: ConditionState = {
  id: "ceasefire",
  title: "Russia agrees to a ceasefire",
  status: "unmet",
};
export const ceasefireLine: ConditionState = { id: "line", title: "Ceasefire line agreed", status: "unmet" };

/** One aggregate row: one announced, unconditional pledge of nothing, unless overridden. */
export const group = (overrides: Partial<AggregateGroup>): AggregateGroup => ({
  unit: "personnel",
  category: "force",
  status: "announced",
  qualifier: "exact",
  blockedBy: [],
  count: 1,
  low: 0n,
  high: 0n,
  delivered: 0n,
  deliveredAbove: 0,
  ...overrides,
});
