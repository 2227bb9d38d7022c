import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import gold from "../lib/rules/intake/evaluation-gold.json";
import { precisionOf, recallOf, targets } from "../lib/rules/intake/evaluation";
import { sourcesDirectory } from "../server/env";
import { evaluateRules } from "./intake-eval";

// The documents live beside the checkout (see prisma/seed/data.test.ts): absent there, this says so
// and stands aside; CI always has them.
const sourcesDir = sourcesDirectory(process.env, path.resolve(import.meta.dirname, ".."));
const sourcesFound = gold.documents.every((document) => existsSync(path.join(sourcesDir, document.file)));
if (!sourcesFound && !process.env.CI) console.warn(`Skipped: source documents not found at ${sourcesDir}`);

describe.skipIf(!sourcesFound && !process.env.CI)("the intake rules on the source documents", () => {
  const { total } = evaluateRules(sourcesDir);

  it.each(total.filter((score) => score.items > 0).map((score) => [score.kind, score] as const))(
    "meet the targets on %s",
    (_kind, score) => {
      expect(recallOf(score)).toBeGreaterThanOrEqual(targets.recall);
      expect(precisionOf(score)).toBeGreaterThanOrEqual(targets.precision);
    },
  );

  it("are scored on every kind but status evidence, which needs tracked pledges", () => {
    expect(total.filter((score) => score.items > 0).map((score) => score.kind)).toEqual([
      "pledge",
      "condition",
      "figure",
      "requirement",
      "capacity",
    ]);
  });
});

describe("a gold of one's own", () => {
  it("scores the rules on other documents, with what they missed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "intake-gold-"));
    writeFileSync(path.join(dir, "report.txt"), "Austria pledged 300 troops. Ireland mentioned some hubs.");
    const { results, total } = evaluateRules(dir, {
      about: "two pledges, one of them hard to see",
      documents: [
        {
          file: "report.txt",
          items: [
            { kind: "pledge", quotes: ["Austria pledged 300 troops"], category: "force" },
            { kind: "pledge", quotes: ["Ireland mentioned some hubs"] },
          ],
        },
      ],
    });
    const pledges = total.find((score) => score.kind === "pledge")!;
    expect(recallOf(pledges)).toBe(0.5);
    expect(results[0]!.missed.map((item) => item.quotes[0])).toEqual(["Ireland mentioned some hubs"]);
  });
});
