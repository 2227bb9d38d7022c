// One flat row per pledge, shared by the CSV and the spreadsheet's Pledges sheet. The pledge's own
// fields take their column names from its field table (lib/rules/pledge-fields.ts). Each code has
// its words in the next column ("_label"), and each row its effective status and what blocks it,
// so that no row reads as contradicting itself (an unmet condition beside a pledge in progress).
import { pledgeFieldWords } from "@/lib/rules/pledge-fields";
import { exceedsPledge, type PledgeListItem } from "@/features/pledges";
import { formatPledgeQuantity, isoDateAt, isoDay } from "@/lib/format";
import { toDecimal } from "@/lib/rules/units";
import { datePrecisions, pledgeCategories, quantityQualifiers } from "@/lib/rules/vocabulary";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";

export const pledgeColumns = [
  { key: "id", header: "id", width: 28, description: "The pledge's id in Pledgewatch." },
  {
    key: "externalId",
    header: pledgeFieldWords.externalId.column,
    width: 24,
    description: "Its id in the spreadsheet or system it was imported from.",
  },
  { key: "title", header: pledgeFieldWords.title.column, width: 48, description: "What was pledged." },
  {
    key: "category",
    header: pledgeFieldWords.category.column,
    width: 14,
    description: `One of ${pledgeCategories.join(", ")}.`,
  },
  {
    key: "categoryLabel",
    header: `${pledgeFieldWords.category.column}_label`,
    width: 24,
    description: "The category in words.",
  },
  {
    key: "stakeholders",
    header: pledgeFieldWords.stakeholders.column,
    width: 40,
    description: "Who carries it, each with their role.",
  },
  {
    key: "quantityLow",
    header: pledgeFieldWords.quantityLow.column,
    width: 14,
    numeric: true,
    description:
      "The amount stated: its low end (a single figure is low and high), in the unit's major units.",
  },
  {
    key: "quantityHigh",
    header: pledgeFieldWords.quantityHigh.column,
    width: 14,
    numeric: true,
    description: "The amount stated: its high end.",
  },
  {
    key: "delivered",
    header: pledgeFieldWords.deliveredQuantity.column,
    width: 14,
    numeric: true,
    description: "The amount delivered so far, in the same unit.",
  },
  {
    key: "unit",
    header: pledgeFieldWords.quantityUnit.column,
    width: 12,
    description: "The unit of the amounts: personnel, items, or a currency (EUR).",
  },
  {
    key: "qualifier",
    header: pledgeFieldWords.quantityQualifier.column,
    width: 10,
    description: `How the amount was stated: ${quantityQualifiers.join(", ")}.`,
  },
  {
    key: "qualifierLabel",
    header: `${pledgeFieldWords.quantityQualifier.column}_label`,
    width: 10,
    description: "The qualifier in words.",
  },
  {
    key: "quantityWords",
    header: "quantity_label",
    width: 30,
    description: 'The amount as stated, in words, its bound kept ("up to 30,000 personnel").',
  },
  {
    key: "exceedsPledge",
    header: "delivered_exceeds_pledge",
    width: 12,
    description: "yes when more was delivered than pledged.",
  },
  {
    key: "status",
    header: pledgeFieldWords.status.column,
    width: 14,
    description: "Its recorded lifecycle status.",
  },
  {
    key: "statusLabel",
    header: `${pledgeFieldWords.status.column}_label`,
    width: 14,
    description: "The lifecycle status in words.",
  },
  {
    key: "effectiveStatus",
    header: "effective_status",
    width: 14,
    description:
      "Its status under the view's scenario: conditional while a condition is unmet, else its lifecycle status.",
  },
  {
    key: "effectiveStatusLabel",
    header: "effective_status_label",
    width: 14,
    description: "The effective status in words.",
  },
  {
    key: "blockedBy",
    header: "blocked_by",
    width: 30,
    description: "The slugs of the conditions that keep it conditional.",
  },
  {
    key: "blockedByTitles",
    header: "blocked_by_titles",
    width: 40,
    description: "Those conditions' titles.",
  },
  {
    key: "conditions",
    header: pledgeFieldWords.conditionIds.column,
    width: 40,
    description: "Every condition it is tied to, with its status.",
  },
  {
    key: "conditionsLabel",
    header: `${pledgeFieldWords.conditionIds.column}_label`,
    width: 50,
    description: "The same, in words.",
  },
  {
    key: "announcedOn",
    header: pledgeFieldWords.announcedOn.column,
    width: 12,
    description: "When it was announced, at the precision known: 2026-01-06, 2026-01 or 2026.",
  },
  {
    key: "announcedPrecision",
    header: pledgeFieldWords.announcedPrecision.column,
    width: 10,
    description: `${datePrecisions.join(", ")}.`,
  },
  { key: "dueOn", header: pledgeFieldWords.dueOn.column, width: 12, description: "When it is due." },
  { key: "sources", header: "sources", width: 60, description: "The sources it cites: title <address>." },
] as const;

export type PledgeRow = Record<(typeof pledgeColumns)[number]["key"], string>;

/**
 * Amounts are exact decimals in major units ("1250000.5" EUR), never floats. Codes are the same in
 * every language; the words ("_label" columns) are in `locale`'s.
 */
export function pledgeRow(item: PledgeListItem, locale: Locale = "en"): PledgeRow {
  const t = translator(locale);
  const lower = (text: string) => text.toLocaleLowerCase(locale);
  const unit = item.quantity.quantityUnit ?? "";
  const amount = (minor: bigint | null) => (minor === null || !unit ? "" : toDecimal(minor, unit));
  return {
    id: item.id,
    externalId: item.externalId ?? "",
    title: item.title,
    category: item.category,
    categoryLabel: t(`vocabulary.category.${item.category}`),
    stakeholders: item.stakeholders
      .map((s) => `${s.name} (${lower(t(`vocabulary.role.${s.role}`))})`)
      .join("; "),
    quantityLow: amount(item.quantity.quantityLow),
    quantityHigh: amount(item.quantity.quantityHigh ?? item.quantity.quantityLow),
    unit,
    qualifier: unit ? item.quantity.quantityQualifier : "",
    qualifierLabel: unit ? t(`vocabulary.qualifier.${item.quantity.quantityQualifier}`) : "",
    // The bound kept in words: "up to 30,000 personnel", never "30000–30000".
    quantityWords: formatPledgeQuantity(item.quantity, locale) ?? "",
    delivered: amount(item.delivered),
    // A code column, as in the CSV: "yes" in every language.
    exceedsPledge: exceedsPledge(item) ? "yes" : "",
    status: item.status,
    statusLabel: t(`vocabulary.pledgeStatus.${item.status}`),
    effectiveStatus: item.effective.status,
    effectiveStatusLabel: t(`vocabulary.pledgeStatus.${item.effective.status}`),
    blockedBy: item.effective.blockedBy.map((c) => c.slug).join("; "),
    blockedByTitles: item.effective.blockedBy.map((c) => c.title).join("; "),
    conditions: item.conditions.map((c) => `${c.slug} (${c.status})`).join("; "),
    conditionsLabel: item.conditions
      .map((c) => `${c.title} (${lower(t(`vocabulary.conditionStatus.${c.status}`))})`)
      .join("; "),
    // "2022-03" for a month, "2022" for a year: ISO 8601 at the precision known, never a made-up day.
    announcedOn:
      item.announcedPrecision === "unknown"
        ? "unknown"
        : isoDateAt(item.announcedOn, item.announcedPrecision),
    announcedPrecision: item.announcedPrecision,
    dueOn: item.dueOn ? isoDay(item.dueOn) : "",
    sources: item.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join("; "),
  };
}
