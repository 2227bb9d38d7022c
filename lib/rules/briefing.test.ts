import { describe, expect, it } from "vitest";
import { briefingParagraph } from "./briefing";
import { summarize, type AggregateGroup, type SummaryInput } from "./figures";
import { ceasefire, group } from "./test-fixtures";

const conditions = [{ ...ceasefire, slug: "ceasefire", pledges: 1, dependsOn: "Russia" }];

const input = (groups: AggregateGroup[], requirement: SummaryInput["requirement"] = null): SummaryInput => ({
  unit: "personnel",
  requirement,
  groups,
  stakeholderGroups: [],
  leadGroups: [],
  stakeholders: [],
  conditions,
  scenario: new Set(),
});
const needed = { low: 50_000n, high: 100_000n, qualifier: "exact" } as const;
const force = group({ qualifier: "up_to", low: 30_000n, high: 30_000n, blockedBy: [ceasefire] });
const monitors = group({ low: 1_000n, high: 1_000n, status: "in_progress", delivered: 400n });

describe("briefingParagraph", () => {
  it("says what is pledged against what is needed, what waits on which condition, and what was delivered", () => {
    expect(briefingParagraph(summarize(input([force, monitors], needed)))).toBe(
      "2 pledges together promise up to 31,000 personnel against 50,000–100,000 personnel required: a shortfall of at least 19,000–69,000 personnel, covering at most 31–62 % of the need. " +
        "1 of the 2 pledges waits on a condition; what is unconditional comes to 1,000 personnel (1–2 % of the need). " +
        "Meeting “Russia agrees to a ceasefire” would release 1 pledge, up to 30,000 personnel. " +
        "Reported delivered so far: 400 personnel.",
    );
  });

  it("says when no requirement is recorded and nothing waits or was delivered", () => {
    expect(briefingParagraph(summarize(input([group({ low: 500n, high: 500n })])))).toBe(
      "1 pledge promises 500 personnel; no requirement is recorded in personnel. " +
        "None waits on a condition: 500 personnel is unconditional. " +
        "Nothing has been reported delivered in personnel.",
    );
  });

  it("says how many of the pledges state the unit its totals are in", () => {
    const euros = group({ unit: "EUR", low: 100n, high: 100n });
    expect(briefingParagraph(summarize(input([force, monitors, euros], needed)))).toMatch(
      /^Of 3 pledges, 2 state an amount in personnel, promising up to 31,000 personnel against 50,000–100,000 personnel required/,
    );
  });
});

describe("briefingParagraph, with nothing in the unit", () => {
  it("says that none of the pledges states it", () => {
    const euros = group({ unit: "EUR", low: 100n, high: 100n });
    expect(briefingParagraph(summarize(input([euros], needed)))).toMatch(
      /^None of the 1 pledge states an amount in personnel; 50,000–100,000 personnel are required\. None waits/,
    );
  });
});

describe("briefingParagraph in Ukrainian and French", () => {
  const nbsp = "\u00a0";
  const narrow = "\u202f";
  it("says the same figures in each language, its nouns agreeing with their counts", () => {
    const summary = summarize(input([force, monitors], needed));
    expect(briefingParagraph(summary, "uk")).toBe(
      `2 зобов’язання разом обіцяють до 31${nbsp}000 військових, тоді як потреба становить 50${nbsp}000–100${nbsp}000 військових: нестача — щонайменше 19${nbsp}000–69${nbsp}000 військових, покриття — не більше ніж 31–62% потреби. ` +
        `1 з 2 зобов’язань чекає на виконання умови; без умов — 1${nbsp}000 військових (1–2% потреби). ` +
        `Виконання умови «Russia agrees to a ceasefire» вивільнило б 1 зобов’язання, до 30${nbsp}000 військових. ` +
        "Досі повідомлено про надання: 400 військових.",
    );
    expect(briefingParagraph(summary, "fr")).toBe(
      `2 engagements promettent au total jusqu’à 31${narrow}000 militaires pour un besoin de 50${narrow}000–100${narrow}000 militaires${nbsp}: un déficit d’au moins 19${narrow}000–69${narrow}000 militaires, soit une couverture d’au plus 31–62${narrow}% du besoin. ` +
        `1 des 2 engagements attend la réalisation d’une condition${narrow}; ce qui est sans condition s’élève à 1${narrow}000 militaires (1–2${narrow}% du besoin). ` +
        `La réalisation de «${nbsp}Russia agrees to a ceasefire${nbsp}» libérerait 1 engagement, jusqu’à 30${narrow}000 militaires. ` +
        `Déclaré fourni à ce jour${nbsp}: 400 militaires.`,
    );
  });
});
