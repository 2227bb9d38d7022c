// The dataset file that `GET /api/v1/exports/dataset.json` writes, read back: every table checked
// field by field, so that a hand-edited or foreign file is refused with the table, row and field.
import { z } from "@/lib/zod";
import { inEnglish } from "@/i18n/translate";
import {
  conditionStatuses,
  datePrecisions,
  pledgeCategories,
  pledgeStatuses,
  quantityQualifiers,
  stakeholderKinds,
  stakeholderRoles,
} from "@/lib/rules/vocabulary";
import { ledgerFacts } from "@/lib/rules/ledger";

const text = z.string();
const optionalText = z.string().nullable();
const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const optionalDate = date.nullable();
const amount = z
  .string()
  .regex(/^-?\d{1,30}$/, "must be a whole number of minor units, as text")
  .transform((value) => BigInt(value));
const optionalAmount = amount.nullable();
const int = z.number().int();
const stamps = { createdAt: date, updatedAt: date };

/** Each table the dataset holds, in the order it is written and read back (foreign keys first). */
export const datasetTableSchemas = {
  Stakeholder: z.object({
    id: text,
    slug: text,
    name: text,
    kind: z.enum(stakeholderKinds),
    countryCode: optionalText,
    stance: optionalText,
    primaryContribution: optionalText,
    description: optionalText,
    version: int,
    ...stamps,
  }),
  CoalitionMember: z.object({ coalitionId: text, memberId: text, ...stamps }),
  Source: z.object({
    id: text,
    slug: text,
    title: text,
    publisher: optionalText,
    publishedOn: optionalDate,
    url: optionalText,
    fileName: optionalText,
    description: optionalText,
    version: int,
    ...stamps,
  }),
  Condition: z.object({
    id: text,
    slug: text,
    title: text,
    description: optionalText,
    status: z.enum(conditionStatuses),
    statusDate: date,
    dependsOnId: optionalText,
    version: int,
    ...stamps,
  }),
  Pledge: z.object({
    id: text,
    externalId: optionalText,
    title: text,
    description: optionalText,
    category: z.enum(pledgeCategories),
    quantityLow: optionalAmount,
    quantityHigh: optionalAmount,
    quantityUnit: optionalText,
    quantityQualifier: z.enum(quantityQualifiers),
    deliveredQuantity: optionalAmount,
    status: z.enum(pledgeStatuses),
    announcedOn: date,
    // Datasets exported before dates had a precision have none: their dates are days.
    announcedPrecision: z.enum(datePrecisions).default("day"),
    dueOn: optionalDate,
    scope: optionalText,
    version: int,
    deletedAt: optionalDate,
    ...stamps,
  }),
  PledgeStakeholder: z.object({
    pledgeId: text,
    stakeholderId: text,
    role: z.enum(stakeholderRoles),
    ...stamps,
  }),
  PledgeCondition: z.object({ pledgeId: text, conditionId: text, ...stamps }),
  Requirement: z.object({
    id: text,
    slug: text,
    title: text,
    description: optionalText,
    unit: text,
    low: amount,
    high: amount,
    qualifier: z.enum(quantityQualifiers),
    scope: optionalText,
    stakeholderId: optionalText,
    version: int,
    ...stamps,
  }),
  CapacityReference: z.object({
    id: text,
    slug: text,
    title: text,
    unit: text,
    low: amount,
    high: amount,
    qualifier: z.enum(quantityQualifiers),
    stakeholderId: optionalText,
    version: int,
    ...stamps,
  }),
  StatusChange: z.object({
    id: text,
    pledgeId: optionalText,
    conditionId: optionalText,
    fromPledgeStatus: z.enum(pledgeStatuses).nullable(),
    toPledgeStatus: z.enum(pledgeStatuses).nullable(),
    fromConditionStatus: z.enum(conditionStatuses).nullable(),
    toConditionStatus: z.enum(conditionStatuses).nullable(),
    occurredAt: date,
    recordedBy: optionalText,
    recordedById: optionalText,
    note: text,
    ...stamps,
  }),
  LedgerEvent: z.object({
    id: text,
    pledgeId: text,
    fact: z.enum(ledgerFacts),
    quantityLow: optionalAmount,
    quantityHigh: optionalAmount,
    quantityQualifier: z.enum(quantityQualifiers).nullable(),
    quantityUnit: optionalText,
    deliveredQuantity: optionalAmount,
    dueOn: optionalDate,
    occurredOn: date,
    recordedAt: date,
    recordedBy: optionalText,
    recordedById: optionalText,
    note: text,
  }),
  Citation: z.object({
    id: text,
    sourceId: text,
    quote: text,
    pledgeId: optionalText,
    conditionId: optionalText,
    requirementId: optionalText,
    capacityReferenceId: optionalText,
    stakeholderId: optionalText,
    statusChangeId: optionalText,
    // Absent from files written before the ledger.
    ledgerEventId: optionalText.default(null),
    ...stamps,
  }),
};
export type DatasetTableName = keyof typeof datasetTableSchemas;
export const datasetTableNames = Object.keys(datasetTableSchemas) as DatasetTableName[];

const datasetFileSchema = z.object({
  format: z.literal("pledgewatch-dataset", {
    error: 'this is not a Pledgewatch dataset (format must be "pledgewatch-dataset")',
  }),
  version: z.literal(1, { error: "this dataset version cannot be read; export it again" }),
  exportedAt: z.string(),
  tables: z
    .record(z.string(), z.array(z.unknown()))
    .refine((tables) => Object.keys(tables).every((name) => name in datasetTableSchemas), {
      message: `tables are ${datasetTableNames.join(", ")}`,
    }),
});

export type DatasetRows = { [T in DatasetTableName]: z.output<(typeof datasetTableSchemas)[T]>[] };

/** The file's rows, each checked; the problems name table, row (from 1) and field. */
export function readDataset(
  json: unknown,
): { ok: true; rows: DatasetRows } | { ok: false; errors: string[] } {
  const file = datasetFileSchema.safeParse(json);
  if (!file.success)
    return {
      ok: false,
      errors: file.error.issues.map((i) => [...i.path, inEnglish(i.message)].join(": ")),
    };
  const errors: string[] = [];
  const rows = {} as Record<DatasetTableName, unknown[]>;
  for (const table of datasetTableNames) {
    const schema = datasetTableSchemas[table].strict();
    rows[table] = (file.data.tables[table] ?? []).map((row, index) => {
      const parsed = schema.safeParse(row);
      if (!parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 3)) {
          errors.push(
            `${table} row ${index + 1}, ${issue.path.join(".") || "row"}: ${inEnglish(issue.message)}`,
          );
        }
      }
      return parsed.data;
    });
    if (errors.length > 100) break;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: rows as DatasetRows };
}
