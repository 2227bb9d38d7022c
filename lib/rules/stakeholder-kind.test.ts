import { describe, expect, it } from "vitest";
import { inferStakeholderKind } from "./stakeholder-kind";

describe("inferStakeholderKind", () => {
  it("takes a country's name, in English, French, German or Ukrainian, or its short form, for a state", () => {
    expect(inferStakeholderKind("Germany")).toEqual({ kind: "state", countryCode: "DE" });
    expect(inferStakeholderKind("Allemagne")).toEqual({ kind: "state", countryCode: "DE" });
    expect(inferStakeholderKind("Deutschland")).toEqual({ kind: "state", countryCode: "DE" });
    expect(inferStakeholderKind("Німеччина")).toEqual({ kind: "state", countryCode: "DE" });
    expect(inferStakeholderKind(" United  States ")).toEqual({ kind: "state", countryCode: "US" });
    expect(inferStakeholderKind("UK")).toEqual({ kind: "state", countryCode: "GB" });
    expect(inferStakeholderKind("Slovak Republic")).toEqual({ kind: "state", countryCode: "SK" });
  });

  it("takes anything else for an organisation", () => {
    for (const name of ["EU Institutions", "European Investment Bank", "NATO", "Coalition of the willing"]) {
      expect(inferStakeholderKind(name)).toEqual({ kind: "organisation", countryCode: null });
    }
  });
});
