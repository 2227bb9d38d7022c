import { describe, expect, it } from "vitest";
import {
  defaultFigureUse,
  linkedConditionIds,
  type ConditionSuggestion,
  type DecidedSuggestion,
  type PledgeSuggestion,
} from "./suggestions";

const quote = { start: 0, end: 1 };
const condition = (key: string, matches: string | null): ConditionSuggestion => ({
  kind: "condition",
  key,
  quote,
  alsoQuoted: [],
  cue: null,
  title: key,
  dependsOn: null,
  matches: matches ? { id: matches, title: matches } : null,
});
const pledge: PledgeSuggestion = {
  kind: "pledge",
  key: "norway-engineers",
  quote,
  alsoQuoted: [],
  cue: null,
  stance: "pledge",
  title: "Norway: 200 engineers",
  category: "force",
  status: "announced",
  parties: [],
  quantity: null,
  conditionKeys: ["ceasefire", "vote"],
  matches: null,
};
const as = (
  suggestion: ConditionSuggestion,
  state: DecidedSuggestion["state"] = "pending",
  recordId: string | null = null,
): DecidedSuggestion => ({ suggestion, state, recordType: recordId ? "condition" : null, recordId });

describe("the conditions a pledge suggestion is linked to", () => {
  it("are the tracked conditions its own conditions match, and those accepted from the document", () => {
    const ceasefire = condition("ceasefire", "tracked-ceasefire");
    const vote = condition("vote", null);
    expect(linkedConditionIds(pledge, [as(ceasefire), as(vote)])).toEqual(["tracked-ceasefire"]);
    expect(linkedConditionIds(pledge, [as(ceasefire), as(vote, "accepted", "new-vote")])).toEqual([
      "tracked-ceasefire",
      "new-vote",
    ]);
    // Accepted as evidence of the tracked one: the record it was cited on.
    expect(linkedConditionIds(pledge, [as(ceasefire, "accepted", "tracked-ceasefire")])).toEqual([
      "tracked-ceasefire",
    ]);
  });

  it("leaves out a condition the analyst rejected, and other pledges' conditions", () => {
    expect(linkedConditionIds(pledge, [as(condition("ceasefire", "tracked-ceasefire"), "rejected")])).toEqual(
      [],
    );
    expect(
      linkedConditionIds(pledge, [as(condition("truce", "tracked-truce"), "accepted", "tracked-truce")]),
    ).toEqual([]);
  });
});

describe("what a figure is kept as by default", () => {
  const quantity = (unit: string) => ({
    low: "35",
    high: "35",
    unit,
    qualifier: "exact" as const,
    vague: false,
    outOf: null,
    unitInferred: false,
  });
  it("is a capacity for a count of nations, a requirement for anything else", () => {
    expect(defaultFigureUse(quantity("nations"))).toBe("capacity");
    expect(defaultFigureUse(quantity("members"))).toBe("capacity");
    expect(defaultFigureUse(quantity("personnel"))).toBe("requirement");
    expect(defaultFigureUse(quantity("EUR"))).toBe("requirement");
  });
});
