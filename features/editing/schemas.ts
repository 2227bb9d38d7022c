// What analysts and scripts may write, validated the same way for forms, server actions and the
// API. Forms send text; the API sends JSON. Both arrive here as plain objects.
import { z } from "@/lib/zod";
import { periodStart, pledgeShapeProblems, pledgeTextLimits } from "@/lib/rules/pledge-rules";
import { amountText, canonicalUnit, isAmountText } from "@/lib/rules/units";
import { oneOf, optionalId, optionalText, recordId, text, webAddressSchema } from "@/lib/form-fields";
import { invalid, type ValidationArgs } from "@/lib/validation-message";
import {
  conditionStatuses,
  datePrecisions,
  pledgeCategories,
  pledgeStatuses,
  quantityQualifiers,
  stakeholderKinds,
  stakeholderRoles,
  type DatePrecision,
} from "@/lib/rules/vocabulary";
import { isoDate, singleParam } from "@/lib/search-params";
import { listPageSize, pageField } from "@/features/pledges/schemas";

type What = NonNullable<ValidationArgs["what"]>;

const optionalDate = (what: string) =>
  z.preprocess((value) => (value === "" ? null : value), isoDate.nullable().optional().describe(what));

/** An amount as written ("1,200", "2.5", 1200); kept as text until the unit is known. */
const amount = (what: What) =>
  z.preprocess(
    (value) =>
      value === "" ? null : typeof value === "number" && Number.isFinite(value) ? String(value) : value,
    z
      .string({ error: invalid("notANumber", { what }) })
      .max(30, invalid("numberTooLong", { what }))
      .transform(amountText)
      .refine(isAmountText, invalid("notAmount", { what }))
      .nullable()
      .optional(),
  );

const unit = z.preprocess(
  (value) => (value === "" ? null : value),
  z
    .string({ error: invalid("mustBeText", { what: "unit" }) })
    .trim()
    .min(1)
    .max(40, invalid("tooLong", { what: "unit", max: 40 }))
    .transform((text, ctx) => {
      const unit = canonicalUnit(text);
      if (unit === null) ctx.addIssue({ code: "custom", message: invalid("unitRule") });
      return unit ?? z.NEVER;
    })
    .nullable()
    .optional(),
);

/** The edit's starting point: the record's version when the analyst (or script) read it. */
export const versionField = z.coerce
  .number({ error: invalid("versionNumber") })
  .int(invalid("versionNumber"))
  .min(1, invalid("versionNumber"));

const pledgeLinksFields = {
  stakeholders: z
    .array(z.object({ stakeholderId: recordId("stakeholder"), role: oneOf(stakeholderRoles, "role") }))
    .max(100, invalid("tooManyStakeholders", { max: 100 })),
  conditionIds: z.array(recordId("condition")).max(50, invalid("tooManyConditions", { max: 50 })),
};

const pledgeFields = {
  title: text("title", pledgeTextLimits.title),
  description: optionalText("description", pledgeTextLimits.description),
  category: oneOf(pledgeCategories, "category"),
  quantityUnit: unit,
  quantityLow: amount("lowest quantity"),
  quantityHigh: amount("highest quantity"),
  quantityQualifier: oneOf(quantityQualifiers, "qualifier"),
  deliveredQuantity: amount("delivered quantity"),
  announcedOn: isoDate,
  announcedPrecision: oneOf(datePrecisions, "precision of the announcement date")
    .optional()
    .describe("How precisely announcedOn is known: day (default), month, year or unknown"),
  dueOn: optionalDate("due date"),
  scope: optionalText("scope", pledgeTextLimits.scope),
  externalId: optionalText("external id", pledgeTextLimits.externalId),
  ...pledgeLinksFields,
};

/** The dates in order (lib/rules/pledge-rules.ts); amounts are checked once their unit is known. */
const datesInOrder = (value: { announcedOn?: Date; dueOn?: Date | null }, ctx: z.RefinementCtx) => {
  const { dueOn } = pledgeShapeProblems({ announcedOn: value.announcedOn, dueOn: value.dueOn });
  if (dueOn) ctx.addIssue({ code: "custom", path: ["dueOn"], message: dueOn });
};

/** A month's or year's announcement date as the period's first day (rules/pledge-rules.ts). */
const announcedAtPeriodStart = <T extends { announcedOn?: Date; announcedPrecision?: DatePrecision }>(
  value: T,
): T =>
  value.announcedOn && value.announcedPrecision
    ? { ...value, announcedOn: periodStart(value.announcedOn, value.announcedPrecision) }
    : value;

/** The edit form's pledge: every field, as the form sends them all. */
export const pledgeFormSchema = z
  .object(pledgeFields)
  .strict()
  .superRefine(datesInOrder)
  .transform(announcedAtPeriodStart);

/** The evidence for a status change: an existing source, or a new one given inline with its quote. */
const citedSourceFields = {
  sourceId: optionalId("source"),
  source: z
    .object({
      title: text("source title", pledgeTextLimits.sourceTitle),
      url: z.preprocess(
        (value) => (value === "" ? null : value),
        webAddressSchema("source URL").nullable().optional(),
      ),
      publisher: optionalText("publisher", pledgeTextLimits.sourcePublisher),
      quote: text("quote", pledgeTextLimits.quote),
    })
    .strict()
    .optional(),
  quote: optionalText("quote", pledgeTextLimits.quote),
};

/**
 * A new pledge, from the form or `POST /api/v1/pledges`: its fields and the evidence it rests on
 * (an existing source with a quote, or a new source), with an optional note on where it comes from.
 */
export const pledgeCreateSchema = z
  .object({
    ...pledgeFields,
    note: optionalText("note", pledgeTextLimits.note).describe(
      "Where the pledge comes from; default: recorded with the pledge",
    ),
    ...citedSourceFields,
  })
  .strict()
  .superRefine(
    (value, ctx) => {
      datesInOrder(value, ctx);
      citeOneSource(value, ctx);
      // A new pledge rests on words: an existing source is cited with the quote it is taken from.
      if (value.sourceId && !value.quote) {
        ctx.addIssue({
          code: "custom",
          path: ["quote"],
          message: invalid("quoteTheSource"),
        });
      }
    },
    // Said with the other fields' errors, so that a form shows everything missing at once.
    { when: ({ value }) => typeof value === "object" && value !== null },
  )
  .transform(announcedAtPeriodStart);
export type PledgeCreate = z.output<typeof pledgeCreateSchema>;

/**
 * PATCH: the version it started from and only the fields that change. Status has its own route. A
 * delivery (`deliveredQuantity`, the total so far, or `deliveredIncrement`, this delivery's amount)
 * carries its evidence as a status change does: a note, a cited source, and the day it happened
 * (default: today).
 */
export const pledgePatchSchema = z
  .object({
    version: versionField,
    ...pledgeFields,
    deliveredIncrement: amount("amount delivered this time").describe(
      "This delivery's amount, added to the total delivered so far (only as the latest delivery)",
    ),
    note: text("note", pledgeTextLimits.note).describe("Why the delivered quantity changed"),
    occurredOn: optionalDate("date of the delivery"),
    ...citedSourceFields,
  })
  .partial()
  .required({ version: true })
  .strict()
  .superRefine((value, ctx) => {
    const { note, occurredOn, sourceId, source, quote, deliveredQuantity, deliveredIncrement } = value;
    const evidenceKeys = new Set(["version", "note", "occurredOn", "sourceId", "source", "quote"]);
    if (Object.keys(value).every((key) => evidenceKeys.has(key))) {
      ctx.addIssue({
        code: "custom",
        path: [],
        message: invalid("refusal.nameAField"),
      });
    }
    datesInOrder(value, ctx);
    const evidence = { note, occurredOn, sourceId, source, quote };
    if (deliveredQuantity !== undefined && deliveredIncrement !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["deliveredIncrement"],
        message: invalid("refusal.totalOrIncrement"),
      });
    }
    if (deliveredIncrement !== undefined && value.quantityUnit !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["deliveredIncrement"],
        message: invalid("refusal.incrementInUnit"),
      });
    }
    if (deliveredQuantity === undefined && deliveredIncrement === undefined) {
      for (const [field, given] of Object.entries(evidence)) {
        if (given !== undefined && given !== null) {
          ctx.addIssue({
            code: "custom",
            path: [field],
            message: invalid("refusal.evidenceOfDelivery", { field }),
          });
        }
      }
      return;
    }
    if (!note) ctx.addIssue({ code: "custom", path: ["note"], message: invalid("sayWhatDelivered") });
    citeOneSource(evidence, ctx);
    if (occurredOn && occurredOn.getTime() > Date.now()) {
      ctx.addIssue({ code: "custom", path: ["occurredOn"], message: invalid("deliveryInFuture") });
    }
  })
  .transform(announcedAtPeriodStart);
export type PledgePatch = z.output<typeof pledgePatchSchema>;

/** Evidence cites exactly one source: an existing one, or a new one given inline. */
function citeOneSource(value: { sourceId?: string | null; source?: object }, ctx: z.RefinementCtx) {
  if (!value.sourceId && !value.source) {
    ctx.addIssue({
      code: "custom",
      path: ["sourceId"],
      message: invalid("citeASource"),
    });
  }
  if (value.sourceId && value.source) {
    ctx.addIssue({
      code: "custom",
      path: ["source"],
      message: invalid("citeOneSource"),
    });
  }
}

const statusUpdate = <const T extends readonly [string, ...string[]]>(statuses: T, what: What) =>
  z
    .object({
      status: oneOf(statuses, what),
      note: text("note", pledgeTextLimits.note).describe("Why the status changed"),
      version: versionField,
      occurredOn: optionalDate("date of the change"),
      ...citedSourceFields,
    })
    .strict()
    .superRefine((value, ctx) => {
      citeOneSource(value, ctx);
      if (value.occurredOn && value.occurredOn.getTime() > Date.now()) {
        ctx.addIssue({ code: "custom", path: ["occurredOn"], message: invalid("changeInFuture") });
      }
    });

export const pledgeStatusUpdateSchema = statusUpdate(pledgeStatuses, "pledge status");
export const conditionStatusUpdateSchema = statusUpdate(conditionStatuses, "condition status");
export type PledgeStatusUpdate = z.output<typeof pledgeStatusUpdateSchema>;
export type ConditionStatusUpdate = z.output<typeof conditionStatusUpdateSchema>;
export type StatusUpdate = PledgeStatusUpdate | ConditionStatusUpdate;

export const conditionSchema = z
  .object({
    title: text("title", 300),
    description: optionalText("description", 5000),
    dependsOnId: optionalId("stakeholder"),
  })
  .strict();

export const stakeholderSchema = z
  .object({
    name: text("name", 200),
    kind: oneOf(stakeholderKinds, "kind"),
    countryCode: z.preprocess(
      (value) => (value === "" ? null : typeof value === "string" ? value.toUpperCase() : value),
      z
        .string()
        .regex(/^[A-Z]{2}$/, invalid("countryCode"))
        .nullable()
        .optional(),
    ),
    stance: optionalText("stance", 1000),
    primaryContribution: optionalText("primary contribution", 1000),
    description: optionalText("description", 5000),
  })
  .strict();

export const sourceSchema = z
  .object({
    title: text("title", 300),
    publisher: optionalText("publisher", 200),
    publishedOn: optionalDate("publication date"),
    url: z.preprocess(
      (value) => (value === "" ? null : value),
      webAddressSchema("URL").nullable().optional(),
    ),
    description: optionalText("description", 5000),
  })
  .strict();

const figureFields = {
  title: text("title", 300),
  unit: text("unit", 40).regex(/^[A-Za-z][A-Za-z ]*$/, invalid("unitIsWord")),
  low: amount("lowest figure").refine(
    (value) => value != null,
    invalid("required", { what: "lowest figure" }),
  ),
  high: amount("highest figure"),
  qualifier: oneOf(quantityQualifiers, "qualifier"),
  stakeholderId: optionalId("stakeholder"),
};

export const requirementSchema = z
  .object({
    ...figureFields,
    description: optionalText("description", 5000),
    scope: optionalText("scope", 1000),
  })
  .strict();

export const capacitySchema = z.object(figureFields).strict();

/** The columns a Records list sorts by: the record's name, its detail (kind, status…), its last change. */
export const recordSortKeys = ["name", "detail", "changed"] as const;
export type RecordSortKey = (typeof recordSortKeys)[number];

/** A Records list's URL: its order and its page. */
export const recordListSchema = z.object({
  sort: singleParam(oneOf(recordSortKeys, "column to sort by")),
  dir: singleParam(oneOf(["asc", "desc"] as const, "sort direction")),
  page: pageField,
  pageSize: listPageSize,
});
export type RecordListQuery = z.output<typeof recordListSchema>;
