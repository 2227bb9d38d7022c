import { describe, expect, it } from "vitest";
import { findQuantities, readQuantity } from "./quantities";

type Expected = [low: string, high: string, unit: string, qualifier: string, vague?: "vague"];

// Each phrasing as news writes it, with what the grammar must keep: the amount, the unit and the bound.
const phrasings: [string, Expected][] = [
  // Ceilings
  ["up to 30,000 personnel", ["30000", "30000", "personnel", "up_to"]],
  ["Up to 30 000 troops", ["30000", "30000", "personnel", "up_to"]],
  ["up to 30\u202f000 troops", ["30000", "30000", "personnel", "up_to"]],
  ["up to 30\u00a0000 soldiers", ["30000", "30000", "personnel", "up_to"]],
  ["up to 30\u2009000 peacekeepers", ["30000", "30000", "personnel", "up_to"]],
  ["as many as 5,000 troops", ["5000", "5000", "personnel", "up_to"]],
  ["no more than 10,000 soldiers", ["10000", "10000", "personnel", "up_to"]],
  ["at most 2,000 personnel", ["2000", "2000", "personnel", "up_to"]],
  ["fewer than 500 troops", ["500", "500", "personnel", "up_to"]],
  ["less than 100 kilometres", ["100", "100", "km", "up_to"]],
  ["under 100 km", ["100", "100", "km", "up_to"]],
  ["a maximum of 1,500 service members", ["1500", "1500", "personnel", "up_to"]],
  ["capped at €1bn", ["1000000000", "1000000000", "EUR", "up_to"]],
  ["30k troops at most", ["30000", "30000", "personnel", "up_to"]],
  ["3,000 soldiers or fewer", ["3000", "3000", "personnel", "up_to"]],
  // Floors
  ["more than 260,000", ["260000", "260000", "?", "at_least"]],
  ["more than 260,000 personnel", ["260000", "260000", "personnel", "at_least"]],
  ["at least 20,000 troops", ["20000", "20000", "personnel", "at_least"]],
  ["over 5,000 soldiers", ["5000", "5000", "personnel", "at_least"]],
  ["in excess of $500 million", ["500000000", "500000000", "USD", "at_least"]],
  ["upwards of 10,000 troops", ["10000", "10000", "personnel", "at_least"]],
  ["no fewer than 12 nations", ["12", "12", "nations", "at_least"]],
  ["30,000-plus troops", ["30000", "30000", "personnel", "at_least"]],
  ["40+ countries", ["40", "40", "nations", "at_least"]],
  ["10,000 troops or more", ["10000", "10000", "personnel", "at_least"]],
  ["well over 1,000 drones", ["1000", "1000", "drones", "at_least"]],
  // Ranges
  ["between 50,000 and 100,000 troops", ["50000", "100000", "personnel", "exact"]],
  ["50,000–100,000 troops", ["50000", "100000", "personnel", "exact"]],
  ["50,000-100,000 troops", ["50000", "100000", "personnel", "exact"]],
  ["50,000 to 100,000 troops", ["50000", "100000", "personnel", "exact"]],
  ["from 20,000 to 30,000 soldiers", ["20000", "30000", "personnel", "exact"]],
  ["€2–3 bn", ["2000000000", "3000000000", "EUR", "exact"]],
  ["between €1bn and €2bn", ["1000000000", "2000000000", "EUR", "exact"]],
  ["50k–100k troops", ["50000", "100000", "personnel", "exact"]],
  ["2‑3 million euros", ["2000000", "3000000", "EUR", "exact"]],
  ["roughly 50,000 to 60,000 troops", ["50000", "60000", "personnel", "about"]],
  // Approximations
  ["roughly 70,000 full‑time personnel", ["70000", "70000", "personnel", "about"]],
  ["about 5,000 troops", ["5000", "5000", "personnel", "about"]],
  ["around 8,000 soldiers", ["8000", "8000", "personnel", "about"]],
  ["approximately 12,500 personnel", ["12500", "12500", "personnel", "about"]],
  ["some 4,000 peacekeepers", ["4000", "4000", "personnel", "about"]],
  ["nearly 1,000 tanks", ["1000", "1000", "tanks", "about"]],
  ["almost 200 aircraft", ["200", "200", "aircraft", "about"]],
  ["an estimated 10,000 troops", ["10000", "10000", "personnel", "about"]],
  ["close to €40 billion", ["40000000000", "40000000000", "EUR", "about"]],
  ["30-odd nations", ["30", "30", "nations", "about"]],
  ["c. 3,000 soldiers", ["3000", "3000", "personnel", "about"]],
  ["~25,000 troops", ["25000", "25000", "personnel", "about"]],
  ["10,000 troops or so", ["10000", "10000", "personnel", "about"]],
  ["the 35\u2011country coalition", ["35", "35", "nations", "exact"]],
  ["about 30 Western and European countries", ["30", "30", "nations", "about"]],
  ["500 French or British troops", ["500", "500", "personnel", "exact"]],
  // Vague amounts, which say so
  ["several thousand troops", ["3000", "9000", "personnel", "about", "vague"]],
  ["a few hundred soldiers", ["200", "500", "personnel", "about", "vague"]],
  ["hundreds of kilometers", ["200", "999", "km", "about", "vague"]],
  ["thousands of troops", ["2000", "9999", "personnel", "about", "vague"]],
  ["tens of thousands of troops", ["20000", "99999", "personnel", "about", "vague"]],
  ["hundreds of thousands of soldiers", ["200000", "999999", "personnel", "about", "vague"]],
  ["dozens of tanks", ["24", "99", "tanks", "about", "vague"]],
  ["several dozen aircraft", ["36", "108", "aircraft", "about", "vague"]],
  // Money
  ["€2.5 bn", ["2500000000", "2500000000", "EUR", "exact"]],
  ["€2.5bn", ["2500000000", "2500000000", "EUR", "exact"]],
  ["$500 million", ["500000000", "500000000", "USD", "exact"]],
  ["$500m", ["500000000", "500000000", "USD", "exact"]],
  ["£1.7bn", ["1700000000", "1700000000", "GBP", "exact"]],
  ["US$1bn", ["1000000000", "1000000000", "USD", "exact"]],
  ["EUR 300 million", ["300000000", "300000000", "EUR", "exact"]],
  ["2.5 billion euros", ["2500000000", "2500000000", "EUR", "exact"]],
  ["500 million dollars", ["500000000", "500000000", "USD", "exact"]],
  ["€1.25", ["1.25", "1.25", "EUR", "exact"]],
  ["half a million euros", ["500000", "500000", "EUR", "exact"]],
  // Counts
  ["35 nations", ["35", "35", "nations", "exact"]],
  ["26 of the Coalition’s 35 members", ["26", "26", "members", "exact"]],
  ["Twenty‑six of the Coalition’s 35 members", ["26", "26", "members", "exact"]],
  ["twenty-six member states", ["26", "26", "nations", "exact"]],
  ["thirty thousand troops", ["30000", "30000", "personnel", "exact"]],
  ["one hundred and fifty tanks", ["150", "150", "tanks", "exact"]],
  ["a thousand soldiers", ["1000", "1000", "personnel", "exact"]],
  ["a dozen countries", ["12", "12", "nations", "exact"]],
  ["30k troops", ["30000", "30000", "personnel", "exact"]],
  ["1.5 million soldiers", ["1500000", "1500000", "personnel", "exact"]],
  ["a 30,000‑strong force", ["30000", "30000", "personnel", "exact"]],
  ["5,000 British troops", ["5000", "5000", "personnel", "exact"]],
  ["2% of GDP", ["2", "2", "percent", "exact"]],
  ["3.5 per cent", ["3.5", "3.5", "percent", "exact"]],
];

describe("the quantity grammar", () => {
  it.each(phrasings)("reads %j", (phrase, [low, high, unit, qualifier, vague]) => {
    // A bare figure is read with the unit of one before it, as in a sentence.
    const text = unit === "?" ? `70,000 troops; ${phrase}` : phrase;
    const found = findQuantities(text).at(-1);
    expect(found).toBeDefined();
    expect(found).toMatchObject({ low, high, qualifier, vague: vague === "vague" });
    if (unit !== "?") expect(found?.unit).toBe(unit);
    else expect(found).toMatchObject({ unit: "personnel", unitInferred: true });
  });

  it("covers at least sixty phrasings", () => {
    expect(phrasings.length).toBeGreaterThanOrEqual(60);
  });

  it("points at exactly the characters it read", () => {
    const text = "Negotiations moved closer to a presence of up to 30,000 personnel. Experts want more.";
    const [found] = findQuantities(text);
    expect(text.slice(found!.start, found!.end)).toBe("up to 30,000 personnel");
  });

  it("gives a bare figure after an army the army's unit", () => {
    expect(readQuantity("the Ukrainian army will remain at 700,000")).toMatchObject({
      low: "700000",
      unit: "personnel",
      unitInferred: true,
    });
    expect(readQuantity("the treaty of 1,000 words")).toBeNull();
  });

  it("keeps the whole a count is part of", () => {
    expect(readQuantity("26 of the Coalition’s 35 members")).toMatchObject({ outOf: "35", low: "26" });
    expect(readQuantity("26 out of 35 nations")).toMatchObject({ outOf: "35", unit: "nations" });
  });

  it("finds several quantities in one sentence, each with its own bound", () => {
    const text = "The British Army fields roughly 70,000 full‑time personnel; France more than 260,000.";
    expect(findQuantities(text).map(({ low, qualifier, unit }) => [low, qualifier, unit])).toEqual([
      ["70000", "about", "personnel"],
      ["260000", "at_least", "personnel"],
    ]);
  });

  it("reads a unit set against an unspaced em dash, which is punctuation, not a hyphen", () => {
    const text = "the UK will contribute fewer than 7,500 troops—an operationally heavy burden";
    expect(findQuantities(text).map(({ low, qualifier, unit }) => [low, qualifier, unit])).toEqual([
      ["7500", "up_to", "personnel"],
    ]);
    // A word joined by a hyphen or an en dash stays one word.
    expect(readQuantity("30,000 Franco–British troops")).toMatchObject({ low: "30000", unit: "personnel" });
  });

  it.each([
    "The talks peaked in late 2025 and resumed.",
    "The results of the second day focus on three primary pillars.",
    "as one US official put it",
    "five points of intent",
    "32",
    "Article 5 of the treaty",
    "many troops",
    "The summit of 6 January 2026 ended.",
  ])("finds no quantity in %j", (text) => {
    expect(findQuantities(text)).toEqual([]);
  });

  it("reads a range only when its ends are in order", () => {
    expect(readQuantity("100,000–50,000 troops")?.low).not.toBe("100000");
  });
});
