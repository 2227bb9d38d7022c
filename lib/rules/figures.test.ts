import { describe, expect, it } from "vitest";
import {
  breakdown,
  computeGap,
  conditionEffect,
  conditionWorth,
  effectiveStatusOf,
  summarize,
  type AggregateGroup,
  type SummaryInput,
} from "./figures";
import { formatQuantity, formatRatio, statedQuantity } from "./quantity";
import { ceasefire, ceasefireLine, ceasefireLine as line, group } from "./test-fixtures";

const groups: AggregateGroup[] = [
  group({ qualifier: "up_to", low: 30_000n, high: 30_000n, blockedBy: [ceasefire, line] }),
  group({ category: "monitoring", low: 2_000n, high: 3_000n, blockedBy: [ceasefire], count: 2 }),
  group({ category: "assistance", unit: "EUR", low: 500_00n, high: 500_00n, status: "committed" }),
  group({ category: "infrastructure", unit: null, status: "committed", count: 3 }),
  group({ category: "force", low: 5_000n, high: 5_000n, status: "withdrawn", count: 1 }),
  group({ category: "force", low: 1_000n, high: 1_000n, status: "in_progress", delivered: 400n }),
];

describe("breakdowns", () => {
  it("counts every pledge but sums only the chosen unit, leaving withdrawn pledges out", () => {
    const rows = breakdown(groups, (g) => g.category, "personnel");
    const force = rows.find((row) => row.key === "force")!;
    expect(force.count).toBe(3);
    expect(formatQuantity(force.pledged)).toBe("at most 31,000 personnel");
    expect(force.unconditional).toMatchObject({ low: 1_000n, high: 1_000n });
    expect(force.delivered.high).toBe(400n);
    expect(rows.find((row) => row.key === "infrastructure")).toMatchObject({
      count: 3,
      pledged: { high: 0n },
    });
    expect(rows.find((row) => row.key === "assistance")!.pledged.high).toBe(0n);
    expect(
      breakdown(groups, (g) => g.category, "EUR").find((row) => row.key === "assistance")!.pledged.high,
    ).toBe(50_000n);
  });

  it("sorts pledges by effective status, following the scenario", () => {
    const now = breakdown(groups, (g) => effectiveStatusOf(g), "personnel");
    expect(now.find((row) => row.key === "conditional")!.count).toBe(3);
    const ceasefireMet = breakdown(groups, (g) => effectiveStatusOf(g, new Set(["ceasefire"])), "personnel");
    expect(ceasefireMet.find((row) => row.key === "conditional")!.count).toBe(1);
    expect(ceasefireMet.find((row) => row.key === "announced")!.pledged).toMatchObject({
      low: 2_000n,
      high: 3_000n,
    });
  });

  it("says what meeting a condition would unlock, given the scenario", () => {
    expect(conditionEffect("ceasefire", groups, "personnel")).toMatchObject({
      pledges: 2,
      quantity: { low: 2_000n, high: 3_000n },
    });
    expect(conditionEffect("line", groups, "personnel")).toMatchObject({
      pledges: 0,
      quantity: { high: 0n },
    });
    const afterCeasefire = conditionEffect("line", groups, "personnel", new Set(["ceasefire"]));
    expect(formatQuantity(afterCeasefire.quantity)).toBe("at most 30,000 personnel");
  });
});

const required = statedQuantity(50_000n, 100_000n, "personnel", "exact");
const force = group({
  qualifier: "up_to",
  low: 30_000n,
  high: 30_000n,
  blockedBy: [ceasefire, ceasefireLine],
});

describe("gap figures", () => {
  it("reproduces the seed: up to 30,000 vs 50,000–100,000, nothing unconditional", () => {
    const gap = computeGap(required, [force, group({ unit: null, category: "guarantee" })]);
    expect(formatQuantity(gap.pledged)).toBe("at most 30,000 personnel");
    expect(formatQuantity(gap.shortfall)).toBe("at least 20,000–70,000 personnel");
    expect(formatRatio(gap.coverage!)).toBe("at most 30–60 %");
    expect(gap.unconditional).toMatchObject({ low: 0n, high: 0n, bound: "exact" });
    expect(formatQuantity(gap.unconditionalShortfall)).toBe("50,000–100,000 personnel");
    expect(gap.delivered.high).toBe(0n);
  });

  it("is all shortfall when nothing is pledged", () => {
    const gap = computeGap(required, []);
    expect(gap.pledged).toMatchObject({ low: 0n, high: 0n, bound: "exact" });
    expect(gap.shortfall).toEqual(required);
    expect(gap.coverage).toEqual({ low: 0, high: 0, bound: "exact" });
  });

  it("releases a pledge only when every one of its conditions is met in the scenario", () => {
    expect(computeGap(required, [force], new Set(["ceasefire"])).unconditional.high).toBe(0n);
    const both = computeGap(required, [force], new Set(["ceasefire", "line"]));
    expect(both.unconditional).toMatchObject({ low: 30_000n, high: 30_000n, bound: "at_most" });
    expect(formatRatio(both.unconditionalCoverage!)).toBe("at most 30–60 %");
  });

  it("leaves withdrawn pledges and other units out, and counts delivered amounts apart", () => {
    const gap = computeGap(required, [
      force,
      group({ status: "withdrawn", low: 30_000n, high: 30_000n }),
      group({ unit: "EUR", low: 99_000_00n, high: 99_000_00n }),
      group({ status: "in_progress", low: 10_000n, high: 10_000n, delivered: 4_000n }),
    ]);
    expect(gap.pledged).toMatchObject({ low: 40_000n, high: 40_000n, bound: "at_most" });
    expect(gap.unconditional).toMatchObject({ low: 10_000n, high: 10_000n, bound: "exact" });
    expect(gap.delivered).toMatchObject({ low: 4_000n, high: 4_000n });
    expect(formatRatio(gap.deliveredCoverage!)).toBe("4–8 %");
  });
});

const met = { id: "met", title: "Already met", status: "met" } as const;
const conditions = [
  { ...ceasefire, slug: "ceasefire", pledges: 1, dependsOn: null },
  { ...met, slug: "met", pledges: 0, dependsOn: null },
];
const input = (scenario: Set<string>): SummaryInput => ({
  unit: "personnel",
  requirement: { low: 50_000n, high: 100_000n, qualifier: "exact" },
  groups: [
    group({ qualifier: "up_to", low: 30_000n, high: 30_000n, blockedBy: [ceasefire] }),
    group({ low: 1_000n, high: 1_000n }),
  ],
  stakeholderGroups: [],
  leadGroups: [],
  stakeholders: [],
  conditions,
  scenario,
});

describe("summarize", () => {
  it("counts each pledge once by lead, the rows adding up to the totals, and for each carrier otherwise", () => {
    const summary = summarize({
      ...input(new Set()),
      // France leads the 30,000; the 1,000 is carried by the UK and Germany, neither leading.
      stakeholderGroups: [
        group({
          stakeholderId: "fr",
          qualifier: "up_to",
          low: 30_000n,
          high: 30_000n,
          blockedBy: [ceasefire],
        }),
        group({
          stakeholderId: "uk",
          qualifier: "up_to",
          low: 30_000n,
          high: 30_000n,
          blockedBy: [ceasefire],
        }),
        group({ stakeholderId: "uk", low: 1_000n, high: 1_000n }),
        group({ stakeholderId: "de", low: 1_000n, high: 1_000n }),
      ],
      leadGroups: [
        group({
          stakeholderId: "fr",
          qualifier: "up_to",
          low: 30_000n,
          high: 30_000n,
          blockedBy: [ceasefire],
        }),
        group({ low: 1_000n, high: 1_000n }),
      ],
      stakeholders: [
        { id: "fr", slug: "france", name: "France" },
        { id: "uk", slug: "united-kingdom", name: "United Kingdom" },
        { id: "de", slug: "germany", name: "Germany" },
      ],
    });
    const sum = (rows: typeof summary.byLead) => rows.reduce((total, row) => total + row.pledged.high, 0n);
    expect(summary.byLead.map((row) => [row.stakeholder.name, row.count, row.pledged.high])).toEqual([
      ["France", 1, 30_000n],
      ["No single lead", 1, 1_000n],
    ]);
    expect(sum(summary.byLead)).toBe(summary.totals.pledged.high);
    expect(sum(summary.byStakeholder)).toBeGreaterThan(summary.totals.pledged.high);
    expect(summary.byStakeholder.map((row) => row.stakeholder.name)).toEqual([
      "United Kingdom",
      "France",
      "Germany",
    ]);
  });

  it("orders stakeholders of equal totals by name, whatever order their groups come in", () => {
    const stakeholderGroups = [
      group({ stakeholderId: "uk", low: 1_000n, high: 1_000n }),
      group({ stakeholderId: "de", low: 1_000n, high: 1_000n }),
      group({ stakeholderId: "fr", low: 1_000n, high: 1_000n }),
    ];
    const stakeholders = [
      { id: "fr", slug: "france", name: "France" },
      { id: "uk", slug: "united-kingdom", name: "United Kingdom" },
      { id: "de", slug: "germany", name: "Germany" },
    ];
    for (const order of [stakeholderGroups, [...stakeholderGroups].reverse()]) {
      const summary = summarize({ ...input(new Set()), stakeholderGroups: order, stakeholders });
      expect(summary.byStakeholder.map((row) => row.stakeholder.name)).toEqual([
        "France",
        "Germany",
        "United Kingdom",
      ]);
    }
  });

  it("offers to assume only the conditions that still block something", () => {
    const summary = summarize(input(new Set()));
    expect(summary.conditions.map((c) => [c.slug, c.canBeAssumed, c.assumedMet])).toEqual([
      ["ceasefire", true, false],
      ["met", false, false],
    ]);
  });

  it("recomputes the unconditional figure when a condition is assumed met", () => {
    const today = summarize(input(new Set()));
    const ceasefireMet = summarize(input(new Set(["ceasefire"])));
    expect(formatQuantity(today.gap!.unconditional)).toBe("1,000 personnel");
    expect(formatQuantity(ceasefireMet.gap!.unconditional)).toBe("at most 31,000 personnel");
    expect(ceasefireMet.conditions[0]!.assumedMet).toBe(true);
    expect(today.pledgeCount).toBe(2);
  });

  it("counts the pledges in the unit whose deliveries exceed what they pledged, and only those", () => {
    const summary = summarize({
      ...input(new Set()),
      groups: [
        group({ deliveredAbove: 2, count: 3 }),
        group({ status: "delivered", deliveredAbove: 1 }),
        group({ status: "withdrawn", deliveredAbove: 4, count: 4 }),
        group({ unit: "EUR", deliveredAbove: 5, count: 5 }),
      ],
    });
    expect(summary.totals.deliveredAbove).toBe(3);
  });
});

describe("what each condition is worth", () => {
  const boundaries = { id: "boundaries", title: "Boundaries agreed", status: "unmet" } as const;
  const held = [ceasefire, ceasefireLine, boundaries];
  const worthGroups: AggregateGroup[] = [
    group({ qualifier: "up_to", low: 30_000n, high: 30_000n, blockedBy: [ceasefire, line] }),
    group({ category: "monitoring", low: 2_000n, high: 3_000n, blockedBy: [ceasefire], count: 2 }),
    group({ status: "in_progress", low: 1_000n, high: 1_000n, delivered: 400n }),
    group({
      category: "assistance",
      unit: "EUR",
      low: 500_00n,
      high: 500_00n,
      blockedBy: [boundaries, line],
    }),
    // Withdrawn: counts towards nothing, so its conditions form no joint set.
    group({ status: "withdrawn", low: 9_000n, high: 9_000n, blockedBy: [ceasefire, boundaries] }),
  ];
  const worth = (id: string, scenario = new Set<string>()) =>
    conditionWorth(id, worthGroups, "personnel", required, held, scenario);
  const words = (o: ReturnType<typeof worth>["alone"]) => ({
    pledges: o.unlocks.pledges,
    unlocks: formatQuantity(o.unlocks.quantity),
    unconditional: formatQuantity(o.unconditional),
    shortfall: formatQuantity(o.shortfall!),
    coverage: formatRatio(o.coverage!),
  });

  it("says what a condition releases met alone, with the unconditional total, shortfall and coverage it leaves", () => {
    expect(words(worth("ceasefire").alone)).toEqual({
      pledges: 2,
      unlocks: "2,000–3,000 personnel",
      unconditional: "3,000–4,000 personnel",
      shortfall: "46,000–97,000 personnel",
      coverage: "3–8 %",
    });
    // The line releases nothing alone: each of its pledges waits for another condition too.
    expect(words(worth("line").alone)).toMatchObject({ pledges: 0, unlocks: "0 personnel" });
  });

  it("says what is left when every other condition is met and this one is not", () => {
    // Without the ceasefire, meeting the line and the boundaries releases only a EUR pledge.
    expect(words(worth("ceasefire").allButThis)).toMatchObject({
      pledges: 1,
      unlocks: "0 personnel",
      unconditional: "1,000 personnel",
    });
    expect(words(worth("line").allButThis)).toMatchObject({
      pledges: 2,
      unconditional: "3,000–4,000 personnel",
    });
    // What each then holds back on its own: the line the force pledge (and the EUR one); the
    // ceasefire the force pledge and the monitoring pledges.
    expect(worth("line").holdsBack.pledges).toBe(2);
    expect(formatQuantity(worth("line").holdsBack.quantity)).toBe("at most 30,000 personnel");
    expect(formatQuantity(worth("ceasefire").holdsBack.quantity)).toBe("at most 32,000–33,000 personnel");
  });

  it("names the sets it holds pledges back with, keeping a ceiling a ceiling and the shortfall a floor", () => {
    const joint = worth("line").joint;
    expect(joint.map((set) => set.conditionIds)).toEqual([
      ["boundaries", "line"],
      ["ceasefire", "line"],
    ]);
    expect(words(joint[0]!.outcome)).toMatchObject({ pledges: 1, unlocks: "0 personnel" });
    expect(words(joint[1]!.outcome)).toEqual({
      pledges: 3,
      unlocks: "at most 32,000–33,000 personnel",
      unconditional: "at most 33,000–34,000 personnel",
      shortfall: "at least 16,000–67,000 personnel",
      coverage: "at most 33–68 %",
    });
    expect(worth("ceasefire").joint.map((set) => set.conditionIds)).toEqual([["ceasefire", "line"]]);
  });

  it("measures from the view's scenario, and a condition it assumes from the scenario without it", () => {
    const lineAfterCeasefire = worth("line", new Set(["ceasefire"])).alone;
    expect(words(lineAfterCeasefire)).toMatchObject({
      pledges: 1,
      unlocks: "at most 30,000 personnel",
      unconditional: "at most 33,000–34,000 personnel",
    });
    // With the ceasefire assumed, the line and the ceasefire no longer hold anything back together.
    expect(worth("line", new Set(["ceasefire"])).joint.map((set) => set.conditionIds)).toEqual([
      ["boundaries", "line"],
    ]);
    expect(worth("ceasefire", new Set(["ceasefire"]))).toEqual(worth("ceasefire"));
  });

  it("leaves shortfall and coverage out without a requirement", () => {
    const free = conditionWorth("ceasefire", worthGroups, "personnel", null, held);
    expect(free.alone).toMatchObject({ shortfall: null, coverage: null, unlocks: { pledges: 2 } });
  });

  it("is the same whatever way the pledges are grouped: split, reordered, or a settled pledge still naming its conditions", () => {
    const split = worthGroups.flatMap((g) =>
      g.count > 1
        ? [
            { ...g, count: 1, low: g.low / 2n, high: g.high / 2n },
            { ...g, count: g.count - 1, low: g.low - g.low / 2n, high: g.high - g.high / 2n },
          ]
        : [g],
    );
    // Delivered: never conditional, whatever conditions its row still names.
    const settled = group({ status: "delivered", low: 700n, high: 700n, blockedBy: [ceasefire] });
    const ways = [[...worthGroups, settled], [...split, settled].reverse()];
    for (const id of ["ceasefire", "line", "boundaries"]) {
      const [one, other] = ways.map((g) => conditionWorth(id, g, "personnel", required, held));
      expect(other).toEqual(one);
      expect(conditionEffect(id, ways[1]!, "personnel")).toEqual(one!.alone.unlocks);
    }
    const ceasefireAlone = conditionWorth("ceasefire", ways[0]!, "personnel", required, held).alone;
    // The delivered 700 is unconditional already: in the total, never among what meeting a condition releases.
    expect(ceasefireAlone.unlocks.pledges).toBe(2);
    expect(ceasefireAlone.unconditional).toMatchObject({ low: 3_700n, high: 4_700n });
  });
});
