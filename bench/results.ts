// What a bench run measured. Each figure is printed the moment it is taken and the whole set is
// written again to bench/results/latest.json, so that a step failing later loses none of them; a
// failed step is kept with its cause, and the run goes on to the next.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Figure {
  label: string;
  value: number;
  /** The target its label states ("target ≤ 2000"), and whether the figure meets it. */
  target?: { atMost?: number; atLeast?: number; met: boolean };
}

/** The target a label states, as "(…, target ≤ 2000)" or "(target ≥ 0.9)". */
function targetOf(label: string, value: number): Figure["target"] {
  const found = /target ([≤≥]) ([\d.,]+)/.exec(label);
  if (!found) return undefined;
  const bound = Number(found[2]!.replaceAll(",", ""));
  return found[1] === "≤" ? { atMost: bound, met: value <= bound } : { atLeast: bound, met: value >= bound };
}

const shown = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(2));

export class BenchResults {
  readonly figures: Figure[] = [];
  readonly failures: { step: string; cause: string }[] = [];
  private readonly startedAt = new Date().toISOString();

  constructor(private readonly file = path.join("bench", "results", "latest.json")) {}

  record = (label: string, value: number) => {
    const figure: Figure = { label, value, target: targetOf(label, value) };
    this.figures.push(figure);
    const missed = figure.target && !figure.target.met ? "  (missed)" : "";
    console.log(`  ${label}: ${shown(value)}${missed}`);
    this.save();
  };

  /**
   * Runs one step of the bench, unless BENCH_STEPS names others; a failure is printed with its
   * causes and kept, and the bench goes on.
   */
  async step(key: string, name: string, work: () => Promise<void>) {
    if (!wanted(key)) return;
    console.log(`\n${name}`);
    try {
      await work();
    } catch (error) {
      const cause = causesOf(error);
      console.log(`  FAILED: ${cause.replaceAll("\n", "\n    ")}`);
      this.failures.push({ step: name, cause });
      this.save();
    }
  }

  /** Every figure again, aligned, with the missed targets and the failed steps at the end. */
  print(title: string) {
    const width = Math.max(0, ...this.figures.map(({ label }) => label.length));
    console.log(`\n${title}`);
    for (const { label, value, target } of this.figures)
      console.log(`${label.padEnd(width)}  ${shown(value)}${target && !target.met ? "  (missed)" : ""}`);
    const missed = this.figures.filter((figure) => figure.target && !figure.target.met);
    console.log(`\n${missed.length} of ${this.figures.filter((f) => f.target).length} targets missed`);
    for (const { step, cause } of this.failures) console.log(`step failed: ${step}: ${cause.split("\n")[0]}`);
    console.log(`figures written to ${this.file}`);
  }

  private save() {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const machine = {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    };
    writeFileSync(
      this.file,
      `${JSON.stringify({ startedAt: this.startedAt, machine, figures: this.figures, failures: this.failures }, null, 2)}\n`,
    );
  }
}

/**
 * Whether BENCH_STEPS (a comma-separated list of step keys) lets step `key` run. The preparing steps
 * (and the aggregates, which make the API tokens) run whenever a step named needs them.
 */
function wanted(key: string): boolean {
  const only = process.env.BENCH_STEPS?.split(",").map((name) => name.trim());
  if (!only || key === "prepare" || key === "aggregates" || key === "build") return true;
  if (key === "prepare-100k") return only.some((name) => name.endsWith("-100k"));
  return only.includes(key);
}

/** An error and its causes, one a line. */
function causesOf(error: unknown): string {
  const lines: string[] = [];
  for (let at: unknown = error; at; at = at instanceof Error ? at.cause : undefined) {
    lines.push(at instanceof Error ? at.message : String(at));
    if (!(at instanceof Error)) break;
  }
  return lines.join("\ncaused by: ");
}
