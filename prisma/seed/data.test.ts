import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  seedCapacityReferences,
  seedConditions,
  seedPledges,
  seedRequirements,
  seedSources,
  seedStakeholders,
  type SeedCitation,
} from "./data";

const sourcesDir = path.resolve(import.meta.dirname, "../../../shared/sources");
const texts = new Map(
  seedSources.map((source) => [source.slug, readFileSync(path.join(sourcesDir, source.fileName), "utf8")]),
);

const allCitations: [string, SeedCitation][] = [
  ...seedStakeholders.flatMap((s) => s.citations.map((c) => [s.slug, c] as [string, SeedCitation])),
  ...seedConditions.flatMap((s) => s.citations.map((c) => [s.slug, c] as [string, SeedCitation])),
  ...seedPledges.flatMap((s) => s.citations.map((c) => [s.externalId, c] as [string, SeedCitation])),
  ...[...seedRequirements, ...seedCapacityReferences].flatMap((s) =>
    s.citations.map((c) => [s.slug, c] as [string, SeedCitation]),
  ),
];

describe("seed data traces to the sources", () => {
  it.each(allCitations)("%s quotes its source verbatim", (_record, citation) => {
    expect(texts.get(citation.source)).toContain(citation.quote);
  });

  it("states a number only where a quote contains it", () => {
    for (const figure of [...seedRequirements, ...seedCapacityReferences]) {
      const quotes = figure.citations.map((c) => c.quote.replaceAll(",", "")).join(" ");
      expect(quotes).toMatch(new RegExp(`\\b${figure.low}\\b|Twenty‑six`));
    }
    for (const pledge of seedPledges.filter((p) => p.quantity)) {
      expect(pledge.citations[0].quote.replaceAll(",", "")).toContain(String(pledge.quantity!.low));
    }
  });

  it("links every conditional pledge to the ceasefire condition", () => {
    for (const pledge of seedPledges.filter((p) => p.conditions.length > 0)) {
      expect(pledge.conditions).toContain("russia-agrees-to-ceasefire");
    }
  });
});
