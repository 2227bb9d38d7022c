import { describe, expect, it } from "vitest";
import { formValues, list, single, stakeholderLinks } from "./form-values";

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
});
