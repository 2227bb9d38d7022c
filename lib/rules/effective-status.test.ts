import { describe, expect, it } from "vitest";
import { effectiveStatus, type ConditionState } from "./effective-status";
import { pledgeStatuses } from "./vocabulary";

const ceasefire: ConditionState = { id: "c1", title: "Russia agrees to a ceasefire", status: "unmet" };
const line: ConditionState = { id: "c2", title: "Ceasefire line agreed", status: "partially_met" };

describe("effective status", () => {
  it("is the lifecycle status when there are no conditions", () => {
    for (const status of pledgeStatuses) expect(effectiveStatus(status, []).status).toBe(status);
  });

  it("is conditional while any condition is unmet or partially met, naming the blockers", () => {
    const result = effectiveStatus("committed", [ceasefire, line, { id: "c3", title: "x", status: "met" }]);
    expect(result.status).toBe("conditional");
    expect(result.blockedBy.map((c) => c.id)).toEqual(["c1", "c2"]);
  });

  it("follows the lifecycle once every condition is met or waived", () => {
    const result = effectiveStatus("in_progress", [
      { ...ceasefire, status: "met" },
      { ...line, status: "waived" },
    ]);
    expect(result).toEqual({ status: "in_progress", blockedBy: [] });
  });

  it("never calls a delivered or withdrawn pledge conditional", () => {
    expect(effectiveStatus("delivered", [ceasefire]).status).toBe("delivered");
    expect(effectiveStatus("withdrawn", [ceasefire]).status).toBe("withdrawn");
  });

  it("treats conditions in the scenario as met", () => {
    expect(effectiveStatus("announced", [ceasefire], new Set(["c1"])).status).toBe("announced");
    const partly = effectiveStatus("announced", [ceasefire, line], new Set(["c1"]));
    expect(partly.blockedBy.map((c) => c.id)).toEqual(["c2"]);
  });
});
