// What a record picker offers for what has been typed: the records that match, and whether a new
// one of that name may be created. Plain, so that it is tested without a browser.

export type PickerOption = { id: string; label: string };

/** Names compared as people read them: case, accents and spacing aside. */
const folded = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{Mn}/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLocaleLowerCase("en-GB");

export type PickerMatches = {
  /** The first `limit` matches: those starting with the query first, then those containing it. */
  shown: PickerOption[];
  /** How many match in all (more than `shown` when the list is cut). */
  total: number;
  /** The typed name to offer creating, when no record has it already. */
  creatable: string | null;
  /** The record of exactly the typed name, when it is already chosen (and so not offered). */
  chosen: PickerOption | null;
};

export function pickerMatches(
  options: readonly PickerOption[],
  query: string,
  exclude: ReadonlySet<string>,
  limit: number,
): PickerMatches {
  const wanted = folded(query);
  const starting: PickerOption[] = [];
  const containing: PickerOption[] = [];
  let exists = false;
  let chosen: PickerOption | null = null;
  for (const option of options) {
    const name = folded(option.label);
    if (wanted && name === wanted) exists = true;
    if (exclude.has(option.id)) {
      if (wanted && name === wanted) chosen = option;
      continue;
    }
    if (!wanted || name.startsWith(wanted)) starting.push(option);
    else if (name.includes(wanted)) containing.push(option);
  }
  const all = [...starting, ...containing];
  return {
    shown: all.slice(0, limit),
    total: all.length,
    creatable: wanted && !exists ? query.replace(/\s+/g, " ").trim() : null,
    chosen,
  };
}
