// The list of changes as the API, the feeds and the exports write it: amounts in the metric's major
// units, dates as ISO text, each change with its evidence. Pure: built from what loadChanges and
// loadChangeEvents read, so that every output says what the page shows.
import type { Quantity, Ratio } from "@/lib/rules/quantity";
import {
  conditionChangeWords,
  type FigureDelta,
  type PledgeState,
  type RangeChange,
} from "@/lib/rules/changes";
import { toMajor } from "@/lib/rules/units";
import { isoDay } from "@/lib/format";
import { rangeOf } from "@/features/figures";
import type { ChangeBodyJson, ChangesJson } from "@/features/api/schemas";
import type { ChangeEvents, Changes, PledgeEvents } from "./index";

type Citations = PledgeEvents["statusChanges"][number]["citations"];

export const citationsJson = (citations: Citations) =>
  citations.map(({ quote, source }) => ({
    quote,
    source: { id: source.id, title: source.title, url: source.url },
  }));

const iso = (value: Date | string) => new Date(value).toISOString();
const amount = (value: bigint | number | null, unit: string | null) =>
  value === null || unit === null ? null : toMajor(BigInt(value), unit);

function rangeChangeJson(change: RangeChange, unit: string) {
  return { low: toMajor(change.low, unit), high: toMajor(change.high, unit) };
}

function quantityDeltaJson(delta: FigureDelta<Quantity>, unit: string) {
  return {
    from: delta.from ? rangeOf(delta.from) : null,
    to: delta.to ? rangeOf(delta.to) : null,
    change: delta.change ? rangeChangeJson(delta.change, unit) : null,
  };
}

function ratioDeltaJson(delta: FigureDelta<Ratio>) {
  return { from: delta.from, to: delta.to, change: delta.change };
}

function stateJson(state: PledgeState | null) {
  if (!state) return null;
  return {
    status: state.status,
    quantity:
      state.unit === null || state.low === null
        ? null
        : {
            low: amount(state.low, state.unit),
            high: amount(state.high ?? state.low, state.unit),
            unit: state.unit,
            qualifier: state.qualifier,
          },
    delivered: amount(state.delivered, state.unit),
    blockedBy: state.blockedBy.map((condition) => condition.id),
  };
}

/** The events behind one pledge's change, oldest first: its announcement, statuses and figures. */
function pledgeEventsJson(events: PledgeEvents | undefined, unit: string | null) {
  if (!events) return [];
  const dated = [
    ...(events.creation
      ? [
          {
            at: iso(events.creation.announcedOn),
            event: {
              kind: "announced" as const,
              occurredOn: isoDay(new Date(events.creation.announcedOn)),
              recordedAt: iso(events.creation.createdAt),
              citations: citationsJson(events.creation.citations),
            },
          },
        ]
      : []),
    ...events.statusChanges.map((change) => ({
      at: iso(change.occurredAt),
      event: {
        kind: "status" as const,
        occurredAt: iso(change.occurredAt),
        recordedAt: iso(change.createdAt),
        from: change.fromPledgeStatus,
        to: change.toPledgeStatus,
        note: change.note,
        recordedBy: change.recordedBy,
        citations: citationsJson(change.citations),
      },
    })),
    ...events.ledgerEvents.map((event) => ({
      at: iso(event.occurredOn),
      event: ledgerEventJson(event, unit),
    })),
  ];
  return dated.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).map(({ event }) => event);
}

type LedgerRow = PledgeEvents["ledgerEvents"][number];

/** A figure's event: what it set, what it replaced, its evidence. */
function ledgerEventJson(event: LedgerRow, unit: string | null) {
  const common = {
    occurredOn: isoDay(new Date(event.occurredOn)),
    recordedAt: iso(event.recordedAt),
    note: event.note,
    recordedBy: event.recordedBy,
    citations: citationsJson(event.citations),
  };
  if (event.fact === "stated") {
    return {
      kind: "stated" as const,
      ...common,
      from:
        event.previousUnit === null
          ? null
          : {
              low: amount(event.previousLow, event.previousUnit),
              high: amount(event.previousHigh, event.previousUnit),
              unit: event.previousUnit,
            },
      to:
        event.unit === null
          ? null
          : {
              low: amount(event.low, event.unit),
              high: amount(event.high, event.unit),
              unit: event.unit,
              qualifier: event.qualifier,
            },
    };
  }
  if (event.fact === "delivered") {
    return {
      kind: "delivered" as const,
      ...common,
      from: amount(event.previousDelivered, unit),
      to: amount(event.delivered, unit),
      unit,
    };
  }
  return {
    kind: "due" as const,
    ...common,
    from: event.previousDueOn === null ? null : isoDay(new Date(event.previousDueOn)),
    to: event.dueOn === null ? null : isoDay(new Date(event.dueOn)),
  };
}

/**
 * The changes as the API answers them: the figures' deltas, every condition that moved (with what
 * it released, in words), the given page of pledges that moved with their events, the deletions.
 */
export function changesJson(
  changes: Changes,
  page: { pledges: Changes["pledges"] } & ChangeEvents,
): ChangesJson {
  const { view } = changes;
  return {
    since: isoDay(view.since),
    until: isoDay(view.until),
    knownAt: view.knownAt ? view.knownAt.toISOString() : null,
    ...changeBodyJson(changes, page),
  };
}

/** The changes between any two ends (a period's, or two moments known at) as the API writes them. */
export function changeBodyJson(
  changes: Pick<Changes, "figures" | "conditions" | "deleted"> & { view: { metric: string } },
  page: { pledges: Changes["pledges"] } & ChangeEvents,
): ChangeBodyJson {
  const { view, figures } = changes;
  const unit = view.metric;
  return {
    unit,
    figures: {
      pledges: {
        from: figures.pledges.from,
        to: figures.pledges.to,
        change: figures.pledges.to - figures.pledges.from,
      },
      required: quantityDeltaJson(figures.required, unit),
      pledged: quantityDeltaJson(figures.pledged, unit),
      unconditional: quantityDeltaJson(figures.unconditional, unit),
      delivered: quantityDeltaJson(figures.delivered, unit),
      shortfall: quantityDeltaJson(figures.shortfall, unit),
      coverage: ratioDeltaJson(figures.coverage),
    },
    conditions: changes.conditions.map((condition) => ({
      id: condition.id,
      slug: condition.slug,
      title: condition.title,
      from: condition.from,
      to: condition.to,
      released: condition.release.released,
      heldBack: condition.release.heldBack,
      unconditional: rangeChangeJson(condition.release.unconditional, unit),
      summary: conditionChangeWords(condition, condition.release, unit),
      events: (page.byCondition.get(condition.id) ?? []).map((change) => ({
        occurredAt: iso(change.occurredAt),
        recordedAt: iso(change.createdAt),
        from: change.fromConditionStatus,
        to: change.toConditionStatus,
        note: change.note,
        recordedBy: change.recordedBy,
        citations: citationsJson(change.citations),
      })),
    })),
    pledges: page.pledges.map((change) => ({
      id: change.id,
      title: change.title,
      kinds: change.kinds,
      before: stateJson(change.before),
      after: stateJson(change.after),
      effect: {
        pledged: rangeChangeJson(change.effect.pledged, unit),
        unconditional: rangeChangeJson(change.effect.unconditional, unit),
        delivered: rangeChangeJson(change.effect.delivered, unit),
      },
      events: pledgeEventsJson(
        page.byPledge.get(change.id),
        change.after?.unit ?? change.before?.unit ?? null,
      ),
    })),
    deleted: changes.deleted.map((pledge) => ({
      id: pledge.id,
      title: pledge.title,
      deletedAt: iso(pledge.deletedAt),
    })),
  };
}
