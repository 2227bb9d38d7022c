import englishCatalog from "@/messages/en.json";

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

// The English labels are the English catalog's (messages/en.json): one list for the screens, the
// exports and the API's descriptions. Other languages' come from their catalogs through next-intl.
const labels = englishCatalog.vocabulary;

export const categoryLabels: Record<PledgeCategory, string> = labels.category;

// The catalog's status list holds "conditional" too; the lifecycle's labels leave it out.
export const pledgeStatusLabels = Object.fromEntries(
  pledgeStatuses.map((status) => [status, labels.pledgeStatus[status]]),
) as Record<PledgeStatus, string>;

export const effectiveStatusLabels: Record<EffectiveStatus, string> = labels.pledgeStatus;

export const conditionStatusLabels: Record<ConditionStatus, string> = labels.conditionStatus;

export const qualifierLabels: Record<QuantityQualifier, string> = labels.qualifier;

export const roleLabels: Record<StakeholderRole, string> = labels.role;

/** How precisely a date is known, as a form offers it. */
export const datePrecisionLabels: Record<DatePrecision, string> = labels.datePrecision;

export const stakeholderKindLabels: Record<StakeholderKind, string> = labels.stakeholderKind;
