import { deliveredAbovePledge } from "@/lib/rules/ledger";
import type { EffectiveStatusResult } from "@/lib/rules/effective-status";
import type {
  ConditionStatus,
  DatePrecision,
  PledgeCategory,
  PledgeStatus,
  QuantityQualifier,
  StakeholderRole,
} from "@/lib/rules/vocabulary";

// The pledges feature, safe for the browser. A pledge as lists show it (the list page, profiles, the API, exports): read on the server by
// queries.ts, drawn by the client's table.

/** A listed pledge's delivery above its pledged ceiling (lib/rules/ledger.ts). */
export const exceedsPledge = (item: PledgeListItem) =>
  deliveredAbovePledge({ deliveredQuantity: item.delivered, quantityHigh: item.quantity.quantityHigh });

export interface PledgeListItem {
  id: string;
  externalId: string | null;
  title: string;
  description: string | null;
  category: PledgeCategory;
  status: PledgeStatus;
  effective: EffectiveStatusResult<PledgeListItem["conditions"][number]>;
  quantity: {
    quantityLow: bigint | null;
    quantityHigh: bigint | null;
    quantityUnit: string | null;
    quantityQualifier: QuantityQualifier;
  };
  delivered: bigint | null;
  /** When the last event of the pledge within the view was recorded; lists only (null elsewhere). */
  lastChange: Date | null;
  announcedOn: Date;
  announcedPrecision: DatePrecision;
  dueOn: Date | null;
  version: number;
  sources: { id: string; title: string; url: string | null }[];
  stakeholders: { slug: string; name: string; role: StakeholderRole }[];
  conditions: { id: string; slug: string; title: string; status: ConditionStatus }[];
}
