import type { LRUCache } from "lru-cache";

/** What rememberNewest keeps under a key: the work for one data version. */
export interface AtVersion<T> {
  version: number;
  value: Promise<T>;
}

/**
 * The promise `store` holds under `key` for the data at `version`, else `make()`'s, kept there:
 * concurrent misses share one piece of work, and a failure is forgotten so that the next caller
 * tries again. Only the newest version's is kept, since no one asks for an older one once a newer
 * is read (a renewal reads the current version): keyed by version as well, a store would keep
 * every version's answers until they fell out of it, thousands of objects each, which outlive the
 * young generation and make every collection slow. An older version's work is done, not kept.
 */
export function rememberNewest<T extends object>(
  store: LRUCache<string, AtVersion<T>>,
  key: string,
  version: number,
  make: () => Promise<T>,
): Promise<T> {
  const held = store.get(key);
  if (held && held.version === version) return held.value;
  if (held && held.version > version) return make();
  const value = make();
  value.catch(() => {
    if (store.get(key)?.value === value) store.delete(key);
  });
  store.set(key, { version, value });
  return value;
}
