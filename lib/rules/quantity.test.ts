import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatQuantityScaled,
  formatPercent,
  formatPromised,
  add,
  combineBounds,
  coverage,
  formatQuantity,
  formatRatio,
  formatStated,
  formatStatedText,
  invertBound,
  shortfall,
  statedQuantity,
  UnitMismatchError,
  InvalidQuantityError,
  zero,
  type Bound,
  type Quantity,
} from "./quantity";

const personnel = (low: number, high = low, bound: Bound = "exact"): Quantity => ({
  low: BigInt(low),
  high: BigInt(high),
  unit: "personnel",
  bound,
});

const bounds: Bound[] = ["exact", "at_most", "at_least", "about", "indeterminate"];
const boundArb = fc.constantFrom(...bounds);
const quantityArb = (unit = "personnel") =>
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), boundArb)
    .map(([a, b, bound]): Quantity => ({ low: a < b ? a : b, high: a < b ? b : a, unit, bound }));

/** Quantities summed as the breakdowns sum them: `add` from an exact zero. */
const sum = (quantities: readonly Quantity[], unit: string) => quantities.reduce(add, zero(unit));

describe("the seed's headline figures", () => {
  const required = statedQuantity(50_000n, 100_000n, "personnel", "exact");
  const pledged = statedQuantity(30_000n, null, "personnel", "up_to");

  it("keeps an 'up to' pledge as a ceiling", () => {
    expect(pledged).toEqual(personnel(30_000, 30_000, "at_most"));
    expect(formatQuantity(pledged)).toBe("at most 30,000 personnel");
    expect(formatQuantity(pledged, { ceilingWords: "up to" })).toBe("up to 30,000 personnel");
    expect(formatQuantity(pledged, { withUnit: false })).toBe("at most 30,000");
  });

  it("gives a shortfall of at least 20,000–70,000", () => {
    const gap = shortfall(required, pledged);
    expect(gap).toEqual(personnel(20_000, 70_000, "at_least"));
    expect(formatQuantity(gap)).toBe("at least 20,000–70,000 personnel");
  });

  it("gives a coverage of at most 30–60 %", () => {
    const ratio = coverage(pledged, required);
    expect(ratio).toEqual({ low: 0.3, high: 0.6, bound: "at_most" });
    expect(formatRatio(ratio!)).toBe("at most 30–60 %");
  });
});

describe("stated quantities", () => {
  it("keeps the qualifier's words and a range as a range", () => {
    expect(formatStated(30_000n, null, "personnel", "up_to")).toBe("up to 30,000 personnel");
    expect(formatStated(50_000n, 100_000n, "personnel", "exact")).toBe("50,000–100,000 personnel");
    expect(formatStated(260_000n, null, "personnel", "at_least")).toBe("at least 260,000 personnel");
    expect(formatStated(125_050n, null, "EUR", "about")).toBe("about 1,250.50 EUR");
    expect(formatStated(1n, null, "items", "exact")).toBe("1 item");
  });

  it.each([
    ["en", { low: "30000", high: "30000", unit: "personnel", qualifier: "up_to" }, "up to 30,000 personnel"],
    [
      "en",
      { low: "50000", high: "100000", unit: "personnel", qualifier: "exact" },
      "50,000–100,000 personnel",
    ],
    ["en", { low: "26", high: "26", unit: "members", qualifier: "exact", outOf: "35" }, "26 of 35 members"],
    [
      "en",
      { low: "2500000000.5", high: "2500000000.5", unit: "EUR", qualifier: "exact" },
      "2,500,000,000.5 EUR",
    ],
    [
      "uk",
      { low: "30000", high: "30000", unit: "personnel", qualifier: "up_to" },
      "до 30\u00a0000 військових",
    ],
    ["uk", { low: "3", high: "3", unit: "personnel", qualifier: "at_least" }, "щонайменше 3 військові"],
    [
      "fr",
      { low: "26", high: "26", unit: "members", qualifier: "about", outOf: "35" },
      "environ 26 sur 35 members",
    ],
    ["fr", { low: "2.5", high: "2.5", unit: "EUR", qualifier: "exact" }, "2,5 EUR"],
    ["en", { low: "1.5", high: "1.5", unit: "items", qualifier: "exact" }, "1.5 items"],
    ["uk", { low: "1.5", high: "1.5", unit: "items", qualifier: "exact" }, "1,5 одиниці"],
  ] as const)("in %s, says a quantity a document states, %j, as %s", (locale, stated, words) => {
    expect(formatStatedText(stated, locale)).toBe(words);
  });

  it("refuses negative amounts, inverted ranges and missing units", () => {
    expect(() => statedQuantity(-1n, null, "personnel", "exact")).toThrow(InvalidQuantityError);
    expect(() => statedQuantity(10n, 5n, "personnel", "exact")).toThrow(/upper end/);
    expect(() => statedQuantity(10n, null, " ", "exact")).toThrow(/unit/);
  });
});

describe("units never mix", () => {
  it("refuses to add personnel to EUR", () => {
    expect(() => add(personnel(1), { ...personnel(1), unit: "EUR" })).toThrow(UnitMismatchError);
    expect(() => sum([personnel(1), { ...personnel(2), unit: "EUR" }], "personnel")).toThrow(/never mix/);
    expect(() => shortfall({ ...personnel(1), unit: "EUR" }, personnel(1))).toThrow(UnitMismatchError);
    expect(() => coverage({ ...personnel(1), unit: "USD" }, personnel(1))).toThrow(UnitMismatchError);
  });

  it("refuses any two different units (property)", () => {
    fc.assert(
      fc.property(quantityArb("personnel"), quantityArb("EUR"), (a, b) => {
        expect(() => add(a, b)).toThrow(UnitMismatchError);
      }),
    );
  });
});

describe("bounds", () => {
  it("sums of 'up to' values stay upper bounds", () => {
    const total = sum([personnel(10, 10, "at_most"), personnel(5), personnel(7, 7, "at_most")], "personnel");
    expect(total).toEqual(personnel(22, 22, "at_most"));
  });

  it("mixing a ceiling with a floor gives neither", () => {
    expect(combineBounds("at_most", "at_least")).toBe("indeterminate");
    expect(formatQuantity(add(personnel(1, 1, "at_most"), personnel(2, 2, "at_least")))).toBe(
      "roughly 3 personnel",
    );
  });

  it("is a commutative, associative combination with exact as identity (property)", () => {
    fc.assert(
      fc.property(boundArb, boundArb, boundArb, (a, b, c) => {
        expect(combineBounds(a, b)).toBe(combineBounds(b, a));
        expect(combineBounds(combineBounds(a, b), c)).toBe(combineBounds(a, combineBounds(b, c)));
        expect(combineBounds(a, "exact")).toBe(a);
        expect(combineBounds(a, a)).toBe(a);
        expect(invertBound(invertBound(a))).toBe(a);
      }),
    );
  });
});

describe("range arithmetic (property)", () => {
  it("a sum is a range, order-independent, with exact totals", () => {
    fc.assert(
      fc.property(fc.array(quantityArb(), { maxLength: 20 }), (quantities) => {
        const total = sum(quantities, "personnel");
        expect(total.low <= total.high).toBe(true);
        expect(total.low).toBe(quantities.reduce((acc, q) => acc + q.low, 0n));
        expect(total.high).toBe(quantities.reduce((acc, q) => acc + q.high, 0n));
        const reversed = sum([...quantities].reverse(), "personnel");
        expect(reversed).toEqual(total);
      }),
    );
  });

  it("adding zero changes nothing", () => {
    fc.assert(
      fc.property(quantityArb(), (q) => {
        expect(add(q, zero("personnel"))).toEqual(q);
      }),
    );
  });

  it("a shortfall is a non-negative range that closes the gap exactly when unclamped", () => {
    fc.assert(
      fc.property(quantityArb(), quantityArb(), (required, pledged) => {
        const gap = shortfall(required, pledged);
        expect(gap.low >= 0n && gap.low <= gap.high).toBe(true);
        if (required.high >= pledged.low) expect(pledged.low + gap.high).toBe(required.high);
        if (required.low >= pledged.high) expect(pledged.high + gap.low).toBe(required.low);
        if (pledged.low >= required.high) expect(gap).toMatchObject({ low: 0n, high: 0n });
      }),
    );
  });

  it("a ceiling on the pledge makes the shortfall a floor and the coverage a ceiling", () => {
    fc.assert(
      fc.property(quantityArb(), quantityArb(), (required, pledged) => {
        const exactRequired = { ...required, bound: "exact" as const };
        const ceiling = { ...pledged, bound: "at_most" as const };
        expect(shortfall(exactRequired, ceiling).bound).toBe("at_least");
        const ratio = coverage(ceiling, exactRequired);
        if (ratio) expect(ratio.bound).toBe("at_most");
      }),
    );
  });

  it("coverage is a range within the ratio of the extremes", () => {
    fc.assert(
      fc.property(quantityArb(), quantityArb(), (pledged, required) => {
        const ratio = coverage(pledged, required);
        if (required.low === 0n) {
          expect(ratio).toBeNull();
          return;
        }
        expect(ratio).not.toBeNull();
        expect(ratio!.low).toBeLessThanOrEqual(ratio!.high);
        expect(ratio!.low).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("quantities at a glance", () => {
  it("scales currencies and millions, keeps the bound, and leaves small counts exact", () => {
    expect(
      formatQuantityScaled(statedQuantity(12_300_000_000_00n, null, "EUR", "up_to"), {
        ceilingWords: "up to",
      }),
    ).toBe("up to €12.3 bn");
    expect(formatQuantityScaled(statedQuantity(1_200_000_00n, 3_400_000_00n, "EUR", "about"))).toBe(
      "about €1.2 m–€3.4 m",
    );
    expect(formatQuantityScaled(statedQuantity(20_000n, 70_000n, "personnel", "at_least"))).toBe(
      "at least 20,000–70,000 personnel",
    );
    expect(formatQuantityScaled(statedQuantity(2_500_000n, null, "items", "exact"))).toBe("2.5 m items");
    // A ceiling rounds up and a floor down: neither claims more than it is.
    expect(
      formatQuantityScaled(statedQuantity(12_349_999_999_00n, null, "EUR", "up_to"), {
        ceilingWords: "up to",
      }),
    ).toBe("up to €12.4 bn");
    expect(formatQuantityScaled(statedQuantity(1_250_000_00n, null, "EUR", "at_least"))).toBe(
      "at least €1.2 m",
    );
    // A range rounds outwards, and ends that round alike are said once.
    expect(formatQuantityScaled(statedQuantity(1_210_000_00n, 1_240_000_00n, "EUR", "exact"))).toBe(
      "€1.2 m–€1.3 m",
    );
    expect(formatQuantityScaled(statedQuantity(1_200_000_00n, 1_200_000_00n, "EUR", "exact"))).toBe("€1.2 m");
  });
});

describe("bounds in words, in each language", () => {
  const nbsp = "\u00a0";
  const narrow = "\u202f";
  const ceiling = statedQuantity(30_000n, null, "personnel", "up_to");
  const floor = statedQuantity(30_000n, null, "personnel", "at_least");
  const approximate = statedQuantity(70_000n, null, "personnel", "about");
  const range = statedQuantity(50_000n, 100_000n, "personnel", "exact");

  it("says a promised ceiling as 'up to', a derived one as 'at most'", () => {
    expect(formatPromised(ceiling, "en")).toBe("up to 30,000 personnel");
    expect(formatPromised(ceiling, "uk")).toBe(`до 30${nbsp}000 військових`);
    expect(formatPromised(ceiling, "fr")).toBe(`jusqu’à 30${narrow}000 militaires`);
    expect(formatQuantity(ceiling, { locale: "uk" })).toBe(`не більше ніж 30${nbsp}000 військових`);
    expect(formatQuantity(ceiling, { locale: "fr" })).toBe(`au plus 30${narrow}000 militaires`);
  });

  it("says floors, approximations and figures of mixed bounds", () => {
    expect(formatQuantity(floor, { locale: "uk" })).toBe(`щонайменше 30${nbsp}000 військових`);
    expect(formatQuantity(floor, { locale: "fr" })).toBe(`au moins 30${narrow}000 militaires`);
    expect(formatQuantity(approximate, { locale: "uk" })).toBe(`близько 70${nbsp}000 військових`);
    expect(formatQuantity(approximate, { locale: "fr" })).toBe(`environ 70${narrow}000 militaires`);
    const mixed = add(ceiling, floor);
    expect(formatQuantity(mixed, { locale: "en" })).toBe("roughly 60,000 personnel");
    expect(formatQuantity(mixed, { locale: "uk" })).toBe(`приблизно 60${nbsp}000 військових`);
    expect(formatQuantity(mixed, { locale: "fr" })).toBe(`de l’ordre de 60${narrow}000 militaires`);
  });

  it("writes a range with the language's grouping and no bound word when exact", () => {
    expect(formatQuantity(range, { locale: "uk" })).toBe(`50${nbsp}000–100${nbsp}000 військових`);
    expect(formatQuantity(range, { locale: "fr" })).toBe(`50${narrow}000–100${narrow}000 militaires`);
  });

  it("a shortfall from a promised ceiling is a floor in every language", () => {
    const gap = shortfall(statedQuantity(50_000n, 100_000n, "personnel", "exact"), ceiling);
    expect(formatQuantity(gap, { locale: "en" })).toBe("at least 20,000–70,000 personnel");
    expect(formatQuantity(gap, { locale: "uk" })).toBe(`щонайменше 20${nbsp}000–70${nbsp}000 військових`);
    expect(formatQuantity(gap, { locale: "fr" })).toBe(`au moins 20${narrow}000–70${narrow}000 militaires`);
  });

  it("gives the noun the plural form its count takes (Ukrainian one, few, many)", () => {
    const count = (n: bigint, locale: "en" | "uk" | "fr") =>
      formatQuantity(statedQuantity(n, null, "items", "exact"), { locale });
    expect([1n, 3n, 5n, 21n, 22n, 25n].map((n) => count(n, "uk"))).toEqual([
      "1 одиниця",
      "3 одиниці",
      "5 одиниць",
      "21 одиниця",
      "22 одиниці",
      "25 одиниць",
    ]);
    expect([1n, 2n].map((n) => count(n, "fr"))).toEqual(["1 unité", "2 unités"]);
    expect([1n, 2n].map((n) => count(n, "en"))).toEqual(["1 item", "2 items"]);
  });

  it("says stated quantities and coverage ratios in each language", () => {
    expect(formatStated(30_000n, null, "personnel", "up_to", "uk")).toBe(`до 30${nbsp}000 військових`);
    expect(formatStated(250_000_000n, null, "EUR", "at_least", "fr")).toBe(
      `au moins 2${narrow}500${narrow}000,00 EUR`,
    );
    const ratio = { low: 0.3, high: 0.6, bound: "at_most" as const };
    expect(formatRatio(ratio, "en")).toBe("at most 30–60 %");
    expect(formatRatio(ratio, "uk")).toBe("не більше ніж 30–60%");
    expect(formatRatio(ratio, "fr")).toBe(`au plus 30–60${narrow}%`);
    expect(formatPercent(0.453, "fr")).toBe(`45,3${narrow}%`);
  });

  it("scales large amounts with the language's short words and currency placement", () => {
    const euros = statedQuantity(1_234_000_000_00n, null, "EUR", "up_to");
    expect(formatQuantityScaled(euros, { ceilingWords: "up to", locale: "en" })).toBe("up to €1.3 bn");
    expect(formatQuantityScaled(euros, { ceilingWords: "up to", locale: "uk" })).toBe("до 1,3 млрд €");
    expect(formatQuantityScaled(euros, { ceilingWords: "up to", locale: "fr" })).toBe("jusqu’à 1,3 Md €");
  });
});

describe("Ukrainian nouns after prepositions", () => {
  const said = (low: bigint, unit: string, qualifier: "exact" | "up_to" | "at_least" | "about") =>
    formatQuantity(statedQuantity(low, null, unit, qualifier), { ceilingWords: "up to", locale: "uk" });
  it("puts the noun in the genitive after до and близько, as it is after щонайменше", () => {
    expect(said(1n, "personnel", "up_to")).toBe("до 1 військового");
    expect(said(3n, "personnel", "up_to")).toBe("до 3 військових");
    expect(said(24n, "items", "up_to")).toBe("до 24 одиниць");
    expect(said(21n, "items", "about")).toBe("близько 21 одиниці");
    expect(said(3n, "personnel", "at_least")).toBe("щонайменше 3 військові");
    expect(said(3n, "personnel", "exact")).toBe("3 військові");
    expect(formatStated(3n, null, "items", "up_to", "uk")).toBe("до 3 одиниць");
  });
});
