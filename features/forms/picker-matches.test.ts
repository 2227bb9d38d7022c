import { describe, expect, it } from "vitest";
import { pickerMatches } from "./picker-matches";

const options = [
  { id: "fr", label: "France" },
  { id: "gb", label: "United Kingdom" },
  { id: "fi", label: "Finland" },
  { id: "cz", label: "Czechia" },
  { id: "ci", label: "Côte d’Ivoire" },
  { id: "nf", label: "Nordic Forces" },
];
const none = new Set<string>();

describe("pickerMatches", () => {
  it("puts names starting with the query before names containing it", () => {
    expect(pickerMatches(options, "f", none, 10).shown.map((o) => o.id)).toEqual(["fr", "fi", "nf"]);
  });

  it("ignores case, accents and extra spaces", () => {
    expect(pickerMatches(options, "  cote ", none, 10).shown.map((o) => o.id)).toEqual(["ci"]);
    expect(pickerMatches(options, "UNITED   king", none, 10).shown.map((o) => o.id)).toEqual(["gb"]);
  });

  it("leaves out what is already chosen, but still knows it exists", () => {
    const chosen = new Set(["fr"]);
    const matches = pickerMatches(options, "france", chosen, 10);
    expect(matches.shown).toEqual([]);
    expect(matches.creatable).toBeNull();
    expect(matches.chosen).toEqual({ id: "fr", label: "France" });
    expect(pickerMatches(options, "fran", chosen, 10).chosen).toBeNull();
  });

  it("offers creating a name nobody has, tidied", () => {
    expect(pickerMatches(options, "  Atlantis   Fund ", none, 10).creatable).toBe("Atlantis Fund");
    expect(pickerMatches(options, "Fin", none, 10).creatable).toBe("Fin");
    expect(pickerMatches(options, "finland", none, 10).creatable).toBeNull();
    expect(pickerMatches(options, "   ", none, 10).creatable).toBeNull();
  });

  it("cuts the list at the limit and says how many match in all", () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ id: `s${i}`, label: `State ${i}` }));
    const matches = pickerMatches(many, "state", none, 50);
    expect(matches.shown).toHaveLength(50);
    expect(matches.total).toBe(500);
    expect(pickerMatches(many, "", none, 50).total).toBe(500);
  });
});
