// @ts-check
// How far V8 lets the JavaScript heap grow past what a collection left alive. Left to itself it
// raises the limit up to fourfold when collections are cheap, as they are here: under the soak's load
// a server holding 164 MB alive let its heap reach 631 MB before collecting, and with its renderer it
// peaked at 1.26 GB (`npm run soak` on PostgreSQL). Let grow by half, the pair peaked at 0.80 GB on
// PostgreSQL and 0.89 GB on SQLite, with the bench's "writes" figures unchanged (README, deployment).
import v8 from "node:v8";

const flag = "--heap-growing-percent";
/** Growth allowed past the live heap, in per cent of it. */
const heapGrowingPercent = 50;

/**
 * Sets V8's heap growing factor for this process, unless its command line sets one. V8 reads it at
 * each collection, so it takes effect although the heap already exists (Node.js warns that a flag
 * set at run time may do nothing: `npm run soak`'s memory figure is the check).
 */
export function limitHeapGrowth(execArgv = process.execArgv) {
  if (execArgv.some((argument) => argument.startsWith(flag))) return;
  v8.setFlagsFromString(`${flag}=${heapGrowingPercent}`);
}
