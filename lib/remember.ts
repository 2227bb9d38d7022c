import type { LRUCache } from "lru-cache";

/** What rememberNewest keeps under a key: the work for one data version. */
export interface AtVersion<T> {
  version: number;
  value: Promise<T>;
}

/**
 * The promise `store` holds under `key` for the data at `version` or a newer version, else
 * `make()`'s, kept there: concurrent misses share one piece of work, and a failure is forgotten so
 * that the next caller tries again. A caller at `version` takes any data at least that new (what
 * `make` would read now is newer still), so only the newest version's work is kept: keyed by
 * version as well, a store would keep every version's answers until they fell out of it,
 * thousands of objects each, which outlive the young generation and make every collection slow.
 */
export function rememberNewest<T extends object>(
  store: LRUCache<string, AtVersion<T>>,
  key: string,
  version: number,
  make: () => Promise<T>,
): Promise<T> {
  const held = store.get(key);
  if (held && held.version >= version) return held.value;
  const value = make();
  value.catch(() => {
    if (store.get(key)?.value === value) store.delete(key);
  });
  store.set(key, { version, value });
  return value;
}
