// What a report shows, said by the report itself: in its file name, in words on its first page or
// sheet, as a `view` object in JSON, and as the address of the same view in the app. One module, so
// that every export names a view the same way.
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { formatDate, formatDateTime, isoDay, joinWords } from "@/lib/format";
import { slugify } from "@/lib/slug";
import { instantParam, type ViewTime } from "@/lib/view-time";
import { knownAtWords } from "@/lib/view-time-words";
import { blockingConditionStatuses, settledPledgeStatuses, statusesOutsideTotals } from "./effective-status";
import type { EffectiveStatus, PledgeCategory, PledgeStatus } from "./vocabulary";

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
export function filterLines(selection: ReportSelection, names: ViewNames, locale: Locale = "en"): ViewLine[] {
  const t = translator(locale);
  const { stakeholder, condition, category, status, effective, q, from, to } = selection;
  const lines: (ViewLine | null)[] = [
    stakeholder.length
      ? { label: t("report.stakeholders"), text: named(stakeholder, names.stakeholders) }
      : null,
    condition.length
      ? { label: t("report.underConditions"), text: named(condition, names.conditions) }
      : null,
    category.length
      ? {
          label: t("report.categories"),
          text: category.map((value) => t(`vocabulary.category.${value}`)).join("; "),
        }
      : null,
    status.length
      ? {
          label: t("report.lifecycleStatuses"),
          text: status.map((value) => t(`vocabulary.pledgeStatus.${value}`)).join("; "),
        }
      : null,
    effective.length
      ? {
          label: t("report.effectiveStatuses"),
          text: effective.map((value) => t(`vocabulary.pledgeStatus.${value}`)).join("; "),
        }
      : null,
    q ? { label: t("report.matching"), text: t("common.quoted", { text: q }) } : null,
    from ? { label: t("report.from"), text: formatDate(from, locale) } : null,
    to ? { label: t("report.to"), text: formatDate(to, locale) } : null,
  ];
  return lines.filter((line) => line !== null);
}

/**
 * The view in words, a line each, for a report's first page or sheet: filters (or "every pledge"),
 * scenario, as of, as known at, metric.
 */
export function viewLines(
  { metric, time, selection }: ReportView,
  names: ViewNames,
  locale: Locale = "en",
): ViewLine[] {
  const t = translator(locale);
  const { assume } = selection;
  const filters = filterLines(selection, names, locale);
  return [
    ...(filters.length ? filters : [{ label: t("report.pledges"), text: t("report.everyPledge") }]),
    {
      label: t("report.scenario"),
      text: assume.length
        ? t("report.assumes", { conditions: named(assume, names.conditions) })
        : t("report.noScenario"),
    },
    {
      label: t("report.asOf"),
      text: time.asOf ? t("report.asOfEnd", { date: formatDate(time.asOf, locale) }) : t("report.today"),
    },
    ...(time.knownAt ? [{ label: t("report.asKnown"), text: knownAtWords(time.knownAt, locale) }] : []),
    { label: t("report.metric"), text: metric },
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
export function madeWords(madeAt: Date, by: string | null, locale: Locale = "en"): string {
  const when = formatDateTime(madeAt, locale);
  return by ? translator(locale)("report.madeBy", { when, name: by }) : when;
}

/**
 * How the figures are counted, in a few sentences a report carries with it (the methodology page
 * says the same at length), written from the rules themselves.
 */
export function countingRules(locale: Locale = "en"): string[] {
  const t = translator(locale);
  const quoted = (labels: string[]) =>
    joinWords(
      labels.map((label) => t("common.quoted", { text: label })),
      locale,
      "disjunction",
    );
  const pledge = (statuses: readonly PledgeStatus[]) =>
    quoted(statuses.map((status) => t(`vocabulary.pledgeStatus.${status}`)));
  return [
    t("report.counting.conditional", {
      blocking: quoted(blockingConditionStatuses.map((status) => t(`vocabulary.conditionStatus.${status}`))),
      settled: pledge(settledPledgeStatuses),
    }),
    t("report.counting.excluded", { excluded: pledge(statusesOutsideTotals) }),
    t("report.counting.ceilings"),
    t("report.counting.units"),
  ];
}
