import { describe, expect, it } from "vitest";
import { resolveQuantities } from "./pledge-values";

const none = { quantityUnit: null, quantityLow: null, quantityHigh: null, deliveredQuantity: null };

describe("resolveQuantities", () => {
  it("reads written amounts in the unit's minor units, exactly", () => {
    expect(
      resolveQuantities({ quantityUnit: "EUR", quantityLow: "1,200.50", quantityHigh: "2000" }, null),
    ).toEqual({
      ok: true,
      data: { quantityUnit: "EUR", quantityLow: 120050n, quantityHigh: 200000n, deliveredQuantity: null },
    });
  });

  it("stores a single value as low = high", () => {
    const result = resolveQuantities({ quantityUnit: "personnel", quantityLow: "30000" }, null);
    expect(result.ok && [result.data.quantityLow, result.data.quantityHigh]).toEqual([30000n, 30000n]);
  });

  it("names the field that is wrong", () => {
    expect(resolveQuantities({ quantityLow: "10" }, null)).toMatchObject({
      ok: false,
      errors: { quantityUnit: /unit/ },
    });
    expect(resolveQuantities({ quantityUnit: "personnel", quantityLow: "2.5" }, null)).toMatchObject({
      ok: false,
      errors: { quantityLow: /whole numbers/ },
    });
    expect(
      resolveQuantities({ quantityUnit: "personnel", quantityLow: "20", quantityHigh: "10" }, null),
    ).toMatchObject({
      ok: false,
      errors: { quantityHigh: /below/ },
    });
  });

  it("keeps what an edit leaves out, re-read in a new unit", () => {
    const current = { quantityUnit: "EUR", quantityLow: 150n, quantityHigh: 150n, deliveredQuantity: null };
    expect(resolveQuantities({ quantityHigh: "5" }, current)).toEqual({
      ok: true,
      data: { quantityUnit: "EUR", quantityLow: 150n, quantityHigh: 500n, deliveredQuantity: null },
    });
    // 1.50 EUR cannot become personnel: the analyst must restate the amount.
    expect(resolveQuantities({ quantityUnit: "personnel" }, current)).toMatchObject({ ok: false });
    expect(resolveQuantities({}, none)).toEqual({ ok: true, data: none });
  });
});
