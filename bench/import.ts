// The import's bench: 50,000 rows into a 10,000-pledge database, in this process: preview, commit,
// and the same file again (which must change nothing). Part of `npm run bench`; alone, with its own
// database, as `npm run bench:import`.
import { createReadStream, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

export type RecordFigure = (label: string, value: number) => void;

const importRows = 50_000;

/** A file laid out as the bench's, `rows` long: a fifth are EUR amounts, the rest personnel. */
function writeImportFile(file: string, rows: number) {
  const lines = [
    "External ID,Title,Stakeholders,Category,Quantity low,Unit,Qualifier,Status,Announced,Conditions,Source title,Source URL,Source quote",
  ];
  for (let i = 0; i < rows; i++) {
    const money = i % 5 === 0;
    lines.push(
      `bench-import-${i},Imported pledge ${i},"France (lead); Bench land ${i % 50}",${money ? "Assistance" : "Force"},"${money ? "1,234.56" : "1,200"}",${money ? "EUR" : "personnel"},up to,${i % 3 === 0 ? "Committed" : "announced"},2026-0${1 + (i % 9)}-15,bench-condition-${i % 20},Bench tracker,https://example.org/tracker,"Row ${i}"`,
    );
  }
  writeFileSync(file, lines.join("\n"));
}

/** Runs the import three times on the database DATABASE_URL names (seeded), recording each figure. */
export async function benchImport(dir: string, record: RecordFigure) {
  const importFile = path.join(dir, "import-50k.csv");
  writeImportFile(importFile, importRows);
  const { runImport } = await import("../features/imports/run-import");
  const actor = { kind: "system" as const, id: "bench", name: "Bench", role: "admin" as const };
  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss / 1_048_576));
  const rssBefore = process.memoryUsage().rss / 1_048_576;
  const timed = async (commit: boolean) => {
    const start = performance.now();
    const outcome = await runImport(createReadStream(importFile), {
      fileName: "import-50k.csv",
      commit: commit ? { actor, expect: "any" } : undefined,
      onProgress: sample,
    });
    sample();
    return { ms: performance.now() - start, outcome };
  };
  const previewRun = await timed(false);
  record(
    `import ${importRows.toLocaleString("en-GB")} rows (${(statSync(importFile).size / 1_048_576).toFixed(1)} MB CSV): preview (ms, target ≤ 3000)`,
    previewRun.ms,
  );
  const commitRun = await timed(true);
  if (commitRun.outcome.kind !== "committed") {
    throw new Error(
      `the import bench did not import cleanly: ${JSON.stringify(commitRun.outcome.preview.counts)}`,
    );
  }
  record("import: preview + commit in one transaction (ms)", commitRun.ms);
  record(
    "import: the commit alone, less the preview's time (ms, target ≤ 10000)",
    commitRun.ms - previewRun.ms,
  );
  const againRun = await timed(true);
  if (againRun.outcome.preview.counts.skip !== importRows) {
    throw new Error(
      `the same file again changed something: ${JSON.stringify(againRun.outcome.preview.counts)}`,
    );
  }
  record("import: the same file again, nothing to change (ms)", againRun.ms);
  record("import: bench process RSS before (MB)", rssBefore);
  record("import: peak RSS (MB)", peakRss);
  record("import: peak RSS above the process's before (MB, target ≤ 400)", peakRss - rssBefore);
}
