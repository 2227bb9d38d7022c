import { describe, expect, it } from "vitest";
import {
  addEffects,
  conditionChangeWords,
  figureChangeLines,
  pledgeChangeWords,
  type ChangeFigures,
  rangeChangeWords,
  changeKinds,
  conditionRelease,
  figureDelta,
  noEffect,
  pledgeEffect,
  type PledgeState,
} from "./changes";
import { noScenario } from "./effective-status";
import type { Quantity } from "./quantity";

const ceasefire = { id: "c1", title: "Ceasefire", status: "unmet" as const };

const pledge = (changes: Partial<PledgeState> = {}): PledgeState => ({
  category: "force",
  status: "committed",
  unit: "personnel",
  qualifier: "exact",
  low: 1_000n,
  high: 2_000n,
  delivered: null,
  blockedBy: [],
  ...changes,
});

describe("a pledge's effect on the figures", () => {
  it("adds its whole range when it appears, and takes it away when it is withdrawn", () => {
    expect(pledgeEffect(null, pledge(), "personnel", noScenario)).toEqual({
      pledged: { low: 1_000n, high: 2_000n },
      unconditional: { low: 1_000n, high: 2_000n },
      delivered: { low: 0n, high: 0n },
    });
    expect(pledgeEffect(pledge(), pledge({ status: "withdrawn" }), "personnel", noScenario).pledged).toEqual({
      low: -1_000n,
      high: -2_000n,
    });
  });

  it("moves only the unconditional sum when its condition is met, unless the scenario already assumed it", () => {
    const before = pledge({ blockedBy: [ceasefire] });
    const after = pledge({ blockedBy: [] });
    const effect = pledgeEffect(before, after, "personnel", noScenario);
    expect(effect.pledged).toEqual({ low: 0n, high: 0n });
    expect(effect.unconditional).toEqual({ low: 1_000n, high: 2_000n });
    expect(pledgeEffect(before, after, "personnel", new Set(["c1"]))).toEqual(noEffect());
  });

  it("counts nothing in another unit, and a delivery in the delivered sum", () => {
    expect(pledgeEffect(null, pledge({ unit: "EUR" }), "personnel", noScenario)).toEqual(noEffect());
    const effect = pledgeEffect(pledge(), pledge({ delivered: 500n }), "personnel", noScenario);
    expect(effect.delivered).toEqual({ low: 500n, high: 500n });
  });

  it("adds effects end by end", () => {
    const a = pledgeEffect(null, pledge(), "personnel", noScenario);
    expect(addEffects(a, a).pledged).toEqual({ low: 2_000n, high: 4_000n });
    expect(addEffects(noEffect(), a)).toEqual(a);
  });
});

describe("the kinds of a pledge's change", () => {
  it("names an appearance, a departure, a withdrawal, a status, figures and conditions", () => {
    expect(changeKinds(null, pledge())).toEqual(["added"]);
    expect(changeKinds(pledge(), null)).toEqual(["left the view"]);
    expect(changeKinds(pledge(), pledge({ status: "withdrawn" }))).toEqual(["withdrawn"]);
    expect(changeKinds(pledge(), pledge({ status: "delivered", delivered: 1n }))).toEqual([
      "status",
      "figures",
    ]);
    expect(changeKinds(pledge({ blockedBy: [ceasefire] }), pledge())).toEqual(["conditions"]);
    expect(changeKinds(pledge(), pledge())).toEqual([]);
  });

  it("sees no change in the same blocking conditions listed in another order", () => {
    const other = { id: "c2", title: "Vote", status: "unmet" as const };
    expect(
      changeKinds(pledge({ blockedBy: [ceasefire, other] }), pledge({ blockedBy: [other, ceasefire] })),
    ).toEqual([]);
  });
});

describe("what a condition's change released", () => {
  it("counts the pledges it stopped holding back and what they add to the unconditional sum", () => {
    const release = conditionRelease(
      "c1",
      [
        { before: pledge({ blockedBy: [ceasefire] }), after: pledge() },
        // Still held back by another condition: not released.
        {
          before: pledge({ blockedBy: [ceasefire, { id: "c2", title: "Vote", status: "unmet" }] }),
          after: pledge({ blockedBy: [{ id: "c2", title: "Vote", status: "unmet" }] }),
        },
        // Not tied to it.
        { before: pledge(), after: pledge({ status: "withdrawn" }) },
      ],
      "personnel",
      noScenario,
    );
    expect(release).toEqual({ released: 1, heldBack: 0, unconditional: { low: 1_000n, high: 2_000n } });
  });

  it("counts the pledges it holds back again when it falls back to unmet", () => {
    const release = conditionRelease(
      "c1",
      [{ before: pledge(), after: pledge({ blockedBy: [ceasefire] }) }],
      "personnel",
      noScenario,
    );
    expect(release).toEqual({ released: 0, heldBack: 1, unconditional: { low: -1_000n, high: -2_000n } });
  });
});

describe("a headline figure's delta", () => {
  it("moves each end of the range, for amounts and ratios", () => {
    const from = { low: 10n, high: 30n, unit: "personnel", bound: "exact" as const };
    const to = { low: 15n, high: 25n, unit: "personnel", bound: "exact" as const };
    expect(figureDelta(from, to).change).toEqual({ low: 5n, high: -5n });
    expect(
      figureDelta({ low: 0.1, high: 0.3, bound: "exact" }, { low: 0.2, high: 0.3, bound: "exact" }).change
        ?.low,
    ).toBeCloseTo(0.1);
  });

  it("has no change where an end has no such figure", () => {
    expect(figureDelta(null, { low: 1n, high: 1n, unit: "EUR", bound: "exact" })).toMatchObject({
      from: null,
      change: null,
    });
  });
});

describe("changes in words", () => {
  it("signs each end of a range's move, and says when nothing moved", () => {
    expect(rangeChangeWords({ low: 5_000n, high: 5_000n }, "personnel")).toBe("+5,000");
    expect(rangeChangeWords({ low: -2_000n, high: 1_000n }, "personnel")).toBe("−2,000 to +1,000");
    expect(rangeChangeWords({ low: 0n, high: 0n }, "personnel")).toBe("no change");
  });

  it("spells out what a condition's change released", () => {
    const release = { released: 5, heldBack: 0, unconditional: { low: 30_000n, high: 30_000n } };
    expect(
      conditionChangeWords({ title: "Russia agrees to a ceasefire", to: "met" }, release, "personnel"),
    ).toBe(
      "Russia agrees to a ceasefire → met: 5 pledges no longer conditional, unconditional +30,000 personnel",
    );
    const none = { released: 0, heldBack: 0, unconditional: { low: 0n, high: 0n } };
    expect(conditionChangeWords({ title: "Vote", to: "partially_met" }, none, "personnel")).toBe(
      "Vote → partially met: no pledge’s standing changed",
    );
  });
});

describe("the figures' changes in words", () => {
  const q = (low: bigint, high: bigint, bound: "exact" | "at_most" = "exact") => ({
    low,
    high,
    unit: "personnel",
    bound,
  });
  const figures: ChangeFigures = {
    pledges: { from: 1, to: 2 },
    required: figureDelta(q(50_000n, 100_000n), q(50_000n, 100_000n)),
    pledged: figureDelta(q(30_000n, 30_000n, "at_most"), q(31_000n, 31_000n, "at_most")),
    unconditional: figureDelta(q(0n, 0n), q(1_000n, 1_000n)),
    delivered: figureDelta(q(0n, 0n), q(400n, 400n)),
    shortfall: figureDelta(q(20_000n, 100_000n), q(19_000n, 99_000n)),
    coverage: figureDelta(
      { low: 0, high: 0.6, bound: "at_most" },
      { low: 0.01, high: 0.62, bound: "at_most" },
    ),
  };

  it("gives each figure at both ends and how each end moved", () => {
    const lines = new Map(figureChangeLines(figures).map((line) => [line.figure, line]));
    expect(lines.get("Pledges")).toEqual({ figure: "Pledges", before: "1", after: "2", change: "+1" });
    expect(lines.get("Pledged")).toEqual({
      figure: "Pledged",
      before: "up to 30,000 personnel",
      after: "up to 31,000 personnel",
      change: "+1,000",
    });
    expect(lines.get("Delivered")!.change).toBe("+400");
    expect(lines.get("Required")!.change).toBe("no change");
    expect(lines.get("Shortfall")!.change).toBe("−1,000");
    expect(lines.get("Coverage")!.change).toBe("+1 pt to +2 pts");
  });

  it("says a figure is newly recorded where the start had none", () => {
    const lines = figureChangeLines({ ...figures, required: figureDelta(null, q(1n, 1n)) });
    expect(lines.find((line) => line.figure === "Required")).toMatchObject({
      before: "none recorded",
      change: "newly recorded",
    });
  });
});

describe("a pledge's change in words", () => {
  it("says what moved, one line each", () => {
    expect(
      pledgeChangeWords(
        pledge({ blockedBy: [ceasefire] }),
        pledge({ status: "in_progress", delivered: 1_200n, high: 3_000n }),
      ),
    ).toEqual([
      "Committed → In progress",
      "Pledged: 1,000–2,000 personnel → 1,000–3,000 personnel",
      "Delivered: none → 1,200",
      "No longer held back by Ceasefire",
    ]);
    expect(pledgeChangeWords(null, pledge())).toEqual(["Added: Committed, 1,000–2,000 personnel"]);
    expect(pledgeChangeWords(pledge(), null)).toEqual([
      "Left the view (was: Committed, 1,000–2,000 personnel)",
    ]);
  });
});

describe("changes in Ukrainian and French", () => {
  const release = { released: 5, heldBack: 1, unconditional: { low: 30_000n, high: 30_000n } };

  it("writes a condition's change in the reader's language, with its plurals and number format", () => {
    expect(conditionChangeWords({ title: "Росія погоджується", to: "met" }, release, "personnel", "uk")).toBe(
      "Росія погоджується → виконана: 5 зобов’язань більше не умовні, 1 зобов’язання знову умовне; сума без умов +30\u00a0000 (особовий склад)",
    );
    expect(conditionChangeWords({ title: "Vote", to: null }, release, "personnel", "fr")).toBe(
      "Vote → supprimée\u00a0: 5 engagements ne sont plus conditionnels, 1 engagement redevient conditionnel, total sans condition +30\u202f000 (effectifs)",
    );
  });

  it("signs a range's move and says when nothing moved", () => {
    expect(rangeChangeWords({ low: -2_000n, high: 1_000n }, "personnel", "uk")).toBe(
      "від −2\u00a0000 до +1\u00a0000",
    );
    expect(rangeChangeWords({ low: 0n, high: 0n }, "personnel", "fr")).toBe("aucun changement");
  });

  it("names the figures and the points coverage moved by", () => {
    const q = (low: bigint, high: bigint) => ({ low, high, unit: "personnel", bound: "exact" as const });
    const figures: ChangeFigures = {
      pledges: { from: 2, to: 2 },
      required: figureDelta<Quantity>(null, null),
      pledged: figureDelta(q(1_000n, 1_000n), q(2_500n, 2_500n)),
      unconditional: figureDelta<Quantity>(null, null),
      delivered: figureDelta(null, q(5n, 5n)),
      shortfall: figureDelta<Quantity>(null, null),
      coverage: figureDelta(
        { low: 0.1, high: 0.1, bound: "exact" },
        { low: 0.145, high: 0.16, bound: "exact" },
      ),
    };
    expect(figureChangeLines(figures, "uk").map((line) => [line.figure, line.change])).toEqual([
      ["Зобов’язання", "без змін"],
      ["Обіцяно", "+1\u00a0500"],
      ["Надано", "записано вперше"],
      ["Покриття", "від +4,5 в. п. до +6 в. п."],
    ]);
    expect(figureChangeLines(figures, "fr").at(-1)!.change).toBe("de +4,5 pts à +6 pts");
  });

  it("says what moved in a pledge", () => {
    expect(
      pledgeChangeWords(
        pledge({ blockedBy: [ceasefire] }),
        pledge({ status: "withdrawn", delivered: 3n }),
        "uk",
      ),
    ).toEqual(["Підтверджене → Відкликане", "Надано: нічого → 3", "Умови, що більше не блокують: Ceasefire"]);
    expect(pledgeChangeWords(null, pledge({ qualifier: "up_to", low: 30_000n, high: null }), "fr")).toEqual([
      "Ajouté\u00a0: Confirmé, jusqu’à 30\u202f000 militaires",
    ]);
  });
});
