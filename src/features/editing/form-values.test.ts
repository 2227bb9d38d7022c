import { describe, expect, it } from "vitest";
import { changedFields, formValues, list, single, stakeholderLinks } from "./form-values";

describe("form values", () => {
  it("keeps single values as text and repeated ones as lists", () => {
    const form = new FormData();
    form.append("title", "A");
    form.append("conditionIds", "c1");
    form.append("conditionIds", "c2");
    form.append("role:s1", "pledger");
    form.append("role:s2", "");
    const values = formValues(form);
    expect(single(values, "title")).toBe("A");
    expect(list(values, "conditionIds")).toEqual(["c1", "c2"]);
    expect(list(values, "missing")).toEqual([]);
    expect(stakeholderLinks(values)).toEqual([{ stakeholderId: "s1", role: "pledger" }]);
  });

  it("names the fields two versions of a record disagree on, ignoring the bookkeeping", () => {
    expect(
      changedFields(
        { title: "A", status: "announced", version: 1, updatedAt: "x", conditions: [{ id: 1 }] },
        { title: "A", status: "stalled", version: 2, updatedAt: "y", conditions: [{ id: 2 }] },
      ),
    ).toEqual(["conditions", "status"]);
  });
});

describe("record form defaults", () => {
  it("shows stored amounts in the unit's major units and dates as days", async () => {
    const { recordFormDefaults } = await import("./record-kinds");
    expect(
      recordFormDefaults("requirement", {
        title: "Budget",
        unit: "EUR",
        low: 150n,
        high: 123456n,
        qualifier: "about",
        stakeholderId: null,
      }),
    ).toMatchObject({ title: "Budget", low: "1.5", high: "1234.56", qualifier: "about", stakeholderId: "" });
    expect(
      recordFormDefaults("source", { title: "T", publishedOn: new Date("2026-01-06T00:00:00Z") }),
    ).toMatchObject({
      publishedOn: "2026-01-06",
      url: "",
    });
  });
});
