// A pledge's fields, defined once: the shape every writer stores and every reader reads, and for
// each field the words people see (the form's label and hint, the conflict panel, the audit trail)
// and the header a spreadsheet column is matched by. The form, the merge, the audit snapshot and
// the import are built from this table; the rules for values live beside it (pledge-rules.ts,
// units.ts) and the parsers that apply them in the schemas (forms and API) and the import's reader.
import type {
  DatePrecision,
  PledgeCategory,
  PledgeStatus,
  QuantityQualifier,
  StakeholderRole,
} from "./vocabulary";

/** A pledge's own columns. Amounts are integers in the unit's minor units (units.ts). */
export interface PledgeColumns {
  externalId: string | null;
  title: string;
  description: string | null;
  category: PledgeCategory;
  quantityUnit: string | null;
  quantityLow: bigint | null;
  quantityHigh: bigint | null;
  quantityQualifier: QuantityQualifier;
  deliveredQuantity: bigint | null;
  status: PledgeStatus;
  announcedOn: Date;
  /** How precisely `announcedOn` is known: a month or year is stored as its first day. */
  announcedPrecision: DatePrecision;
  dueOn: Date | null;
  scope: string | null;
}

/** A pledge's links to stakeholders (each with its role) and to the conditions it depends on. */
export interface PledgeLinks {
  stakeholders: { stakeholderId: string; role: StakeholderRole }[];
  conditionIds: string[];
}

/** Each stakeholder link once (a stakeholder may hold several roles), in a stable order. */
export function distinctStakeholders<T extends PledgeLinks["stakeholders"][number]>(
  links: readonly T[],
): T[] {
  const unique = new Map(links.map((link) => [`${link.stakeholderId}|${link.role}`, link]));
  return [...unique.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, link]) => link);
}

/** A stored pledge: its identity, its version, its columns and its links. */
export type PledgeRecordShape = { id: string; version: number } & PledgeColumns & PledgeLinks;

export type PledgeFieldName = keyof PledgeColumns | keyof PledgeLinks;

interface FieldWords {
  /** What the form, the conflict panel and the audit trail call it. */
  label: string;
  /** The spreadsheet header an import matches to it (and its template writes). */
  header: string;
  /** Said under the form's input. */
  hint?: string;
  /** The column the CSV and the workbook's Pledges sheet give it, where they do. */
  column?: string;
}

export const pledgeFieldWords = {
  title: { label: "Title", header: "Title", column: "title" },
  description: { label: "Description", header: "Description" },
  category: { label: "Category", header: "Category", column: "category" },
  quantityUnit: {
    label: "Unit",
    header: "Unit or currency",
    column: "unit",
    hint: "personnel, EUR, USD, items… Leave empty when no number was stated.",
  },
  quantityLow: {
    label: "Quantity (lowest)",
    header: "Quantity low",
    column: "quantity_low",
    hint: "e.g. 30,000; a single figure goes here",
  },
  quantityHigh: {
    label: "Quantity (highest)",
    header: "Quantity high",
    column: "quantity_high",
    hint: "only for a range",
  },
  quantityQualifier: { label: "Qualifier", header: "Qualifier", column: "qualifier" },
  deliveredQuantity: { label: "Delivered so far", header: "Delivered", column: "delivered" },
  status: { label: "Status", header: "Status", column: "lifecycle_status" },
  announcedOn: { label: "Announced on", header: "Announced", column: "announced_on" },
  announcedPrecision: {
    label: "Announcement date precision",
    header: "Announced precision",
    column: "announced_precision",
    hint: "A month or year is kept as its first day and shown as “Mar 2022” or “2022”.",
  },
  dueOn: { label: "Due on", header: "Due", column: "due_on" },
  scope: { label: "Scope", header: "Scope" },
  externalId: {
    label: "External id",
    header: "External ID",
    column: "external_id",
    hint: "an identifier from another tracker or spreadsheet",
  },
  stakeholders: { label: "Stakeholders and their role", header: "Stakeholders", column: "stakeholders" },
  conditionIds: { label: "Conditions the pledge depends on", header: "Conditions", column: "conditions" },
} as const satisfies Record<PledgeFieldName, FieldWords>;

/** The pledge's own columns, in the order the table gives them. */
export const pledgeColumnNames = (Object.keys(pledgeFieldWords) as PledgeFieldName[]).filter(
  (field): field is keyof PledgeColumns => field !== "stakeholders" && field !== "conditionIds",
);
