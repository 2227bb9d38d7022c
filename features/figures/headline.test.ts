import { describe, expect, it } from "vitest";
import { summarize, type SummaryInput } from "@/lib/rules/figures";
import { ceasefire, ceasefireLine, group } from "@/lib/rules/test-fixtures";
import { headlineOf, viewTimeWords } from "./headline";

const today = new Date("2026-12-03T10:00:00Z");
const input = (overrides: Partial<SummaryInput> = {}): SummaryInput => ({
  unit: "personnel",
  requirement: { low: 50_000n, high: 100_000n, qualifier: "exact" },
  groups: [group({ qualifier: "up_to", low: 30_000n, high: 30_000n, blockedBy: [ceasefire, ceasefireLine] })],
  stakeholderGroups: [],
  leadGroups: [],
  stakeholders: [],
  conditions: [
    { ...ceasefire, slug: "ceasefire", pledges: 1, dependsOn: null },
    { ...ceasefireLine, slug: "line", pledges: 1, dependsOn: null },
  ],
  scenario: new Set(),
  ...overrides,
});

describe("the headline in words", () => {
  it("says the coverage with its bound, of what is needed, and when", () => {
    expect(headlineOf(summarize(input()), {}, today)).toEqual({
      scenario: null,
      text: "Pledges cover at most 30–60 % of the 50,000–100,000 personnel needed, and those free of conditions 0 %, as recorded on 3 December 2026.",
    });
  });

  it("names the conditions a scenario assumes met, and the view's date", () => {
    const both = summarize(input({ scenario: new Set(["ceasefire", "line"]) }));
    expect(headlineOf(both, { asOf: new Date("2026-03-01T00:00:00Z") }, today).text).toBe(
      "If Russia agrees to a ceasefire and Ceasefire line agreed: pledges cover at most 30–60 % of the 50,000–100,000 personnel needed, and those free of conditions at most 30–60 %, as of 1 March 2026.",
    );
  });

  it("gives the totals where no requirement is recorded, and says so", () => {
    const euros = summarize(
      input({
        unit: "EUR",
        requirement: null,
        groups: [group({ unit: "EUR", qualifier: "up_to", low: 1_000_000_00n, high: 1_000_000_00n })],
      }),
    );
    expect(headlineOf(euros, {}, today).text).toBe(
      "Pledges total up to €1.0 m, up to €1.0 m of it free of conditions; no requirement is recorded in EUR, as recorded on 3 December 2026.",
    );
  });

  it("says when no pledge had been announced", () => {
    expect(headlineOf(summarize(input({ groups: [] })), {}, today).text).toBe(
      "No pledge had been announced, as recorded on 3 December 2026.",
    );
  });

  it("says both view times when both are set", () => {
    expect(
      viewTimeWords(
        { asOf: new Date("2026-03-01T00:00:00Z"), knownAt: new Date("2026-04-01T10:00:00Z") },
        today,
      ),
    ).toBe("as of 1 March 2026, as the tracker knew it at 1 Apr 2026, 10:00 UTC");
  });
});

describe("the headline in Ukrainian and French", () => {
  const nbsp = "\u00a0";
  const narrow = "\u202f";
  it("says coverage, the scenario and the day in each language's words and formats", () => {
    const both = summarize(input({ scenario: new Set(["ceasefire", "line"]) }));
    expect(headlineOf(both, {}, today, "uk").text).toBe(
      `Якщо виконано «Russia agrees to a ceasefire» і «Ceasefire line agreed»: зобов’язання покривають не більше ніж 30–60% від потрібних 50${nbsp}000–100${nbsp}000 військових, а безумовні — не більше ніж 30–60%, за записами на 3 грудня 2026 р.`,
    );
    expect(headlineOf(summarize(input()), {}, today, "fr").text).toBe(
      `Les engagements couvrent au plus 30–60${narrow}% des 50${narrow}000–100${narrow}000 militaires nécessaires, et ceux sans condition, 0${narrow}%, selon les données enregistrées au 3 décembre 2026.`,
    );
  });
});
