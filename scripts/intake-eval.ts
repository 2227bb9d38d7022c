// npm run intake:eval [-- --verbose] [-- --gold other-gold.json --documents dir]
// Scores the intake extractor against lib/rules/intake/evaluation-gold.json: what a careful analyst
// takes from the source documents (SOURCES_DIR, default ../shared/sources). Prints precision and
// recall per kind; with --verbose, the items it missed and the suggestions that matched none. Exits
// 1 when a kind misses its target (recall ≥ 0.9, precision ≥ 0.8). With --gold and --documents, it
// scores a gold of one's own (same shape) on other articles: how the rules do on text they were not
// written from. "located" counts the items some suggestion quotes even when it says another
// category, stance or amount: what the reviewer corrects rather than adds.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import gold from "../lib/rules/intake/evaluation-gold.json";
import {
  addScores,
  evaluateGold,
  goldSchema,
  precisionOf,
  recallOf,
  targets,
  type KindScore,
} from "../lib/rules/intake/evaluation";
import { suggestByRules } from "../lib/rules/intake/rules-extractor";
import { noRecords } from "../lib/rules/intake/suggestions";
import { inEnglish } from "../i18n/translate";
import { sourcesDirectory } from "../server/env";

/** The gold's documents read by the rules, scored per document and in all. */
export function evaluateRules(sourcesDir = sourcesDirectory(), against: unknown = gold) {
  const parsed = goldSchema.safeParse(against);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${inEnglish(issue.message)}`,
    );
    throw new Error(`The gold file is not as expected: ${problems.join("; ")}`);
  }
  const results = evaluateGold(
    parsed.data,
    (file) => readFileSync(path.join(sourcesDir, file), "utf8"),
    (text) => suggestByRules(text, noRecords),
  );
  return { results, total: addScores(results.map((result) => result.scores)) };
}

export const meetsTargets = (score: KindScore) =>
  score.items === 0 || (recallOf(score) >= targets.recall && precisionOf(score) >= targets.precision);

const fixed = (value: number) => value.toFixed(2);

function main(): number {
  const { values } = parseArgs({
    options: {
      verbose: { type: "boolean", default: false },
      gold: { type: "string" },
      documents: { type: "string" },
    },
  });
  const documentsDir = values.documents ?? sourcesDirectory();
  const against: unknown = values.gold ? JSON.parse(readFileSync(values.gold, "utf8")) : gold;
  const { results, total } = evaluateRules(documentsDir, against);
  const table = total.map((score) => ({
    kind: score.kind,
    items: score.items,
    found: score.found,
    located: score.located,
    suggested: score.suggested,
    correct: score.correct,
    repeated: score.repeated,
    precision: fixed(precisionOf(score)),
    recall: fixed(recallOf(score)),
    target: score.items === 0 ? "no items" : meetsTargets(score) ? "met" : "MISSED",
  }));
  console.log(`Intake extractor (rules) on ${results.length} documents, against the gold:`);
  console.table(table);
  if (values.verbose) {
    for (const result of results) {
      const text = readFileSync(path.join(documentsDir, result.file), "utf8");
      for (const item of result.missed) console.log(`missed  ${result.file} ${item.kind}: ${item.quotes[0]}`);
      for (const suggestion of result.wrong) {
        console.log(
          `no item ${result.file} ${suggestion.kind}: ${text.slice(suggestion.quote.start, suggestion.quote.end)}`,
        );
      }
    }
  }
  return total.every(meetsTargets) ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
  process.exitCode = main();
