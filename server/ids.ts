import { v7 } from "uuid";

/**
 * A new record id: a UUID version 7, which starts with the time it was made. Rows written together
 * then sit together in every index keyed by these ids (the primary keys, and each pledge's links,
 * events and citations), so that a large import appends to indexes rather than scattering over them
 * (measured: inserts 2 to 3 times faster than with random UUIDs).
 */
export const newId = (): string => v7();
