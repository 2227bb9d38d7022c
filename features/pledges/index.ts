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

/** The columns a pledge list sorts by, each with the direction it sorts in first. */
export const pledgeSortKeys = [
  "title",
  "stakeholder",
  "quantity",
  "status",
  "announced",
  "due",
  "lastChange",
] as const;
export type PledgeSortKey = (typeof pledgeSortKeys)[number];
export const firstDirection: Record<PledgeSortKey, "asc" | "desc"> = {
  title: "asc",
  stakeholder: "asc",
  quantity: "desc",
  status: "asc",
  announced: "desc",
  due: "asc",
  lastChange: "desc",
};

/** The page sizes the list offers. */
export const listPageSizes = [25, 50, 100, 200] as const;

/** A list's order: its column and direction, spelt out. */
export interface PledgeOrder {
  key: PledgeSortKey;
  dir: "asc" | "desc";
}

/** A list's order unless its parameters say otherwise: newest announcement first. */
export const defaultPledgeOrder: PledgeOrder = { key: "announced", dir: "desc" };

/** The order a list's parameters ask for: a column in its first direction unless one is given. */
export function pledgeOrderOf({ sort, dir }: { sort?: PledgeSortKey; dir?: "asc" | "desc" }): PledgeOrder {
  if (!sort) return dir ? { ...defaultPledgeOrder, dir } : defaultPledgeOrder;
  return { key: sort, dir: dir ?? firstDirection[sort] };
}
