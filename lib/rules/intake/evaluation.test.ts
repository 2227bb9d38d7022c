import { describe, expect, it } from "vitest";
import { GoldQuoteError, precisionOf, recallOf, scoreDocument, type GoldItem } from "./evaluation";
import { suggestByRules } from "./rules-extractor";
import { noRecords } from "./suggestions";

const text = "Norway pledged up to 2,000 troops. Sweden will not send troops. Experts want 9,000 troops.";
const suggestions = suggestByRules(text, noRecords);
const score = (items: GoldItem[], kind: string) =>
  scoreDocument(text, suggestions, items).find((entry) => entry.kind === kind)!;

describe("scoring against the gold", () => {
  it("counts an item found when a suggestion of its kind overlaps its quote and agrees with it", () => {
    const pledge = score(
      [
        {
          kind: "pledge",
          stance: "pledge",
          category: "force",
          quotes: ["Norway pledged up to 2,000 troops"],
        },
      ],
      "pledge",
    );
    expect(pledge).toMatchObject({ items: 1, found: 1, suggested: 2, correct: 1 });
    expect(recallOf(pledge)).toBe(1);
    expect(precisionOf(pledge)).toBe(0.5);
  });

  it("does not count a suggestion that disagrees with the item it overlaps", () => {
    const refusalAsPledge = score(
      [{ kind: "pledge", stance: "pledge", quotes: ["Sweden will not send troops"] }],
      "pledge",
    );
    expect(refusalAsPledge).toMatchObject({ found: 0, correct: 0, located: 1 });
    const wrongAmount = score([{ kind: "figure", low: "3000", quotes: ["up to 2,000 troops"] }], "figure");
    expect(wrongAmount.found).toBe(0);
  });

  it("counts a second suggestion for the same item as repeated", () => {
    const twice = scoreDocument(
      "Up to 5,000 troops. Up to 5,000 troops.",
      suggestByRules("Up to 5,000 troops. Up to 5,000 troops.", noRecords),
      [{ kind: "figure", quotes: ["Up to 5,000 troops. Up to 5,000 troops"] }],
    ).find((entry) => entry.kind === "figure")!;
    expect(twice).toMatchObject({ found: 1, correct: 2, repeated: 1 });
    // The second finds nothing new: precision counts it against the extractor.
    expect(precisionOf(twice)).toBe(0.5);
  });

  it("refuses gold whose quotes are not in the text", () => {
    expect(() =>
      scoreDocument(text, suggestions, [{ kind: "figure", quotes: ["up to 3,000 troops"] }]),
    ).toThrow(GoldQuoteError);
  });

  it("scores a kind with neither items nor suggestions as perfect, not as undefined", () => {
    const status = score([], "status");
    expect([precisionOf(status), recallOf(status)]).toEqual([1, 1]);
  });
});
