// Two people edit one record from the same version: what the second save does, field by field.
// A field only the saver changed is applied; a field only the other person changed is kept; a field
// both changed, to different values, is a conflict and nothing is written until the saver chooses.

/** A stored value as a string that compares equal exactly when the values mean the same. */
export function canonicalValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  if (Array.isArray(value)) return JSON.stringify(value.map(canonicalValue).sort());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return JSON.stringify(entries.map(([key, v]) => [key, canonicalValue(v)]));
  }
  const text = String(value);
  // Dates arrive from stored JSON as ISO text: "2026-01-06T00:00:00.000Z" and a Date compare alike.
  return text;
}

export type MergeOutcome<K extends string> = {
  /** Fields the saver changed that the other person did not: written. */
  apply: K[];
  /** Fields both changed, to different values: nothing is written while any remain. */
  conflicts: K[];
  /** Fields only the other person changed: kept as they are now. */
  theirs: K[];
};

/**
 * The three-way merge of one record. `base` is the record as the saver read it, `mine` the values
 * the saver sent (fields left out are unchanged), `theirs` the record now; all compared through
 * `canonicalValue`. Fields of one group in `together` mean something only as a whole (a date and
 * how precisely it is known): when the two people changed different ones, or either's change is
 * in conflict, every changed field of the group is a conflict, so that no mix is written.
 */
export function mergeFields<K extends string>(
  fields: readonly K[],
  base: Record<K, unknown>,
  mine: Partial<Record<K, unknown>>,
  theirs: Record<K, unknown>,
  together: readonly (readonly K[])[] = [],
): MergeOutcome<K> {
  const outcome: MergeOutcome<K> = { apply: [], conflicts: [], theirs: [] };
  for (const field of fields) {
    const was = canonicalValue(base[field]);
    const now = canonicalValue(theirs[field]);
    const changedByMe = field in mine && canonicalValue(mine[field]) !== was;
    const changedByThem = now !== was;
    if (changedByMe && canonicalValue(mine[field]) === now) continue;
    if (changedByMe && changedByThem) outcome.conflicts.push(field);
    else if (changedByMe) outcome.apply.push(field);
    else if (changedByThem) outcome.theirs.push(field);
  }
  for (const group of together) {
    const has = (list: K[]) => group.some((field) => list.includes(field));
    if (!(has(outcome.conflicts) || (has(outcome.apply) && has(outcome.theirs)))) continue;
    const moved = [...outcome.apply, ...outcome.theirs].filter((field) => group.includes(field));
    outcome.apply = outcome.apply.filter((field) => !group.includes(field));
    outcome.theirs = outcome.theirs.filter((field) => !group.includes(field));
    outcome.conflicts = fields.filter((field) => outcome.conflicts.includes(field) || moved.includes(field));
  }
  return outcome;
}
