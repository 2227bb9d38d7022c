// What changed between two days: each pledge's state at both ends set side by side, what the
// change did to the figures, and what a condition's change released or held back. The figures are
// sums of ranges over pledges, so a pledge's part in them is the figures of that pledge alone, and
// the parts of the pledges that changed add up to the change of the totals: the list of changes and
// the headline deltas cannot disagree.

import { effectiveStatus, type ConditionState, type Scenario } from "./effective-status";
import { totalsOf, type AggregateGroup } from "./figures";
import { formatPromised, formatRatio, formatStated, type Quantity, type Ratio } from "./quantity";
import { formatAmount, intlLocale, perLocale, unitName, unitWord } from "./units";
import type { ConditionStatus, PledgeCategory, PledgeStatus, QuantityQualifier } from "./vocabulary";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";

/** A pledge as it stood at one end of the period: what the figures read of it. */
export interface PledgeState {
  category: PledgeCategory;
  status: PledgeStatus;
  unit: string | null;
  qualifier: QuantityQualifier;
  low: bigint | null;
  high: bigint | null;
  delivered: bigint | null;
  /** Its conditions that blocked it then (unmet or partly met). */
  blockedBy: ConditionState[];
}

/** How the two ends of a range moved, in minor units. */
export interface RangeChange {
  low: bigint;
  high: bigint;
}

/** What a change did to the three sums every view shows, in one unit. */
export interface FigureEffect {
  pledged: RangeChange;
  unconditional: RangeChange;
  delivered: RangeChange;
}

export const noEffect = (): FigureEffect => ({
  pledged: { low: 0n, high: 0n },
  unconditional: { low: 0n, high: 0n },
  delivered: { low: 0n, high: 0n },
});

const groupOf = (state: PledgeState): AggregateGroup => ({
  unit: state.unit,
  category: state.category,
  status: state.status,
  qualifier: state.qualifier,
  blockedBy: state.blockedBy,
  count: 1,
  low: state.low ?? 0n,
  high: state.high ?? state.low ?? 0n,
  delivered: state.delivered ?? 0n,
  deliveredAbove: 0,
});

const moved = (from: Quantity, to: Quantity): RangeChange => ({
  low: to.low - from.low,
  high: to.high - from.high,
});

/**
 * What one pledge's change from `before` to `after` (null: not in the view at that end) did to the
 * sums in `unit` under `scenario`, by the figures' own rule (rules/figures.ts totalsOf).
 */
export function pledgeEffect(
  before: PledgeState | null,
  after: PledgeState | null,
  unit: string,
  scenario: Scenario,
): FigureEffect {
  const totals = (state: PledgeState | null) => totalsOf(state ? [groupOf(state)] : [], unit, scenario);
  const from = totals(before);
  const to = totals(after);
  return {
    pledged: moved(from.pledged, to.pledged),
    unconditional: moved(from.unconditional, to.unconditional),
    delivered: moved(from.delivered, to.delivered),
  };
}

export function addEffects(a: FigureEffect, b: FigureEffect): FigureEffect {
  const plus = (x: RangeChange, y: RangeChange) => ({ low: x.low + y.low, high: x.high + y.high });
  return {
    pledged: plus(a.pledged, b.pledged),
    unconditional: plus(a.unconditional, b.unconditional),
    delivered: plus(a.delivered, b.delivered),
  };
}

/** What a pledge's change was, in the words of the list of changes. */
export type PledgeChangeKind = "added" | "left the view" | "withdrawn" | "status" | "figures" | "conditions";

/**
 * The kinds of change between two states of a pledge, most telling first: a pledge that appeared
 * or left is only that; otherwise each of its status, stated or delivered figures and blocking
 * conditions that moved.
 */
export function changeKinds(before: PledgeState | null, after: PledgeState | null): PledgeChangeKind[] {
  if (!before) return after ? ["added"] : [];
  if (!after) return ["left the view"];
  const kinds: PledgeChangeKind[] = [];
  if (before.status !== after.status) kinds.push(after.status === "withdrawn" ? "withdrawn" : "status");
  const figures = (state: PledgeState) => [
    state.unit,
    state.qualifier,
    state.low,
    state.high,
    state.delivered,
  ];
  if (figures(before).some((value, at) => value !== figures(after)[at])) kinds.push("figures");
  const blocking = (state: PledgeState) =>
    state.blockedBy
      .map((c) => c.id)
      .sort()
      .join(",");
  if (blocking(before) !== blocking(after)) kinds.push("conditions");
  return kinds;
}

/** A condition's status at both ends of the period, and the pledges whose standing that moved. */
export interface ConditionRelease {
  /** Pledges conditional at the start on this condition (among others) and no longer at the end. */
  released: number;
  /** Pledges not conditional at the start that this condition holds back at the end. */
  heldBack: number;
  /** What those pledges did to the unconditional sum, in the unit. */
  unconditional: RangeChange;
}

/**
 * What a condition's change released or held back: the pledges tied to it whose effective status
 * left or entered "conditional" between the two ends while it went from blocking them to not (or
 * back), with their part in the change of the unconditional sum.
 */
export function conditionRelease(
  conditionId: string,
  pledges: readonly { before: PledgeState | null; after: PledgeState | null }[],
  unit: string,
  scenario: Scenario,
): ConditionRelease {
  const result: ConditionRelease = { released: 0, heldBack: 0, unconditional: { low: 0n, high: 0n } };
  const blocks = (state: PledgeState | null) => state?.blockedBy.some((c) => c.id === conditionId) ?? false;
  const conditional = (state: PledgeState | null) =>
    state !== null && effectiveStatus(state.status, state.blockedBy, scenario).status === "conditional";
  for (const { before, after } of pledges) {
    if (!before || !after) continue;
    const released = blocks(before) && !blocks(after) && conditional(before) && !conditional(after);
    const heldBack = !blocks(before) && blocks(after) && !conditional(before) && conditional(after);
    if (!released && !heldBack) continue;
    if (released) result.released += 1;
    else result.heldBack += 1;
    const { unconditional } = pledgeEffect(before, after, unit, scenario);
    result.unconditional = {
      low: result.unconditional.low + unconditional.low,
      high: result.unconditional.high + unconditional.high,
    };
  }
  return result;
}

/** A headline figure at both ends, and how far each end of its range moved. */
export interface FigureDelta<V extends Quantity | Ratio> {
  from: V | null;
  to: V | null;
  /** Null where either end has no such figure (no requirement recorded in the unit then). */
  change: { low: V["low"]; high: V["high"] } | null;
}

export function figureDelta<V extends Quantity | Ratio>(
  from: V | null | undefined,
  to: V | null | undefined,
): FigureDelta<V> {
  if (!from || !to) return { from: from ?? null, to: to ?? null, change: null };
  // Both ends are bigints (quantities) or both numbers (ratios): V is one or the other.
  const minus = (a: V["low"], b: V["low"]) =>
    (typeof a === "bigint" ? a - (b as bigint) : (a as number) - (b as number)) as V["low"];
  return { from, to, change: { low: minus(to.low, from.low), high: minus(to.high, from.high) } };
}

// ---- In words, in the reader's language ----

/** A signed difference in the unit's amounts: "+5,000", "−250.50", "0". */
function signedAmount(minor: bigint, unit: string, locale: Locale): string {
  if (minor === 0n) return "0";
  return `${minor > 0n ? "+" : "−"}${formatAmount(minor > 0n ? minor : -minor, unit, locale)}`;
}

/** How a range moved: "+5,000", "−2,000 to +1,000" (each end), or "no change". */
export function rangeChangeWords(change: RangeChange, unit: string, locale: Locale = "en"): string {
  const t = translator(locale);
  if (change.low === 0n && change.high === 0n) return t("changes.noChange");
  return change.low === change.high
    ? signedAmount(change.high, unit, locale)
    : t("changes.range", {
        low: signedAmount(change.low, unit, locale),
        high: signedAmount(change.high, unit, locale),
      });
}

/**
 * A condition's change and what it did, in one line: "Russia agrees to a ceasefire → met: 5
 * pledges no longer conditional, unconditional +30,000 personnel".
 */
export function conditionChangeWords(
  condition: { title: string; to: ConditionStatus | null },
  release: ConditionRelease,
  unit: string,
  locale: Locale = "en",
): string {
  const t = translator(locale);
  const to = condition.to
    ? t(`vocabulary.conditionStatus.${condition.to}`).toLocaleLowerCase(locale)
    : t("changes.removed");
  const parts = [
    release.released > 0 ? t("changes.released", { count: release.released }) : null,
    release.heldBack > 0 ? t("changes.heldBack", { count: release.heldBack }) : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return t("changes.conditionStill", { title: condition.title, to });
  const unmoved = release.unconditional.low === 0n && release.unconditional.high === 0n;
  const sum = unmoved
    ? t("changes.sumUnchanged", { unit: unitName(unit, locale) })
    : t("changes.sumMoved", {
        moved: rangeChangeWords(release.unconditional, unit, locale),
        unit: locale === "en" ? unitWord(unit) : unitName(unit, locale),
      });
  return t("changes.conditionMoved", { title: condition.title, to, parts: parts.join(", "), sum });
}

/** The headline figures at both ends of a period (from the figures module). */
export interface ChangeFigures {
  pledges: { from: number; to: number };
  required: FigureDelta<Quantity>;
  pledged: FigureDelta<Quantity>;
  unconditional: FigureDelta<Quantity>;
  delivered: FigureDelta<Quantity>;
  shortfall: FigureDelta<Quantity>;
  coverage: FigureDelta<Ratio>;
}

export interface FigureChangeLine {
  figure: string;
  before: string;
  after: string;
  /** "+5,000", "−2,000 to +1,000", "no change", or "newly recorded". */
  change: string;
}

/** Each headline figure at the start and the end in words, and how each end of it moved. */
export function figureChangeLines(figures: ChangeFigures, locale: Locale = "en"): FigureChangeLine[] {
  const t = translator(locale);
  const { from, to } = figures.pledges;
  const pledgesMoved = signedAmount(BigInt(to - from), "items", locale);
  const lines: FigureChangeLine[] = [
    {
      figure: t("changes.pledges"),
      before: formatAmount(BigInt(from), "items", locale),
      after: formatAmount(BigInt(to), "items", locale),
      change: pledgesMoved === "0" ? t("changes.noChange") : pledgesMoved,
    },
  ];
  const noneRecorded = t("dashboard.figure.noneRecorded");
  const amounts = [
    ["pledged", figures.pledged],
    ["unconditional", figures.unconditional],
    ["delivered", figures.delivered],
    ["required", figures.required],
    ["shortfall", figures.shortfall],
  ] as const;
  for (const [figure, delta] of amounts) {
    if (!delta.from && !delta.to) continue;
    lines.push({
      figure: t(`dashboard.figure.${figure}`),
      before: delta.from ? formatPromised(delta.from, locale) : noneRecorded,
      after: delta.to ? formatPromised(delta.to, locale) : noneRecorded,
      change: delta.change
        ? rangeChangeWords(delta.change, delta.to!.unit, locale)
        : t("changes.newlyRecorded"),
    });
  }
  const coverage = figures.coverage;
  if (coverage.from || coverage.to) {
    lines.push({
      figure: t("dashboard.figure.coverage"),
      before: coverage.from ? formatRatio(coverage.from, locale) : noneRecorded,
      after: coverage.to ? formatRatio(coverage.to, locale) : noneRecorded,
      change: !coverage.change
        ? t("changes.newlyRecorded")
        : coverage.change.low === 0 && coverage.change.high === 0
          ? t("changes.noChange")
          : t("changes.range", {
              low: percentPoints(coverage.change.low, locale),
              high: percentPoints(coverage.change.high, locale),
            }),
    });
  }
  return lines;
}

const pointsFormat = perLocale(
  (locale) => new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }),
);

/** A ratio's move in percentage points: "+4.5 pts", "−1 pt" ("+4,5 в. п."). */
function percentPoints(change: number, locale: Locale): string {
  const points = Math.round(change * 1000) / 10;
  const magnitude = Math.abs(points);
  const sign = points > 0 ? "+" : points < 0 ? "−" : "";
  return translator(locale)("changes.points", {
    points: magnitude,
    value: `${sign}${pointsFormat(locale).format(magnitude)}`,
  });
}

/** A pledge's end in words: "Committed, up to 30,000 personnel, 1,200 delivered". */
function stateWords(state: PledgeState, locale: Locale): string {
  const t = translator(locale);
  const parts = [t(`vocabulary.pledgeStatus.${state.status}`)];
  if (state.unit !== null && state.low !== null)
    parts.push(formatStated(state.low, state.high, state.unit, state.qualifier, locale));
  if (state.delivered !== null && state.unit !== null)
    parts.push(t("changes.stateDelivered", { amount: formatAmount(state.delivered, state.unit, locale) }));
  return parts.join(", ");
}

/**
 * What moved in a pledge, in words, one line per kind: "Committed → Withdrawn", "Up to 30,000 →
 * up to 35,000 personnel", "Delivered 0 → 1,200", "No longer held back by Ceasefire".
 */
export function pledgeChangeWords(
  before: PledgeState | null,
  after: PledgeState | null,
  locale: Locale = "en",
): string[] {
  const t = translator(locale);
  if (!before) return after ? [t("changes.added", { state: stateWords(after, locale) })] : [];
  if (!after) return [t("changes.leftView", { state: stateWords(before, locale) })];
  const lines: string[] = [];
  const status = (state: PledgeState) => t(`vocabulary.pledgeStatus.${state.status}`);
  if (before.status !== after.status) lines.push(`${status(before)} → ${status(after)}`);
  const stated = (state: PledgeState) =>
    state.unit === null || state.low === null
      ? t("changes.noAmount")
      : formatStated(state.low, state.high, state.unit, state.qualifier, locale);
  if (stated(before) !== stated(after))
    lines.push(t("changes.pledgedMoved", { from: stated(before), to: stated(after) }));
  if (before.delivered !== after.delivered) {
    const delivered = (state: PledgeState) =>
      state.delivered === null || state.unit === null
        ? t("changes.none")
        : formatAmount(state.delivered, state.unit, locale);
    lines.push(t("changes.deliveredMoved", { from: delivered(before), to: delivered(after) }));
  }
  const ids = (state: PledgeState) => new Set(state.blockedBy.map((c) => c.id));
  const [was, is] = [ids(before), ids(after)];
  const freed = before.blockedBy.filter((c) => !is.has(c.id)).map((c) => c.title);
  const held = after.blockedBy.filter((c) => !was.has(c.id)).map((c) => c.title);
  if (freed.length > 0) lines.push(t("changes.freed", { titles: freed.join(", ") }));
  if (held.length > 0) lines.push(t("changes.held", { titles: held.join(", ") }));
  return lines;
}
