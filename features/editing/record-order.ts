import type { RecordSortKey } from "./schemas";

// Apart from the record kinds' forms and schemas: the records table's browser code reads it, and
// loads nothing else of them.

/** A new order's first direction: names A to Z, the latest change first. */
export const recordFirstDirection: Record<RecordSortKey, "asc" | "desc"> = {
  name: "asc",
  detail: "asc",
  changed: "desc",
};
