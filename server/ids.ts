import { randomFillSync } from "node:crypto";
import { v7 } from "uuid";

/**
 * A new record id: a UUID version 7, which starts with the time it was made. Rows written together
 * then sit together in every index keyed by these ids (the primary keys, and each pledge's links,
 * events and citations), so that a large import appends to indexes rather than scattering over them
 * (measured: inserts 2 to 3 times faster than with random UUIDs).
 */
export const newId = (): string => {
  const random = randomBytes16();
  // As uuid's own v7 does: within one millisecond, ids count up from a random start, so that they
  // sort in the order they were made.
  const now = Date.now();
  if (now > state.msecs)
    state = { msecs: now, seq: (random[6]! << 23) | (random[7]! << 16) | (random[8]! << 8) | random[9]! };
  else {
    const seq = (state.seq + 1) | 0;
    state = { msecs: seq === 0 ? state.msecs + 1 : state.msecs, seq };
  }
  return v7({ random, msecs: state.msecs, seq: state.seq });
};

let state = { msecs: -Infinity, seq: 0 };

// Random bytes drawn 64 KB at a time: uuid draws 256 bytes at a time, and an import of 50,000 rows
// makes 800,000 ids (measured: 4 times faster).
const pool = new Uint8Array(65_536);
let used = pool.length;

function randomBytes16(): Uint8Array {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  return pool.subarray(used, (used += 16));
}
