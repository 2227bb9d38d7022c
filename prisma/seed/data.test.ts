import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourcesDirectory } from "../../server/env";
import { seedExternalIdPrefix } from "../../lib/rules/first-run";
import {
  seedCapacityReferences,
  seedConditions,
  seedPledges,
  seedRequirements,
  seedSources,
  seedStakeholders,
  type SeedCitation,
} from "./data";

// The source documents live beside the checkout, not in it: a clone on its own has no such folder, and
// then the verbatim check says so and stands aside. CI always has them, so there it must run.
const sourcesDir = sourcesDirectory(process.env, path.resolve(import.meta.dirname, "../.."));
const sourcesFound = seedSources.every((source) => existsSync(path.join(sourcesDir, source.fileName)));
const missingSources = `source documents not found at ${sourcesDir}: the verbatim-quote check needs them; set SOURCES_DIR`;
if (!sourcesFound && !process.env.CI) console.warn(`Skipped: ${missingSources}`);
const texts = new Map(
  sourcesFound
    ? seedSources.map((source) => [source.slug, readFileSync(path.join(sourcesDir, source.fileName), "utf8")])
    : [],
);

const allCitations: [string, SeedCitation][] = [
  ...seedStakeholders.flatMap((s) => s.citations.map((c) => [s.slug, c] as [string, SeedCitation])),
  ...seedConditions.flatMap((s) => s.citations.map((c) => [s.slug, c] as [string, SeedCitation])),
  ...seedPledges.flatMap((s) => s.citations.map((c) => [s.externalId, c] as [string, SeedCitation])),
  ...[...seedRequirements, ...seedCapacityReferences].flatMap((s) =>
    s.citations.map((c) => [s.slug, c] as [string, SeedCitation]),
  ),
];

describe.skipIf(!sourcesFound && !process.env.CI)(`seed quotes its sources verbatim`, () => {
  it("finds the source documents", () => {
    expect(sourcesFound, missingSources).toBe(true);
  });

  it.each(allCitations)("%s quotes its source verbatim", (_record, citation) => {
    expect(texts.get(citation.source)).toContain(citation.quote);
  });
});

describe("seed data traces to the sources", () => {
  it("states a number only where a quote contains it", () => {
    // The sources spell some numbers out.
    const spelled: Record<string, string> = { "26": "Twenty‑six" };
    const quoted = (quotes: string, value: bigint) => {
      const word = spelled[String(value)];
      return (
        new RegExp(`\\b${value}\\b`).test(quotes.replaceAll(",", "")) || (!!word && quotes.includes(word))
      );
    };
    for (const figure of [...seedRequirements, ...seedCapacityReferences]) {
      const quotes = figure.citations.map((c) => c.quote).join(" ");
      expect(quoted(quotes, figure.low), `${figure.slug} low`).toBe(true);
      expect(quoted(quotes, figure.high), `${figure.slug} high`).toBe(true);
    }
    for (const pledge of seedPledges.filter((p) => p.quantity)) {
      const { low, high = low } = pledge.quantity!;
      expect(quoted(pledge.citations[0].quote, low), pledge.externalId).toBe(true);
      expect(quoted(pledge.citations[0].quote, high), pledge.externalId).toBe(true);
    }
  });

  it("links every conditional pledge to the ceasefire condition", () => {
    for (const pledge of seedPledges.filter((p) => p.conditions.length > 0)) {
      expect(pledge.conditions).toContain("russia-agrees-to-ceasefire");
    }
  });
});

describe("the seed's pledges", () => {
  it("carry external ids in the seed's namespace, so that the first-run checklist knows them for examples", () => {
    expect(seedPledges.filter((pledge) => !pledge.externalId.startsWith(seedExternalIdPrefix))).toEqual([]);
  });
});
