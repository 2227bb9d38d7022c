// A pledge's figures over time. Each figure is a fact with dated events: `stated` (the quantity
// pledged: low, high, qualifier, unit), `delivered` and `due`. A pledge gets one event of each when
// it is created, dated its announcement, and one more whenever a figure changes. The figures on a
// date are, per fact, those of the latest event that happened before the end of that date (the
// later-recorded of two on the same instant). The SQL in features/pledges/selection-sql.ts rebuilds
// them the same way; `figuresAt` is the reference it is tested against.
import type { QuantityQualifier } from "./vocabulary";
import { invalid } from "../validation-message";

export const ledgerFacts = ["stated", "delivered", "due"] as const;
export type LedgerFact = (typeof ledgerFacts)[number];

/** The figures the ledger keeps for a pledge. */
export type PledgeFigures = {
  quantityLow: bigint | null;
  quantityHigh: bigint | null;
  quantityQualifier: QuantityQualifier;
  quantityUnit: string | null;
  deliveredQuantity: bigint | null;
  dueOn: Date | null;
};

/** The columns each fact's events carry. */
export const factColumns = {
  stated: ["quantityLow", "quantityHigh", "quantityQualifier", "quantityUnit"],
  delivered: ["deliveredQuantity"],
  due: ["dueOn"],
} as const satisfies Record<LedgerFact, readonly (keyof PledgeFigures)[]>;

/** The value of `fact` in `figures`, as an event of it records it. */
export function factValues<F extends LedgerFact>(
  fact: F,
  figures: PledgeFigures,
): Pick<PledgeFigures, (typeof factColumns)[F][number]> {
  return Object.fromEntries(factColumns[fact].map((column) => [column, figures[column]])) as Pick<
    PledgeFigures,
    (typeof factColumns)[F][number]
  >;
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/** The facts whose values differ between two states of a pledge: what an edit must record. */
export function changedFacts(before: PledgeFigures, after: PledgeFigures): LedgerFact[] {
  return ledgerFacts.filter((fact) =>
    factColumns[fact].some((column) => !same(before[column], after[column])),
  );
}

export type LedgerEventLike = Partial<PledgeFigures> & {
  pledgeId: string;
  fact: LedgerFact;
  occurredOn: Date;
  recordedAt: Date;
  id: string;
};

/** The order of events of one fact: by the day they happened, then the order they were recorded in. */
function eventOrder(a: LedgerEventLike, b: LedgerEventLike): number {
  return (
    a.occurredOn.getTime() - b.occurredOn.getTime() ||
    a.recordedAt.getTime() - b.recordedAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Each pledge's figures before `bound` (exclusive; null: whenever), replaying in order the events
 * recorded by `knownAt` (inclusive; absent: all): the reference for the SQL. A fact with no event
 * before the bound takes its earliest event (an announcement moved earlier than the pledge's
 * creation events).
 */
export function figuresAt(
  events: readonly LedgerEventLike[],
  bound: Date | null,
  knownAt?: Date,
): Map<string, Partial<PledgeFigures>> {
  const chosen = new Map<string, LedgerEventLike>();
  const known = knownAt ? events.filter((e) => e.recordedAt.getTime() <= knownAt.getTime()) : events;
  const sorted = [...known].sort(eventOrder);
  for (const event of sorted) {
    const key = `${event.pledgeId} ${event.fact}`;
    const held = chosen.get(key);
    const before = bound === null || event.occurredOn.getTime() < bound.getTime();
    if (before) chosen.set(key, event);
    else if (!held) chosen.set(key, earliestOf(sorted, event));
  }
  const figures = new Map<string, Partial<PledgeFigures>>();
  for (const event of chosen.values()) {
    const current = figures.get(event.pledgeId) ?? {};
    for (const column of factColumns[event.fact]) {
      (current as Record<string, unknown>)[column] = event[column] ?? null;
    }
    figures.set(event.pledgeId, current);
  }
  return figures;
}

/** Of the events of `first`'s pledge and fact on its day, the one recorded last. */
function earliestOf(sorted: readonly LedgerEventLike[], first: LedgerEventLike): LedgerEventLike {
  const sameDay = sorted.filter(
    (e) =>
      e.pledgeId === first.pledgeId &&
      e.fact === first.fact &&
      e.occurredOn.getTime() === first.occurredOn.getTime(),
  );
  return sameDay.at(-1)!;
}

/** Delivered more than the most that was pledged: accepted, and always said. */
export function deliveredAbovePledge(
  figures: Pick<PledgeFigures, "deliveredQuantity" | "quantityHigh">,
): boolean {
  return (
    figures.deliveredQuantity !== null &&
    figures.quantityHigh !== null &&
    figures.deliveredQuantity > figures.quantityHigh
  );
}

/**
 * Why a delivery given as an increment cannot be dated `on`, or null: an increment adds to the total
 * recorded now, so it can only be the latest delivery; for an earlier day, the total delivered on
 * that day is what the ledger needs, and only the person recording it knows it.
 */
export function incrementDateProblem(latestDelivery: Date | null, on: Date): string | null {
  if (latestDelivery === null || on >= latestDelivery) return null;
  return invalid("refusal.incrementBeforeLatest", { day: latestDelivery.toISOString().slice(0, 10) });
}
