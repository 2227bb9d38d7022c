import { describe, expect, it } from "vitest";
import { changedFields } from "./changed-fields";

describe("changed fields", () => {
  it("names the fields two versions of a record disagree on, ignoring the bookkeeping", () => {
    expect(
      changedFields(
        { title: "A", status: "announced", version: 1, updatedAt: "x", conditions: [{ id: 1 }] },
        { title: "A", status: "stalled", version: 2, updatedAt: "y", conditions: [{ id: 2 }] },
      ),
    ).toEqual(["conditions", "status"]);
  });
});
