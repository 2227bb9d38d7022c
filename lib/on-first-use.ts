/**
 * A value made the first time it is asked for. For Intl formatters: a browser's first takes it some
 * 50 ms (a phone's, 200) to load its locale data, which every page importing a formatter at the top
 * of a module paid as it loaded, whether it formatted anything or not.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
