import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";

// Some 50 MB alive, and garbage that lives through a few collections before it dies, as a server's
// requests do: how large the heap grew (MB), with and without limitHeapGrowth.
const program = (limited: boolean) => `
  import v8 from "node:v8";
  ${limited ? 'const { limitHeapGrowth } = await import("./server/heap-growth.mjs"); limitHeapGrowth();' : ""}
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

const peakMb = (limited: boolean, flags: string[] = []) =>
  Number(
    execFileSync(process.execPath, [...flags, "--input-type=module", "-e", program(limited)], {
      encoding: "utf8",
    }).split(" ")[0],
  );

describe("limitHeapGrowth", () => {
  const peaks = { unlimited: 0, limited: 0, byCommandLine: 0 };
  beforeAll(() => {
    peaks.unlimited = peakMb(false);
    peaks.limited = peakMb(true);
    // 0 is V8's own choice, said on the command line: it wins.
    peaks.byCommandLine = peakMb(true, ["--heap-growing-percent=0"]);
  }, 60_000);

  it("makes V8 collect before the heap grows far past what is alive, though set at run time", () => {
    expect(peaks.limited).toBeLessThan(peaks.unlimited * 0.75);
  });

  it("leaves a growth the command line sets alone", () => {
    expect(peaks.byCommandLine).toBeGreaterThan(peaks.limited * 1.3);
  });
});
