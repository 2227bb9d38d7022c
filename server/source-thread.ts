import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A thread running the TypeScript module `file` from the source (tests, scripts), read through tsx.
 * Built by Next.js, a caller starts its thread with `new Worker(new URL("./x.ts", import.meta.url))`
 * itself: the bundler finds the thread's code by that very expression.
 */
export function threadFromSource(file: URL, options: WorkerOptions = {}): Worker {
  const path = JSON.stringify(fileURLToPath(file));
  return new Worker(`require("tsx/cjs/api").register(); require(${path});`, { ...options, eval: true });
}
