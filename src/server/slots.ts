import "server-only";

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
