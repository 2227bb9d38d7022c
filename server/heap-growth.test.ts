import { execFileSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const moduleUrl = pathToFileURL(path.join(import.meta.dirname, "heap-growth.mjs")).href;

// Some 50 MB alive, and garbage that lives through a few collections before it dies, as a server's
// requests do: how large the heap grew (MB), in a child with `flags`, calling limitHeapGrowth or not.
const program = (limited: boolean) => `
  import v8 from "node:v8";
  ${limited ? `const { limitHeapGrowth } = await import(${JSON.stringify(moduleUrl)}); limitHeapGrowth();` : ""}
  const alive = Array.from({ length: 50_000 }, (_, i) => "x".repeat(1000) + i);
  const recent = [];
  let peak = 0;
  for (let round = 0; round < 150; round++) {
    recent.push(Array.from({ length: 20_000 }, (_, j) => ({ j, text: "y".repeat(50) + j })));
    if (recent.length > 20) recent.shift();
    peak = Math.max(peak, v8.getHeapStatistics().total_heap_size);
  }
  console.log(Math.round(peak / 1048576), alive.length);
`;

const peakMb = (limited: boolean, flags: string[] = []) => {
  // The test runner's own NODE_OPTIONS (a heap cap, say) would change what V8 chooses.
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return Number(
    execFileSync(process.execPath, [...flags, "--input-type=module", "-e", program(limited)], {
      encoding: "utf8",
      env,
    }).split(" ")[0],
  );
};

describe("limitHeapGrowth", () => {
  const peaks = { atRunTime: 0, onCommandLine: 0, commandLineWins: 0, capped: 0 };
  beforeAll(() => {
    peaks.atRunTime = peakMb(true);
    peaks.onCommandLine = peakMb(false, ["--heap-growing-percent=50"]);
    peaks.commandLineWins = peakMb(true, ["--heap-growing-percent=300"]);
    peaks.capped = peakMb(true, ["--max_old_space_size=3000"]);
  }, 60_000);

  it("takes effect though set at run time: the heap grows as with the flag on the command line", () => {
    expect(Math.abs(peaks.atRunTime - peaks.onCommandLine)).toBeLessThanOrEqual(peaks.onCommandLine * 0.2);
  });

  it("leaves a growth the command line sets, and a capped heap, to the command line and V8", () => {
    expect(peaks.commandLineWins).toBeGreaterThan(peaks.atRunTime * 1.3);
    expect(peaks.capped).toBeGreaterThan(peaks.atRunTime * 1.3);
  });
});
