import { LRUCache } from "lru-cache";
import { median } from "./median";

// Figures computed from the data are kept per view and renewed when the data moves on. Renewing can
// take a while (every aggregate of the view), and analysts write several times a second, so readers
// are not made to wait for each write: they are answered with the figures held, provided these are
// at most `maxStaleMs` behind the data, while one renewal runs (never two for the same view). A
// reader who must see a given version, the analyst's own write, waits for it.

interface Entry<V> {
  value?: V;
  /** The data version `value` was computed at; -1 before the first. */
  version: number;
  /**
   * When `value` was last known to hold every write: the data was at its version then. Whatever it
   * lacks was written after, so it is at most `now - currentAt` behind.
   */
  currentAt: number;
  renewing: Promise<void> | null;
  /** How long the last few successful renewals took (ms), newest last: a failure says nothing of it. */
  took: number[];
}

export interface FreshEnoughOptions {
  /** How many keys are kept. */
  max: number;
  /** How far behind the data a reader may be answered: the held value, if it was current that recently. */
  maxStaleMs: number;
  /**
   * How long the held value may lag before its renewal starts (0: as soon as the data moves on).
   * Waiting gathers a burst of writes into one renewal, for values costly to compute.
   */
  renewAfterMs?: number;
  /**
   * Whether the renewal waits past `renewAfterMs`, as long as one of the usual length still lands
   * within the bound (`renewalDue`): under a steady stream of writes, each renewal then gathers as
   * many as it can, and readers are rarely made to wait.
   */
  renewLate?: boolean;
  now?: () => number;
}

/** How many renewals' lengths are kept to judge the usual one. */
const keptDurations = 5;

export class FreshEnough<V extends object> {
  private readonly entries: LRUCache<string, Entry<V>>;
  readonly maxStaleMs: number;
  private readonly renewAfterMs: number;
  private readonly renewLate: boolean;
  private readonly now: () => number;

  constructor({
    max,
    maxStaleMs,
    renewAfterMs = 0,
    renewLate = false,
    now = () => performance.now(),
  }: FreshEnoughOptions) {
    this.entries = new LRUCache({ max });
    this.maxStaleMs = maxStaleMs;
    this.renewAfterMs = renewAfterMs;
    this.renewLate = renewLate;
    this.now = now;
  }

  /**
   * The value under `key` for data at `version`, read at `readAt` (just before): the held one if it
   * is of that version, or if it was current at most `maxStaleMs` ago and is not older than
   * `atLeast`; otherwise the renewal's, awaited. `compute` makes a value of the data at `version`.
   */
  async get(
    key: string,
    version: number,
    compute: () => Promise<V>,
    atLeast = 0,
    readAt = this.now(),
  ): Promise<V> {
    let entry = this.entries.get(key);
    if (!entry)
      this.entries.set(key, (entry = { version: -1, currentAt: -Infinity, renewing: null, took: [] }));
    for (;;) {
      if (entry.value && entry.version >= version) {
        // The data was at `version` when it was read: the value held every write made before then.
        entry.currentAt = Math.max(entry.currentAt, readAt);
        return entry.value;
      }
      const lag = this.now() - entry.currentAt;
      const mayServe = entry.value !== undefined && entry.version >= atLeast && lag <= this.maxStaleMs;
      if (mayServe && lag < this.renewalDue(entry) && !entry.renewing) return entry.value!;
      const renewal = this.renew(entry, version, compute, readAt);
      if (mayServe) return entry.value!;
      await renewal;
    }
  }

  /**
   * Renews the value under `key` at `version` (even the version it holds: values made at it may
   * change with time) unless a renewal is under way; the held value is served meanwhile.
   */
  refresh(key: string, version: number, compute: () => Promise<V>, readAt = this.now()): Promise<void> {
    const entry = this.entries.get(key);
    return entry ? this.renew(entry, version, compute, readAt) : Promise.resolve();
  }

  /**
   * How far behind the held value may fall before its renewal starts: `renewAfterMs`; or, renewing
   * late, the bound less half again the usual renewal's length (the median of the last five; a
   * tenth of the bound at least), so that one of that length lands in time.
   */
  private renewalDue(entry: Entry<V>): number {
    if (!this.renewLate || entry.took.length === 0) return this.renewAfterMs;
    const margin = Math.max(1.5 * median(entry.took), this.maxStaleMs / 10);
    return Math.max(this.renewAfterMs, this.maxStaleMs - margin);
  }

  /** The renewal under way, else one started for `version`: one at a time per key. */
  private renew(entry: Entry<V>, version: number, compute: () => Promise<V>, readAt: number): Promise<void> {
    if (entry.renewing) return entry.renewing;
    const startedAt = this.now();
    const renewing = compute()
      .then((value) => {
        entry.took = [...entry.took.slice(-(keptDurations - 1)), this.now() - startedAt];
        if (version < entry.version) return;
        entry.value = value;
        entry.version = version;
        // It holds every write made before its version was read.
        entry.currentAt = Math.max(entry.currentAt, readAt);
      })
      .finally(() => {
        entry.renewing = null;
      });
    // A failed renewal reaches the readers waiting for it; the others keep the held value, and the
    // next reader tries again.
    renewing.catch(() => undefined);
    return (entry.renewing = renewing);
  }
}
