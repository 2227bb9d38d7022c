import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inEnglish } from "@/i18n/translate";
import {
  formatDecimalText,
  formatAmountScaled,
  AmountParseError,
  formatAmount,
  parseAmount,
  parseRoundedAmount,
  addDecimals,
  decimalText,
  toDecimal,
  toMajor,
  unitScale,
  shareUnit,
  spreadsheetFormat,
  unitName,
  unitWord,
} from "./units";

/** What `work` refuses with, in English words; null when it refuses nothing. */
function refusal(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    if (!(error instanceof AmountParseError)) throw error;
    return inEnglish(error.message);
  }
}

describe("units", () => {
  it("keeps cents for currencies and whole numbers otherwise", () => {
    expect(unitScale("EUR")).toBe(2);
    expect(unitScale("USD")).toBe(2);
    expect(unitScale("personnel")).toBe(0);
    expect(unitScale("items")).toBe(0);
    expect(unitScale("tanks")).toBe(0);
  });

  it("formats minor units exactly", () => {
    expect(formatAmount(3_000_000n, "personnel")).toBe("3,000,000");
    expect(formatAmount(123_456_789_012_345_678n, "EUR")).toBe("1,234,567,890,123,456.78");
    expect(formatAmount(5n, "USD")).toBe("0.05");
    expect(formatAmount(-150n, "EUR")).toBe("-1.50");
  });

  it("names the unit", () => {
    expect(unitWord("items", 1n)).toBe("item");
    expect(unitWord("items", 2n)).toBe("items");
    expect(unitWord("EUR", 2n)).toBe("EUR");
  });

  it("reads thousands separators and decimals", () => {
    expect(parseAmount("1,200", "personnel")).toBe(1200n);
    expect(parseAmount(" 30 000 ", "personnel")).toBe(30000n);
    expect(parseAmount("2.5", "EUR")).toBe(250n);
    expect(parseAmount("1,000,000.07", "EUR")).toBe(100000007n);
    expect(parseAmount("12.0", "personnel")).toBe(12n);
  });

  it("refuses what it cannot read exactly", () => {
    expect(refusal(() => parseAmount("1.5", "personnel"))).toMatch(/whole numbers/);
    expect(refusal(() => parseAmount("1.005", "EUR"))).toMatch(/more than 2 decimals/);
    expect(() => parseAmount("12,34", "EUR")).toThrow(AmountParseError);
    expect(refusal(() => parseAmount("ten", "items"))).toMatch(/not a number/);
    expect(refusal(() => parseAmount("1".repeat(20), "items"))).toMatch(/too large/);
    expect(refusal(() => parseAmount("10000000000000000.01", "EUR"))).toMatch(/too large/);
    expect(parseAmount("0001", "items")).toBe(1n);
    expect(refusal(() => parseRoundedAmount(`1.${"1".repeat(21)}`, "EUR"))).toMatch(
      /more decimals than any amount needs/,
    );
  });

  it("rounds to the unit's precision when asked, half away from zero, saying exactly by how much", () => {
    expect(parseRoundedAmount("1.005", "EUR")).toEqual({ minor: 101n, roundedBy: { units: 5n, scale: 3 } });
    expect(parseRoundedAmount("1.0049", "EUR")).toEqual({
      minor: 100n,
      roundedBy: { units: -49n, scale: 4 },
    });
    expect(parseRoundedAmount("2.5", "personnel")).toEqual({ minor: 3n, roundedBy: { units: 5n, scale: 1 } });
    expect(parseRoundedAmount("-2.5", "personnel").minor).toBe(-3n);
    expect(parseRoundedAmount("1,200.50", "EUR")).toEqual({ minor: 120050n, roundedBy: null });
    expect(refusal(() => parseRoundedAmount("ten", "EUR"))).toMatch(/not a number/);
  });

  it("adds and writes exact decimals", () => {
    const sum = addDecimals({ units: 5n, scale: 3 }, { units: -49n, scale: 4 });
    expect(sum).toEqual({ units: 1n, scale: 4 });
    expect(decimalText(sum)).toBe("0.0001");
    expect(decimalText({ units: -1200n, scale: 3 })).toBe("-1.2");
    expect(decimalText({ units: 0n, scale: 2 })).toBe("0");
    expect(decimalText({ units: 123n, scale: 0 })).toBe("123");
  });

  it("round-trips any amount through its text (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.constantFrom("EUR", "personnel"),
        (minor, unit) => {
          expect(parseAmount(formatAmount(minor, unit), unit)).toBe(minor);
        },
      ),
    );
  });
});

describe("toDecimal and toMajor", () => {
  it("write minor units as exact major-unit decimals", () => {
    expect(toDecimal(125_000_050n, "EUR")).toBe("1250000.5");
    expect(toDecimal(-5n, "EUR")).toBe("-0.05");
    expect(toDecimal(30_000n, "personnel")).toBe("30000");
    expect(toMajor(123_456n, "EUR")).toBe(1234.56);
    expect(JSON.stringify(toMajor(10n, "USD"))).toBe("0.1");
  });

  it("round-trip through parseAmount for any amount of cents", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), (minor) => {
        expect(parseAmount(toDecimal(minor, "EUR"), "EUR")).toBe(minor);
        expect(String(toMajor(minor, "EUR"))).toBe(toDecimal(minor, "EUR"));
      }),
    );
  });
});

describe("amounts at a glance", () => {
  it("writes large amounts at their scale, rounded to a tenth, with the currency's symbol", () => {
    expect(formatAmountScaled(12_345_678_901_234n, "EUR")).toBe("€123.5 bn");
    expect(formatAmountScaled(45_000_000_00n, "EUR")).toBe("€45.0 m");
    expect(formatAmountScaled(1_249_999_99n, "USD")).toBe("$1.2 m");
    expect(formatAmountScaled(1_250_000_00n, "GBP")).toBe("£1.3 m");
    expect(formatAmountScaled(2_500_000_000_000_00n, "EUR")).toBe("€2.5 tn");
    expect(formatAmountScaled(1_200_000n, "items")).toBe("1.2 m items");
  });

  it("moves up a scale when rounding reaches it, rounds the way it is asked, and puts the sign first", () => {
    expect(formatAmountScaled(999_950_000_00n, "EUR")).toBe("€1.0 bn");
    expect(formatAmountScaled(999_940_000_00n, "EUR")).toBe("€999.9 m");
    expect(formatAmountScaled(1_250_000_00n, "EUR", "down")).toBe("€1.2 m");
    expect(formatAmountScaled(1_210_000_00n, "EUR", "up")).toBe("€1.3 m");
    expect(formatAmountScaled(-1_250_000_00n, "EUR")).toBe("-€1.3 m");
    expect(formatAmountScaled(999_999_95n, "EUR")).toBe("€1.0 m");
  });

  it("writes amounts below a million as they are, currencies in whole units", () => {
    expect(formatAmountScaled(12_345_67n, "EUR")).toBe("€12,346");
    expect(formatAmountScaled(12_345_49n, "EUR")).toBe("€12,345");
    expect(formatAmountScaled(30_000n, "personnel")).toBe("30,000 personnel");
    expect(formatAmountScaled(1n, "items")).toBe("1 item");
  });
});

describe("spreadsheetFormat", () => {
  it("separates thousands, and gives a currency its symbol and its two decimals", () => {
    expect(spreadsheetFormat("personnel")).toBe("#,##0");
    expect(spreadsheetFormat("items")).toBe("#,##0");
    expect(spreadsheetFormat("EUR")).toBe('"€"#,##0.00');
    expect(spreadsheetFormat("GBP")).toBe('"£"#,##0.00');
    expect(spreadsheetFormat("tanks")).toBe("#,##0");
  });

  it("shows a share as a percentage", () => {
    expect(spreadsheetFormat(shareUnit)).toBe("0.0%");
  });
});

describe("unitName", () => {
  it("names a unit in a sentence in each language; a currency or unknown unit as written", () => {
    expect(unitName("personnel", "en")).toBe("personnel");
    expect(unitName("personnel", "uk")).toBe("особовий склад");
    expect(unitName("items", "fr")).toBe("unités");
    expect(unitName("EUR", "uk")).toBe("EUR");
    expect(unitName("drones", "fr")).toBe("drones");
  });
});

describe("formatDecimalText", () => {
  it.each([
    ["-1250.5", "en", "-1,250.5"],
    ["2500000000.05", "fr", "2\u202f500\u202f000\u202f000,05"],
    ["30000", "uk", "30\u00a0000"],
    ["about 3", "en", "about 3"],
  ] as const)("writes %s in %s as %s, every decimal kept", (text, locale, written) => {
    expect(formatDecimalText(text, locale)).toBe(written);
  });
});
