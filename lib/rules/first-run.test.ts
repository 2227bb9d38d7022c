import { describe, expect, it } from "vitest";
import { firstSteps } from "./first-run";

describe("first-run checklist", () => {
  it("lists the three steps on an empty tracker, none done", () => {
    const steps = firstSteps({ accounts: 1, ownPledges: 0, requirements: 0 });
    expect(steps?.map((step) => [step.key, step.done])).toEqual([
      ["accounts", false],
      ["pledges", false],
      ["requirement", false],
    ]);
    expect(steps?.flatMap((step) => step.links.map((link) => link.href))).toEqual([
      "/admin",
      "/import",
      "/pledges/new",
      "/manage/requirement/new",
    ]);
  });

  it("ticks off accounts beyond the first admin and a recorded requirement (as the seed records)", () => {
    const steps = firstSteps({ accounts: 3, ownPledges: 0, requirements: 1 });
    expect(steps?.filter((step) => step.done).map((step) => step.key)).toEqual(["accounts", "requirement"]);
  });

  it("is gone once the tracker holds a pledge of its own", () => {
    expect(firstSteps({ accounts: 1, ownPledges: 1, requirements: 0 })).toBeNull();
  });
});
