// Pledges as the API writes them: amounts in the unit's major units, dates as days, ids for links.
import { isoDay } from "@/lib/format";
import { toMajor } from "@/lib/rules/units";
import { exceedsPledge, type PledgeListItem } from "@/features/pledges";
import type { PledgeJson } from "./schemas";

const quantityJson = (item: PledgeListItem) => {
  const { quantityLow, quantityHigh, quantityUnit, quantityQualifier } = item.quantity;
  if (quantityLow === null || quantityUnit === null) return null;
  return {
    low: toMajor(quantityLow, quantityUnit),
    high: toMajor(quantityHigh ?? quantityLow, quantityUnit),
    unit: quantityUnit,
    qualifier: quantityQualifier,
  };
};

export function pledgeJson(item: PledgeListItem): PledgeJson {
  const unit = item.quantity.quantityUnit;
  return {
    id: item.id,
    externalId: item.externalId,
    title: item.title,
    description: item.description,
    category: item.category,
    status: item.status,
    effectiveStatus: item.effective.status,
    blockedBy: item.effective.blockedBy.map((condition) => condition.slug),
    quantity: quantityJson(item),
    delivered: item.delivered !== null && unit ? toMajor(item.delivered, unit) : null,
    deliveredExceedsPledge: exceedsPledge(item),
    announcedOn: isoDay(item.announcedOn),
    announcedPrecision: item.announcedPrecision,
    dueOn: item.dueOn ? isoDay(item.dueOn) : null,
    version: item.version,
    stakeholders: item.stakeholders,
    conditions: item.conditions.map(({ slug, title, status }) => ({ slug, title, status })),
    sourceIds: item.sources.map((source) => source.id),
  };
}
