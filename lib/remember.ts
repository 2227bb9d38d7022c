import type { LRUCache } from "lru-cache";

/**
 * The promise `store` holds under `key`, else `make()`'s, kept there: concurrent misses share one
 * piece of work, and a failure is forgotten so that the next caller tries again.
 */
export function remember<T extends object>(
  store: LRUCache<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  let entry = store.get(key);
  if (!entry) {
    entry = make();
    entry.catch(() => store.delete(key));
    store.set(key, entry);
  }
  return entry;
}
