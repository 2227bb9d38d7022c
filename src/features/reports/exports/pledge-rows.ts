// One flat row per pledge, shared by the CSV and the spreadsheet's Pledges sheet.
import { exceedsPledge, type PledgeListItem } from "@/features/pledges/queries";
import { isoDay } from "@/lib/format";
import { toDecimal } from "@/lib/rules/units";
import { roleLabels } from "@/lib/rules/vocabulary";

export const pledgeColumns = [
  { key: "id", header: "id", width: 28 },
  { key: "externalId", header: "external_id", width: 24 },
  { key: "title", header: "title", width: 48 },
  { key: "category", header: "category", width: 14 },
  { key: "stakeholders", header: "stakeholders", width: 40 },
  { key: "quantityLow", header: "quantity_low", width: 14, numeric: true },
  { key: "quantityHigh", header: "quantity_high", width: 14, numeric: true },
  { key: "unit", header: "unit", width: 12 },
  { key: "qualifier", header: "qualifier", width: 10 },
  { key: "delivered", header: "delivered", width: 12, numeric: true },
  { key: "exceedsPledge", header: "delivered_exceeds_pledge", width: 12 },
  { key: "status", header: "lifecycle_status", width: 14 },
  { key: "effectiveStatus", header: "effective_status", width: 14 },
  { key: "blockedBy", header: "blocked_by", width: 30 },
  { key: "conditions", header: "conditions", width: 40 },
  { key: "announcedOn", header: "announced_on", width: 12 },
  { key: "dueOn", header: "due_on", width: 12 },
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
    stakeholders: item.stakeholders.map((s) => `${s.name} (${roleLabels[s.role].toLowerCase()})`).join("; "),
    quantityLow: amount(item.quantity.quantityLow),
    quantityHigh: amount(item.quantity.quantityHigh ?? item.quantity.quantityLow),
    unit,
    qualifier: unit ? item.quantity.quantityQualifier : "",
    delivered: amount(item.delivered),
    exceedsPledge: exceedsPledge(item) ? "yes" : "",
    status: item.status,
    effectiveStatus: item.effective.status,
    blockedBy: item.effective.blockedBy.map((c) => c.slug).join("; "),
    conditions: item.conditions.map((c) => `${c.slug} (${c.status})`).join("; "),
    announcedOn: isoDay(item.announcedOn),
    dueOn: item.dueOn ? isoDay(item.dueOn) : "",
    sources: item.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join("; "),
  };
}
