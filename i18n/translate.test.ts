import { describe, expect, it } from "vitest";
import { elided, translator } from "./translate";

describe("French elision", () => {
  it("elides de and que before a vowel, not before a digit, a consonant or h", () => {
    expect(elided("un déficit de au moins 19 000")).toBe("un déficit d’au moins 19 000");
    expect(elided("un besoin de environ 70 000, plus que il ne faut")).toBe(
      "un besoin d’environ 70 000, plus qu’il ne faut",
    );
    expect(elided("un besoin de 50 000, de hauts plafonds, de jusqu’à")).toBe(
      "un besoin de 50 000, de hauts plafonds, de jusqu’à",
    );
    // Within a word, an accented letter before "de" or "que" is no word's start.
    expect(elided("la Suède et la République tchèque a")).toBe("la Suède et la République tchèque a");
  });

  it("applies to the French translator's messages only", () => {
    expect(
      translator("fr")("figures.headline.againstRequirement", { pledged: "x", required: "au moins 3" }),
    ).toBe("les engagements totalisent x pour un besoin d’au moins 3");
    expect(
      translator("en")("figures.headline.againstRequirement", { pledged: "x", required: "at least 3" }),
    ).toBe("pledges total x against a requirement of at least 3");
  });
});
