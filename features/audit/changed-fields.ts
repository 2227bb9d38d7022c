// Which fields two snapshots of a record disagree on: for the conflict message and the audit lines.

/** The names of the fields whose values differ between two JSON snapshots of a record. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const ignored = new Set(["id", "version", "createdAt", "updatedAt"]);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !ignored.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .sort();
}
