import { everyPledge, presentBound } from "@/features/pledges/selection-sql";

import { readGroupRowsByQuery, readJournalGroups, type TotalsRow } from "@/features/figures/queries";

type Row = TotalsRow & { category?: string };

/**
 * Each group's sums by its key, the blocking conditions in order (a list the database joins in no
 * set order), groups of no pledge left out.
 */
function summed(kind: string, rows: readonly Row[]) {
  const groups = new Map<string, string>();
  const sums = new Map<string, bigint[]>();
  for (const row of rows) {
    const blocked = (row.blocked ?? "").split(",").filter(Boolean).sort().join(",");
    const key = [
      kind,
      row.stakeholderId ?? "",
      row.unit ?? "",
      kind === "pledge" ? row.category : "",
      row.status,
      row.qualifier,
      blocked,
    ].join("|");
    const add = [row.count, row.low, row.high, row.delivered, row.deliveredAbove].map((n) => BigInt(n));
    const sum = sums.get(key) ?? [0n, 0n, 0n, 0n, 0n];
    sums.set(
      key,
      sum.map((n, i) => n + add[i]!),
    );
  }
  for (const [key, sum] of sums) if (sum.some((n) => n !== 0n)) groups.set(key, sum.join(" "));
  return groups;
}

/**
 * Where the totals' journal (kept by triggers) and the GROUP BY queries over every live pledge
 * disagree, group by group: [key, journal's sums, the queries' sums]. None when they agree.
 */
export async function totalsJournalDrift() {
  const [journal, queried] = await Promise.all([
    readJournalGroups(),
    readGroupRowsByQuery(presentBound, everyPledge),
  ]);
  const kept = new Map([
    ...summed("pledge", journal.pledge),
    ...summed("carrier", journal.carrier),
    ...summed("lead", journal.lead),
  ]);
  const truth = new Map([
    ...summed("pledge", queried.pledgeRows),
    ...summed("carrier", queried.stakeholderRows),
    ...summed("lead", queried.leadRows),
  ]);
  return [...new Set([...kept.keys(), ...truth.keys()])]
    .sort()
    .filter((key) => kept.get(key) !== truth.get(key))
    .map((key) => [key, kept.get(key) ?? null, truth.get(key) ?? null]);
}
