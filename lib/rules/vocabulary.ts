// The closed sets, by identifier (used by the API, exports and imports) and label (shown in the UI).
// Prisma's enums must match these lists; vocabulary.test.ts checks it.

export const pledgeCategories = [
  "force",
  "monitoring",
  "infrastructure",
  "guarantee",
  "assistance",
  "enablers",
  "other",
] as const;
export type PledgeCategory = (typeof pledgeCategories)[number];

export const pledgeStatuses = [
  "announced",
  "committed",
  "in_progress",
  "delivered",
  "stalled",
  "withdrawn",
] as const;
export type PledgeStatus = (typeof pledgeStatuses)[number];

export const conditionStatuses = ["unmet", "partially_met", "met", "waived"] as const;
export type ConditionStatus = (typeof conditionStatuses)[number];

export const quantityQualifiers = ["exact", "up_to", "at_least", "about"] as const;
export type QuantityQualifier = (typeof quantityQualifiers)[number];

export const stakeholderRoles = ["pledger", "lead", "contributor", "host", "beneficiary"] as const;
export type StakeholderRole = (typeof stakeholderRoles)[number];

/** How precisely a date is known: a month or year is stored as its first day (lib/format.ts shows it). */
export const datePrecisions = ["day", "month", "year", "unknown"] as const;
export type DatePrecision = (typeof datePrecisions)[number];

export const stakeholderKinds = ["state", "organisation", "coalition", "person"] as const;

/** What a user may watch: a pledge, a condition, a stakeholder, or a list's filters. */
export const watchSubjects = ["pledge", "condition", "stakeholder", "filter"] as const;
export type WatchSubject = (typeof watchSubjects)[number];
export type StakeholderKind = (typeof stakeholderKinds)[number];

/** Lifecycle statuses plus "conditional", which the rules derive and nobody sets. */
export const effectiveStatuses = ["conditional", ...pledgeStatuses] as const;
export type EffectiveStatus = (typeof effectiveStatuses)[number];

// The English labels, for code that has no reader's language (the API's descriptions, the import's
// matching of written values). The catalogs (messages/*.json, "vocabulary") say them in each
// language; vocabulary.test.ts checks the English catalog says them alike. Kept here, not read from
// the catalog, because browser code imports this module and must not carry a catalog with it.
export const categoryLabels: Record<PledgeCategory, string> = {
  force: "Force (troops, deterrence)",
  monitoring: "Monitoring",
  infrastructure: "Infrastructure (hubs, bases)",
  guarantee: "Security guarantee",
  assistance: "Assistance (military, financial)",
  enablers: "Enablers (intelligence, logistics)",
  other: "Other",
};

export const pledgeStatusLabels: Record<PledgeStatus, string> = {
  announced: "Announced",
  committed: "Committed",
  in_progress: "In progress",
  delivered: "Delivered",
  stalled: "Stalled",
  withdrawn: "Withdrawn",
};

export const effectiveStatusLabels: Record<EffectiveStatus, string> = {
  conditional: "Conditional",
  ...pledgeStatusLabels,
};

export const conditionStatusLabels: Record<ConditionStatus, string> = {
  unmet: "Unmet",
  partially_met: "Partially met",
  met: "Met",
  waived: "Waived",
};

export const qualifierLabels: Record<QuantityQualifier, string> = {
  exact: "Exactly",
  up_to: "Up to",
  at_least: "At least",
  about: "About",
};

export const roleLabels: Record<StakeholderRole, string> = {
  pledger: "Pledger",
  lead: "Lead",
  contributor: "Contributor",
  host: "Host",
  beneficiary: "Beneficiary",
};

/** How precisely a date is known, as a form offers it. */
export const datePrecisionLabels: Record<DatePrecision, string> = {
  day: "Day",
  month: "Month only",
  year: "Year only",
  unknown: "Unknown (the day it was recorded)",
};

export const stakeholderKindLabels: Record<StakeholderKind, string> = {
  state: "State",
  organisation: "Organisation",
  coalition: "Coalition",
  person: "Person",
};
