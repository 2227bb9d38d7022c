import "server-only";
import { clientAddressOf, clientNetwork } from "./sign-in-failures";

/**
 * A fixed number of slots for expensive work in this process (an import holds its rows in memory
 * while it plans). `take` answers null when every slot is busy, so the caller can say "try again"
 * instead of queueing without bound.
 */
export function slots(size: number) {
  let busy = 0;
  return {
    take(): (() => void) | null {
      if (busy >= size) return null;
      busy++;
      let released = false;
      return () => {
        if (!released) busy--;
        released = true;
      };
    },
    get busy() {
      return busy;
    },
  };
}

/**
 * Slots per key (a user, or an anonymous reader's address) within a shared pool: one caller cannot
 * take the whole pool. `take` answers "yours" when the key has all its slots, "full" when the pool has
 * none left, or the release function.
 */
export function keyedSlots(perKey: number, size: number) {
  const pool = slots(size);
  const byKey = new Map<string, number>();
  return {
    take(key: string): (() => void) | "yours" | "full" {
      if ((byKey.get(key) ?? 0) >= perKey) return "yours";
      const releasePool = pool.take();
      if (!releasePool) return "full";
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        releasePool();
        const left = (byKey.get(key) ?? 1) - 1;
        if (left > 0) byKey.set(key, left);
        else byKey.delete(key);
      };
    },
    get busy() {
      return pool.busy;
    },
  };
}

/** Whom a slot is counted against: the principal, or an anonymous reader's address. */
export function slotKey(principal: { kind: string; id: string } | null, request: Request): string {
  return principal
    ? `${principal.kind}:${principal.id}`
    : `address:${clientNetwork(clientAddressOf(request.headers))}`;
}
