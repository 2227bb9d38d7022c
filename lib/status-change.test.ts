import { describe, expect, it } from "vitest";
import { statusLabel, statusTransition } from "./status-change";

const none = {
  fromPledgeStatus: null,
  toPledgeStatus: null,
  fromConditionStatus: null,
  toConditionStatus: null,
};

describe("status transitions", () => {
  it("names both ends with their labels", () => {
    expect(statusTransition({ ...none, fromPledgeStatus: "in_progress", toPledgeStatus: "withdrawn" })).toBe(
      "In progress → Withdrawn",
    );
    expect(
      statusTransition({ ...none, fromConditionStatus: "unmet", toConditionStatus: "partially_met" }),
    ).toBe("Unmet → Partially met");
  });

  it("says a first status was recorded", () => {
    expect(statusTransition({ ...none, toPledgeStatus: "announced" })).toBe("Recorded as → Announced");
    expect(statusTransition({ ...none, toConditionStatus: "unmet" })).toBe("Recorded as → Unmet");
  });
});

describe("a change read with its statuses as text", () => {
  it("words each status as its subject's", () => {
    expect(statusLabel("pledge", "in_progress")).toBe("In progress");
    expect(statusLabel("condition", "partially_met")).toBe("Partially met");
  });
});
