// @ts-check
// How far V8 lets the JavaScript heap grow past what a collection left alive. Left to itself it
// raises the limit to up to four times the live heap when collections are cheap, as they are under
// load here, so garbage piles up between collections: the README (deployment) has the figures.
import v8 from "node:v8";

/** Growth allowed past the live heap, in per cent of it: the limit becomes 1.5 times the live heap. */
const heapGrowingPercent = 50;

/**
 * Sets V8's heap growing factor for this process, unless its command line or NODE_OPTIONS sets the
 * factor or caps the heap. The factor replaces V8's own, including the smaller ones it picks near a
 * cap, so a capped heap is left to V8. It takes effect although the heap already exists (V8 reads
 * it at each collection; heap-growth.test.ts checks that it does).
 */
export function limitHeapGrowth(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? "") {
  // V8 takes "--max_old_space_size" as "--max-old-space-size".
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((flag) => flag.replaceAll("_", "-"));
  if (given.some((flag) => /^--(?:heap-growing-percent|max-old-space-size)\b/.test(flag))) return;
  v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
}
