// Files an attacker (or an unlucky export) sends: each is answered with a reason in bounded time,
// and while one is read the event loop stays free for other requests.
import { inEnglish } from "@/i18n/translate";
import { describe, expect, it } from "vitest";
import { importLimits, mappingProblems } from "./fields";
import { ImportFileError, readSpreadsheet } from "./read-spreadsheet";

async function* chunks(content: string, chunkSize = 64 * 1024) {
  const all = new TextEncoder().encode(content);
  for (let i = 0; i < all.length; i += chunkSize) yield all.subarray(i, i + chunkSize);
}

/** Reads the whole file; resolves with the error it was refused with (or null), and how long it took. */
async function readAll(content: string, stopAfterHeader = false) {
  const started = performance.now();
  let events = 0;
  try {
    for await (const event of readSpreadsheet(chunks(content))) {
      events++;
      if (stopAfterHeader && event.type === "header") break;
    }
    return { error: null, events, ms: performance.now() - started };
  } catch (error) {
    return { error: error as Error, events, ms: performance.now() - started };
  }
}

/** The longest the event loop went without a turn while `work` ran. */
async function longestStall(work: () => Promise<unknown>) {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

describe("hostile files", () => {
  it("answers a quote error with the row and reason instead of hanging", async () => {
    const result = await readAll('a,b\n1,"x"y\n');
    expect(result.error).toBeInstanceOf(ImportFileError);
    expect(inEnglish(result.error?.message ?? "")).toMatch(
      /^Row 2: a quoted cell goes on after its closing quote/,
    );
  });

  it("lets a reader stop after the header (a mapping problem) without waiting for the rest", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `Row ${i},force,2026-01-06`).join("\n");
    const result = await readAll(`Donor,Measure,Value\n${rows}\n`, true);
    expect(result.error).toBeNull();
    expect(result.events).toBe(1);
  });

  it("refuses a header wider than the column limit, quickly", async () => {
    const wide = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",");
    const result = await readAll(`${wide}\n1,2,3\n`);
    expect(inEnglish(result.error?.message ?? "")).toMatch(
      /Row 1 has 100,000 columns; at most 1,000 are read/,
    );
    expect(result.ms).toBeLessThan(5_000);
  });

  it("refuses a row wider than the column limit below an ordinary header", async () => {
    const result = await readAll(`Title,Category,Announced\n${",".repeat(importLimits.maxColumns + 5)}\n`);
    expect(inEnglish(result.error?.message ?? "")).toMatch(/Row 2 has 1,006 columns/);
  });

  it("refuses a 30 MB line with no line break without reading it all into one string", async () => {
    const line = "x".repeat(30 * 1024 * 1024);
    const result = await readAll(line);
    expect(inEnglish(result.error?.message ?? "")).toMatch(/Row 1 is longer than 1,048,576 characters/);
    expect(result.ms).toBeLessThan(5_000);
  });

  it("refuses a row of bare separators before building it, however few characters its cells hold", async () => {
    const result = await readAll(
      `Title,Category,Announced\nx,force,2026-01-06\n${",".repeat(30 * 1024 * 1024)}\n`,
    );
    expect(inEnglish(result.error?.message ?? "")).toMatch(/^Row 3 is longer than 1,048,576 characters/);
    expect(result.ms).toBeLessThan(5_000);
  });

  it("refuses an unclosed quote that swallows the rest of the file, naming the row", async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `Row ${i} with some text,force,2026-01-06`);
    const result = await readAll(
      `Title,Category,Announced\nfirst,force,2026-01-06\n"open,${rows.join("\n")}\n`,
    );
    expect(inEnglish(result.error?.message ?? "")).toMatch(/Row 3 is longer than/);
  });

  it("checks the mapping of a very wide header in linear time", () => {
    const headers = Array.from({ length: 200_000 }, (_, i) => `c${i % 100_000}`);
    const mapping = Object.fromEntries(headers.slice(0, 100_000).map((h) => [h, "title" as const]));
    const started = performance.now();
    const problems = mappingProblems(headers, { columns: mapping });
    // Quadratic, this would take minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(problems.some((p) => inEnglish(p).startsWith('Two columns are headed "c0"'))).toBe(true);
  });

  it("gives other work a turn at least every ~50 ms while it reads 60,000 rows held in memory", async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `Pledge ${i},force,2026-01-06,"quoted, text"`);
    const csv = `Title,Category,Announced,Description\n${rows.join("\n")}\n`;
    const stall = await longestStall(() => readAll(csv));
    // Without the yields this stalls for a second or more; with them, for tens of milliseconds.
    expect(stall).toBeLessThan(400);
  });
});
