import { describe, expect, it } from "vitest";

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
