// One flat row per pledge, shared by the CSV and the spreadsheet's Pledges sheet. The pledge's own
// fields take their column names from its field table (lib/rules/pledge-fields.ts). Each code has
// its words in the next column ("_label"), and each row its effective status and what blocks it,
// so that no row reads as contradicting itself (an unmet condition beside a pledge in progress).
import { pledgeFieldWords } from "@/lib/rules/pledge-fields";
import { exceedsPledge, type PledgeListItem } from "@/features/pledges";
import { isoDateAt, isoDay } from "@/lib/format";
import { toDecimal } from "@/lib/rules/units";
import {
  categoryLabels,
  conditionStatusLabels,
  effectiveStatusLabels,
  pledgeStatusLabels,
  qualifierLabels,
  roleLabels,
} from "@/lib/rules/vocabulary";

export const pledgeColumns = [
  { key: "id", header: "id", width: 28 },
  { key: "externalId", header: pledgeFieldWords.externalId.column, width: 24 },
  { key: "title", header: pledgeFieldWords.title.column, width: 48 },
  { key: "category", header: pledgeFieldWords.category.column, width: 14 },
  { key: "categoryLabel", header: `${pledgeFieldWords.category.column}_label`, width: 24 },
  { key: "stakeholders", header: pledgeFieldWords.stakeholders.column, width: 40 },
  { key: "quantityLow", header: pledgeFieldWords.quantityLow.column, width: 14, numeric: true },
  { key: "quantityHigh", header: pledgeFieldWords.quantityHigh.column, width: 14, numeric: true },
  { key: "unit", header: pledgeFieldWords.quantityUnit.column, width: 12 },
  { key: "qualifier", header: pledgeFieldWords.quantityQualifier.column, width: 10 },
  { key: "qualifierLabel", header: `${pledgeFieldWords.quantityQualifier.column}_label`, width: 10 },
  { key: "delivered", header: pledgeFieldWords.deliveredQuantity.column, width: 12, numeric: true },
  { key: "exceedsPledge", header: "delivered_exceeds_pledge", width: 12 },
  { key: "status", header: pledgeFieldWords.status.column, width: 14 },
  { key: "statusLabel", header: `${pledgeFieldWords.status.column}_label`, width: 14 },
  { key: "effectiveStatus", header: "effective_status", width: 14 },
  { key: "effectiveStatusLabel", header: "effective_status_label", width: 14 },
  { key: "blockedBy", header: "blocked_by", width: 30 },
  { key: "blockedByTitles", header: "blocked_by_titles", width: 40 },
  { key: "conditions", header: pledgeFieldWords.conditionIds.column, width: 40 },
  { key: "conditionsLabel", header: `${pledgeFieldWords.conditionIds.column}_label`, width: 50 },
  { key: "announcedOn", header: pledgeFieldWords.announcedOn.column, width: 12 },
  { key: "announcedPrecision", header: pledgeFieldWords.announcedPrecision.column, width: 10 },
  { key: "dueOn", header: pledgeFieldWords.dueOn.column, width: 12 },
  { key: "sources", header: "sources", width: 60 },
] as const;

export type PledgeRow = Record<(typeof pledgeColumns)[number]["key"], string>;

/** Amounts are exact decimals in major units ("1250000.5" EUR), never floats. */
export function pledgeRow(item: PledgeListItem): PledgeRow {
  const unit = item.quantity.quantityUnit ?? "";
  const amount = (minor: bigint | null) => (minor === null || !unit ? "" : toDecimal(minor, unit));
  return {
    id: item.id,
    externalId: item.externalId ?? "",
    title: item.title,
    category: item.category,
    categoryLabel: categoryLabels[item.category],
    stakeholders: item.stakeholders.map((s) => `${s.name} (${roleLabels[s.role].toLowerCase()})`).join("; "),
    quantityLow: amount(item.quantity.quantityLow),
    quantityHigh: amount(item.quantity.quantityHigh ?? item.quantity.quantityLow),
    unit,
    qualifier: unit ? item.quantity.quantityQualifier : "",
    qualifierLabel: unit ? qualifierLabels[item.quantity.quantityQualifier] : "",
    delivered: amount(item.delivered),
    exceedsPledge: exceedsPledge(item) ? "yes" : "",
    status: item.status,
    statusLabel: pledgeStatusLabels[item.status],
    effectiveStatus: item.effective.status,
    effectiveStatusLabel: effectiveStatusLabels[item.effective.status],
    blockedBy: item.effective.blockedBy.map((c) => c.slug).join("; "),
    blockedByTitles: item.effective.blockedBy.map((c) => c.title).join("; "),
    conditions: item.conditions.map((c) => `${c.slug} (${c.status})`).join("; "),
    conditionsLabel: item.conditions
      .map((c) => `${c.title} (${conditionStatusLabels[c.status].toLowerCase()})`)
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
