// What a report shows, said by the report itself: in its file name, in words on its first page or
// sheet, as a `view` object in JSON, and as the address of the same view in the app. One module, so
// that every export names a view the same way.
import { formatDate, formatDateTime, isoDay } from "@/lib/format";
import { slugify } from "@/lib/slug";
import { instantParam, knownAtWords, type ViewTime } from "@/lib/view-time";
import { blockingConditionStatuses, settledPledgeStatuses, statusesOutsideTotals } from "./effective-status";
import {
  categoryLabels,
  conditionStatusLabels,
  effectiveStatusLabels,
  pledgeStatusLabels,
  type EffectiveStatus,
  type PledgeCategory,
  type PledgeStatus,
} from "./vocabulary";

/** The filters of a view: which pledges (as the list's filter form and the API's parameters name them). */
export interface ReportSelection {
  status: readonly PledgeStatus[];
  effective: readonly EffectiveStatus[];
  category: readonly PledgeCategory[];
  stakeholder: readonly string[];
  condition: readonly string[];
  /** Conditions (slugs) assumed met: the scenario. */
  assume: readonly string[];
  q?: string;
  from?: Date;
  to?: Date;
}

/** A view: the metric, when, and which pledges under which scenario. */
export interface ReportView {
  metric: string;
  time: ViewTime;
  selection: ReportSelection;
}

/** The names the slugs of a view stand for; a slug without one is shown as it is. */
export interface ViewNames {
  stakeholders: ReadonlyMap<string, string>;
  conditions: ReadonlyMap<string, string>;
}

/** The longest view part of a file name: names stay readable in every file manager and archive. */
export const maxViewSlugLength = 80;

const knownAtSlug = (knownAt: Date) =>
  `known-at-${knownAt.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "t")}z`;

/**
 * The view as the words of a file name, most telling first: who, what, which scenario, when, in
 * which unit ("france-force-if-russia-agrees-to-ceasefire-as-of-2026-03-01"); empty for every pledge
 * today in the default unit. Within `maxViewSlugLength`: the time and unit always, then as many
 * whole filters as fit, "more" saying some were left out.
 */
export function viewSlug({ metric, time, selection }: ReportView, defaultMetric: string): string {
  const { stakeholder, condition, category, status, effective, q, from, to, assume } = selection;
  const words = q ? slugify(q) : "";
  // Each part made a slug on its own (slugify cuts at its own length).
  const slugs = (parts: string[]) => parts.filter(Boolean).map((part) => slugify(part));
  const filters = slugs([
    ...stakeholder,
    ...condition.map((slug) => `under-${slug}`),
    ...category,
    ...status,
    ...effective,
    // Search words with no letter or digit in them name nothing a file name can keep.
    words && words !== "record" ? `matching-${words}` : "",
    from ? `from-${isoDay(from)}` : "",
    to ? `to-${isoDay(to)}` : "",
    ...assume.map((slug) => `if-${slug}`),
  ]);
  const when = slugs([
    time.asOf ? `as-of-${isoDay(time.asOf)}` : "",
    time.knownAt ? knownAtSlug(time.knownAt) : "",
    metric !== defaultMetric ? metric : "",
  ]);
  const all = [...filters, ...when].join("-");
  if (all.length <= maxViewSlugLength) return all;
  const budget = maxViewSlugLength - [...when, "more"].join("-").length - 1;
  const kept: string[] = [];
  for (const part of filters) {
    if ([...kept, part].join("-").length > budget) break;
    kept.push(part);
  }
  return [...kept, ...(kept.length < filters.length ? ["more"] : []), ...when].join("-");
}

/**
 * What a downloaded file is called: what it holds, its view, and the day it was made, last
 * ("pledgewatch-pledges-france-if-ceasefire-as-of-2026-03-01-2026-12-03.csv").
 */
export function exportFileName(
  what: string,
  extension: string,
  madeOn: Date,
  view?: ReportView,
  defaultMetric = "",
): string {
  const slug = view ? viewSlug(view, defaultMetric) : "";
  return `pledgewatch-${what}${slug ? `-${slug}` : ""}-${isoDay(madeOn)}.${extension}`;
}

const named = (slugs: readonly string[], names: ReadonlyMap<string, string>) =>
  slugs.map((slug) => names.get(slug) ?? slug).join("; ");

/** One line of a view in words: "Stakeholders: France; Poland". */
export interface ViewLine {
  label: string;
  text: string;
}

/** The filters of a selection in words, a line each ("Stakeholders: France; Poland"); none for every pledge. */
export function filterLines(selection: ReportSelection, names: ViewNames): ViewLine[] {
  const { stakeholder, condition, category, status, effective, q, from, to } = selection;
  const lines: (ViewLine | null)[] = [
    stakeholder.length ? { label: "Stakeholders", text: named(stakeholder, names.stakeholders) } : null,
    condition.length ? { label: "Under conditions", text: named(condition, names.conditions) } : null,
    category.length
      ? { label: "Categories", text: category.map((value) => categoryLabels[value]).join("; ") }
      : null,
    status.length
      ? { label: "Lifecycle statuses", text: status.map((value) => pledgeStatusLabels[value]).join("; ") }
      : null,
    effective.length
      ? {
          label: "Effective statuses",
          text: effective.map((value) => effectiveStatusLabels[value]).join("; "),
        }
      : null,
    q ? { label: "Matching the words", text: `“${q}”` } : null,
    from ? { label: "Announced from", text: formatDate(from) } : null,
    to ? { label: "Announced up to", text: formatDate(to) } : null,
  ];
  return lines.filter((line) => line !== null);
}

/**
 * The view in words, a line each, for a report's first page or sheet: filters (or "every pledge"),
 * scenario, as of, as known at, metric.
 */
export function viewLines({ metric, time, selection }: ReportView, names: ViewNames): ViewLine[] {
  const { assume } = selection;
  const filters = filterLines(selection, names);
  return [
    ...(filters.length ? filters : [{ label: "Pledges", text: "Every pledge (no filter)" }]),
    {
      label: "Scenario",
      text: assume.length
        ? `Assumes met: ${named(assume, names.conditions)}`
        : "None: every condition as it stands",
    },
    {
      label: "As of",
      text: time.asOf ? `The end of ${formatDate(time.asOf)} (UTC)` : "Today, as recorded",
    },
    ...(time.knownAt ? [{ label: "As known", text: knownAtWords(time.knownAt) }] : []),
    { label: "Metric", text: metric },
  ];
}

/** The view for machines: what a JSON export carries as `view`, each filter by its API parameter. */
export function viewJson({ metric, time, selection }: ReportView) {
  const { status, effective, category, stakeholder, condition, q, from, to, assume } = selection;
  return {
    metric,
    asOf: time.asOf ? isoDay(time.asOf) : null,
    knownAt: time.knownAt ? instantParam(time.knownAt) : null,
    filters: {
      status: [...status],
      effective: [...effective],
      category: [...category],
      stakeholder: [...stakeholder],
      condition: [...condition],
      q: q ?? null,
      from: from ? isoDay(from) : null,
      to: to ? isoDay(to) : null,
    },
    assume: [...assume],
  };
}

/**
 * The view as a query string the app's pages and the API read back to the same view (filters,
 * scenario, time, metric when not the default), without "?".
 */
export function viewSearch(view: ReportView, defaultMetric: string): string {
  const { filters, assume, asOf, knownAt, metric } = viewJson(view);
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    for (const one of Array.isArray(value) ? value : value === null ? [] : [value]) query.append(name, one);
  }
  for (const slug of assume) query.append("assume", slug);
  if (asOf) query.set("asOf", asOf);
  if (knownAt) query.set("knownAt", knownAt);
  if (metric !== defaultMetric) query.set("metric", metric);
  return query.toString();
}

/** When a report was made and by whom, as its first page says it ("3 Dec 2026, 17:20 UTC, by Ada Analyst"). */
export function madeWords(madeAt: Date, by: string | null): string {
  return `${formatDateTime(madeAt)}${by ? `, by ${by}` : ""}`;
}

const either = new Intl.ListFormat("en-GB", { type: "disjunction" });
const quoted = (labels: Record<string, string>, keys: readonly string[]) =>
  either.format(keys.map((key) => `“${labels[key]}”`));

/**
 * How the figures are counted, in a few sentences a report carries with it (the methodology page
 * says the same at length), written from the rules themselves.
 */
export function countingRules(): string[] {
  return [
    `A pledge is conditional while any of its conditions is ${quoted(conditionStatusLabels, blockingConditionStatuses)}, unless it is already ${quoted(pledgeStatusLabels, settledPledgeStatuses)}. “Unconditional” sums the pledges whose conditions are all met or waived; a scenario assumes the conditions it names met.`,
    `Pledges ${quoted(pledgeStatusLabels, statusesOutsideTotals)} count towards no total.`,
    "“Up to” amounts are ceilings: a sum including one is a ceiling, and the shortfall it leaves is a floor. Ranges stay ranges: low ends are added together, and high ends.",
    "Amounts are summed within one unit only. Totals count each pledge once; a breakdown by stakeholder counts a pledge for each stakeholder carrying it.",
  ];
}
