// The read API's parameters and answers. The OpenAPI document is generated from these schemas, and
// the handlers build their answers against the same types, so the two cannot drift apart.
import { z } from "@/lib/zod";
import { metricField } from "@/features/figures/schemas";
import {
  datesInOrder,
  pageField,
  pledgeOrderFields,
  pledgeSelectionFields,
  viewFields,
} from "@/features/pledges/schemas";
import { countParam, singleParam } from "@/lib/search-params";
import { invalid } from "@/lib/validation-message";
import { changeActions, changeEntities } from "@/lib/rules/webhooks";
import {
  conditionStatuses,
  datePrecisions,
  effectiveStatuses,
  pledgeCategories,
  pledgeStatuses,
  quantityQualifiers,
  stakeholderRoles,
} from "@/lib/rules/vocabulary";

const maxPageSize = 200;

const pageSizeField = countParam("pageSize", 1, maxPageSize);

/** GET /api/v1/pledges */
export const pledgeListParams = z
  .object({
    ...pledgeSelectionFields,
    ...viewFields,
    ...pledgeOrderFields,
    page: pageField,
    pageSize: pageSizeField,
  })
  .check(datesInOrder);

// "stakeholder" counts a pledge for each stakeholder carrying it; "lead" once, for its lead.
const breakdownKeys = ["status", "category", "stakeholder", "lead", "condition"] as const;

/** GET /api/v1/breakdown */
export const breakdownParams = z
  .object({
    ...pledgeSelectionFields,
    ...viewFields,
    metric: metricField,
    by: singleParam(
      z.enum(breakdownKeys, { error: invalid("param.byOneOf", { values: breakdownKeys.join(", ") }) }),
    ).pipe(
      z.enum(breakdownKeys, { error: invalid("param.byRequired", { values: breakdownKeys.join(", ") }) }),
    ),
  })
  .check(datesInOrder);

/** No parameters. */
export const noParams = z.object({});

export type PledgeListParams = z.output<typeof pledgeListParams>;
export type BreakdownParams = z.output<typeof breakdownParams>;

// Answers

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: "A UTC date, YYYY-MM-DD" });
const bounds = ["exact", "at_most", "at_least", "about", "indeterminate"] as const;

/** A figure as a range in the metric's major units (EUR in euros, exact to the cent). */
export const rangeSchema = z
  .object({
    low: z.number(),
    high: z.number(),
    bound: z.enum(bounds).meta({ description: 'at_most: a ceiling ("up to"); at_least: a floor' }),
  })
  .meta({ id: "Range" });

const ratioSchema = rangeSchema.meta({ id: "Ratio", description: "A fraction range (0.3 = 30 %)" });

const quantitySchema = z
  .object({ low: z.number(), high: z.number(), unit: z.string(), qualifier: z.enum(quantityQualifiers) })
  .meta({ id: "Quantity", description: "As the source stated it, in major units" });

export const pledgeSchema = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    category: z.enum(pledgeCategories),
    status: z.enum(pledgeStatuses).meta({ description: "Lifecycle status (as of the date asked for)" }),
    effectiveStatus: z.enum(effectiveStatuses),
    blockedBy: z.array(z.string()).meta({ description: "Slugs of the conditions holding it back" }),
    quantity: quantitySchema.nullable(),
    delivered: z.number().nullable(),
    deliveredExceedsPledge: z
      .boolean()
      .meta({ description: "Delivered above the pledged ceiling: accepted, and flagged" }),
    announcedOn: day.meta({
      description:
        "The announcement day; with announcedPrecision month or year, the first day of that month or year; with unknown, the day it was first recorded",
    }),
    announcedPrecision: z.enum(datePrecisions),
    dueOn: day.nullable(),
    version: z.number().int(),
    stakeholders: z.array(z.object({ slug: z.string(), name: z.string(), role: z.enum(stakeholderRoles) })),
    conditions: z.array(z.object({ slug: z.string(), title: z.string(), status: z.enum(conditionStatuses) })),
    sourceIds: z.array(z.string()),
  })
  .meta({ id: "Pledge" });

const citationSchema = z.object({
  quote: z.string(),
  source: z.object({ id: z.string(), title: z.string(), url: z.string().nullable() }),
});

export const pledgeDetailSchema = pledgeSchema
  .extend({
    citations: z.array(citationSchema),
    history: z.array(
      z.object({
        occurredAt: z.string().meta({ description: "ISO 8601, UTC" }),
        from: z.enum(pledgeStatuses).nullable(),
        to: z.enum(pledgeStatuses).nullable(),
        note: z.string(),
        recordedBy: z.string().nullable(),
        citations: z.array(citationSchema),
      }),
    ),
  })
  .meta({ id: "PledgeDetail" });

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    data: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

const conditionSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    status: z.enum(conditionStatuses),
    statusDate: day,
    dependsOn: z.string().nullable().meta({ description: "Slug of the stakeholder it depends on" }),
    pledges: z.number().int().meta({ description: "Pledges tied to it" }),
  })
  .meta({ id: "Condition" });

const stakeholderSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    countryCode: z.string().nullable(),
    pledges: z.number().int(),
  })
  .meta({ id: "Stakeholder" });

const sourceSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    publishedOn: day.nullable(),
    url: z.string().nullable(),
    fileName: z.string().nullable(),
  })
  .meta({ id: "Source" });

const knownAtJson = z.string().nullable().meta({
  description: "The moment (UTC) whose records the figures are rebuilt from; null: everything recorded",
});

const figureSources = z.array(z.string()).meta({ description: "Ids of the sources behind the figure" });

export const summarySchema = z
  .object({
    unit: z.string(),
    asOf: day.nullable(),
    knownAt: knownAtJson,
    assumed: z.array(z.string()).meta({ description: "Conditions assumed met (slugs)" }),
    pledges: z.number().int().meta({ description: "Pledges selected, of any unit" }),
    required: rangeSchema
      .nullable()
      .meta({ description: "null when no requirement is recorded in the metric" }),
    pledged: rangeSchema,
    unconditional: rangeSchema,
    delivered: rangeSchema,
    shortfall: rangeSchema.nullable(),
    coverage: ratioSchema.nullable(),
    unconditionalShortfall: rangeSchema.nullable(),
    unconditionalCoverage: ratioSchema.nullable(),
    deliveredShortfall: rangeSchema.nullable(),
    deliveredCoverage: ratioSchema.nullable(),
    deliveredAbovePledge: z.number().int().meta({
      description:
        "Pledges in the metric whose deliveries exceed the most they pledged (counted in `delivered`)",
    }),
    capacities: z
      .array(
        z.object({
          title: z.string(),
          stakeholder: z.string().nullable(),
          value: rangeSchema,
          sourceIds: z.array(z.string()),
        }),
      )
      .meta({ description: "Capacity references in the metric, as the gap chart draws them" }),
    sources: z.object({
      required: figureSources,
      pledged: figureSources,
      unconditional: figureSources,
      delivered: figureSources,
    }),
  })
  .meta({ id: "Summary" });

const outcomeSchema = z
  .object({
    unlocks: z.object({ pledges: z.number().int(), quantity: rangeSchema }),
    unconditional: rangeSchema,
    shortfall: rangeSchema.nullable().meta({ description: "null when no requirement is recorded" }),
    coverage: ratioSchema.nullable(),
  })
  .meta({
    id: "ConditionOutcome",
    description:
      "Were these conditions met (on top of the others the view assumes): what they release, and the unconditional total, shortfall and coverage then",
  });

export const breakdownRowSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    pledges: z.number().int(),
    pledged: rangeSchema.optional().meta({ description: "Not for by=condition" }),
    unconditional: rangeSchema.optional(),
    delivered: rangeSchema.optional(),
    status: z.enum(conditionStatuses).optional().meta({ description: "by=condition: its status" }),
    unlocks: z
      .object({ pledges: z.number().int(), quantity: rangeSchema })
      .optional()
      .meta({ description: "by=condition: what meeting the condition would release" }),
    alone: outcomeSchema.optional().meta({
      description:
        "by=condition: this condition met and no other besides the view's (measured from the view without it, so one it assumes is worth what assuming it adds)",
    }),
    allButThis: outcomeSchema
      .optional()
      .meta({ description: "by=condition: every other condition still blocking met, and this one not" }),
    holdsBack: z.object({ pledges: z.number().int(), quantity: rangeSchema }).optional().meta({
      description: "by=condition: what it alone holds back once every other condition is met",
    }),
    joint: z
      .array(outcomeSchema.extend({ conditions: z.array(z.string()) }))
      .optional()
      .meta({
        description:
          "by=condition: the sets of conditions (slugs, this one among them) that hold pledges back together, each as if met",
      }),
  })
  .meta({ id: "BreakdownRow" });

export const errorSchema = z
  .object({
    error: z.object({
      message: z.string(),
      params: z.array(z.object({ param: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "Error" });

// Whole answers, registered by name for the OpenAPI document.
export const pledgeListResponse = pageOf(pledgeSchema).meta({ id: "PledgeList" });
export const pledgeResponse = z.object({ data: pledgeDetailSchema }).meta({ id: "PledgeResponse" });
export const conditionListResponse = z
  .object({ data: z.array(conditionSchema) })
  .meta({ id: "ConditionList" });
export const stakeholderListResponse = z
  .object({ data: z.array(stakeholderSchema) })
  .meta({ id: "StakeholderList" });
export const sourceListResponse = z.object({ data: z.array(sourceSchema) }).meta({ id: "SourceList" });
const slugs = z.array(z.string());
/** What an answer is of (lib/rules/report-view.ts `viewJson`), each filter by its query parameter. */
const viewSchema = z
  .object({
    metric: z.string(),
    asOf: day.nullable(),
    knownAt: knownAtJson,
    filters: z.object({
      status: slugs,
      effective: slugs,
      category: slugs,
      stakeholder: slugs,
      condition: slugs,
      q: z.string().nullable(),
      from: day.nullable(),
      to: day.nullable(),
    }),
    assume: slugs.meta({ description: "Conditions assumed met (slugs): the scenario" }),
  })
  .meta({
    id: "View",
    description:
      "The view the answer is of: metric, view time, filters and scenario, as the query named them",
  });

export const summaryResponse = z
  .object({ data: summarySchema, view: viewSchema })
  .meta({ id: "SummaryResponse" });
export const breakdownResponse = z
  .object({
    data: z.array(breakdownRowSchema),
    view: viewSchema,
    by: z.enum(breakdownKeys),
    unit: z.string(),
    asOf: day.nullable(),
    knownAt: knownAtJson,
    assumed: z.array(z.string()),
  })
  .meta({ id: "BreakdownResponse" });

export type PledgeJson = z.input<typeof pledgeSchema>;
export type PledgeDetailJson = z.input<typeof pledgeDetailSchema>;
export type SummaryJson = z.input<typeof summarySchema>;
export type BreakdownRowJson = z.input<typeof breakdownRowSchema>;
export type RangeJson = z.input<typeof rangeSchema>;

// The list of changes (GET /api/v1/changes, features/changes)

const rangeChangeSchema = z
  .object({ low: z.number(), high: z.number() })
  .meta({ id: "RangeChange", description: "How far each end of a range moved, in the metric's major units" });

const deltaOf = (range: z.ZodType) =>
  z.object({
    from: range.nullable(),
    to: range.nullable(),
    change: rangeChangeSchema
      .nullable()
      .meta({ description: "to − from at each end; null where either end has no such figure" }),
  });

const quotedSchema = z
  .object({
    quote: z.string(),
    source: z.object({ id: z.string(), title: z.string(), url: z.string().nullable() }),
  })
  .meta({ id: "Quoted", description: "A quote and the source it is from" });

const recordedFields = {
  recordedAt: z.string().meta({ description: "When it was recorded (UTC)" }),
  note: z.string(),
  recordedBy: z.string().nullable(),
  citations: z.array(quotedSchema),
};

const statedQuantitySchema = z.object({
  low: z.number().nullable(),
  high: z.number().nullable(),
  unit: z.string(),
  qualifier: z.enum(quantityQualifiers).nullable().optional(),
});

const changeEventSchema = z
  .discriminatedUnion("kind", [
    z.object({
      kind: z.literal("announced"),
      occurredOn: day,
      recordedAt: z.string(),
      citations: z.array(quotedSchema),
    }),
    z.object({
      kind: z.literal("status"),
      occurredAt: z.string(),
      from: z.enum(pledgeStatuses).nullable(),
      to: z.enum(pledgeStatuses).nullable(),
      ...recordedFields,
    }),
    z.object({
      kind: z.literal("stated"),
      occurredOn: day,
      from: statedQuantitySchema.nullable(),
      to: statedQuantitySchema.nullable(),
      ...recordedFields,
    }),
    z.object({
      kind: z.literal("delivered"),
      occurredOn: day,
      from: z.number().nullable(),
      to: z.number().nullable(),
      unit: z.string().nullable(),
      ...recordedFields,
    }),
    z.object({
      kind: z.literal("due"),
      occurredOn: day,
      from: day.nullable(),
      to: day.nullable(),
      ...recordedFields,
    }),
  ])
  .meta({ id: "ChangeEvent", description: "An event dated within the period, with its evidence" });

const pledgeEndSchema = z
  .object({
    status: z.enum(pledgeStatuses),
    quantity: statedQuantitySchema.nullable(),
    delivered: z.number().nullable(),
    blockedBy: z.array(z.string()).meta({ description: "Ids of the conditions holding it back then" }),
  })
  .nullable()
  .meta({
    id: "PledgeEnd",
    description: "A pledge as it stood at one end; null where the view did not hold it",
  });

const changeKinds = ["added", "left the view", "withdrawn", "status", "figures", "conditions"] as const;

/** What moved between two ends, whichever they are (a period's, or two moments known at). */
const changeBody = z.object({
  unit: z.string(),
  figures: z.object({
    pledges: z.object({ from: z.number().int(), to: z.number().int(), change: z.number().int() }),
    required: deltaOf(rangeSchema),
    pledged: deltaOf(rangeSchema),
    unconditional: deltaOf(rangeSchema),
    delivered: deltaOf(rangeSchema),
    shortfall: deltaOf(rangeSchema),
    coverage: deltaOf(ratioSchema),
  }),
  conditions: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      title: z.string(),
      from: z.enum(conditionStatuses).nullable(),
      to: z.enum(conditionStatuses).nullable(),
      released: z.number().int().meta({ description: "Pledges it no longer holds back" }),
      heldBack: z.number().int().meta({ description: "Pledges it holds back again" }),
      unconditional: rangeChangeSchema,
      summary: z.string().meta({ description: "The change and what it did, in words" }),
      events: z.array(
        z.object({
          occurredAt: z.string(),
          from: z.enum(conditionStatuses).nullable(),
          to: z.enum(conditionStatuses).nullable(),
          ...recordedFields,
        }),
      ),
    }),
  ),
  pledges: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kinds: z.array(z.enum(changeKinds)),
      before: pledgeEndSchema,
      after: pledgeEndSchema,
      effect: z.object({
        pledged: rangeChangeSchema,
        unconditional: rangeChangeSchema,
        delivered: rangeChangeSchema,
      }),
      events: z.array(changeEventSchema),
    }),
  ),
  deleted: z.array(z.object({ id: z.string(), title: z.string(), deletedAt: z.string() })).meta({
    description:
      "Pledges deleted within the period (by when it was recorded); they leave every view, on every day",
  }),
});

export const changesSchema = z
  .object({
    since: day.meta({ description: "The period's first day (from its start)" }),
    until: day.meta({ description: "The period's last day (to its end)" }),
    knownAt: knownAtJson,
    ...changeBody.shape,
  })
  .meta({ id: "Changes" });

export const changesResponse = z
  .object({
    data: changesSchema,
    total: z.number().int().meta({ description: "Pledges that moved, in all" }),
    page: z.number().int(),
    pageSize: z.number().int(),
    view: viewSchema,
  })
  .meta({ id: "ChangesResponse" });

export type ChangesJson = z.input<typeof changesSchema>;
export type ChangeBodyJson = z.input<typeof changeBody>;

/** A place in the change log: "0" is its start; a next cursor is "version.id" (read it as opaque). */
const cursorPattern = /^(?:0|(\d{1,10})\.(\d{1,10}))$/;
/** The largest version and id the database's integer columns hold. */
const largestCounter = 2 ** 31 - 1;
// Each pledge in a page is read whole, with its evidence and history.
const maxChangeLogLimit = 200;

/** A place in the log as a cursor says it (what `cursor` below reads back). */
export const cursorText = ({ version, id }: { version: number; id: number }) =>
  version === 0 && id === 0 ? "0" : `${version}.${id}`;

/** GET /api/v1/changes?cursor=…: the change log from a cursor (the incremental sync). */
export const changeLogParams = z.object({
  cursor: singleParam(
    z
      .string()
      .regex(cursorPattern, invalid("param.cursorForm"))
      .transform((text) => {
        const [, version = "0", id = "0"] = cursorPattern.exec(text)!;
        return { version: Number(version), id: Number(id) };
      }),
  ).pipe(
    z.object(
      {
        version: z.number().max(largestCounter, invalid("param.cursorPastEnd")),
        id: z.number().max(largestCounter, invalid("param.cursorPastEnd")),
      },
      { error: invalid("param.cursorRequired") },
    ),
  ),
  limit: countParam("limit", 1, maxChangeLogLimit),
});

export const changeLogEntrySchema = z
  .object({
    cursor: z
      .string()
      .meta({ description: "Where this change is in the log: ask from here for what follows it" }),
    type: z.string().meta({ description: 'entity.action, as webhooks name it: "pledge.status_changed"' }),
    entity: z.enum(changeEntities),
    id: z.string(),
    action: z.enum(changeActions),
    occurredAt: z.string().meta({ description: "When the change was recorded (ISO 8601)" }),
    record: z.record(z.string(), z.unknown()).nullable().meta({
      description:
        "The record as it stands now, as its own endpoint shows it (a pledge as /api/v1/pledges/{id}); null when it no longer exists (a tombstone: delete it)",
    }),
  })
  .meta({ id: "ChangeLogEntry" });

export const changeLogResponse = z
  .object({
    data: z.array(changeLogEntrySchema),
    next: z.string().meta({ description: "The cursor to ask with next (the same when nothing came)" }),
    more: z.boolean().meta({ description: "True when more changes are already there to read" }),
  })
  .meta({ id: "ChangeLogResponse" });

export type ChangeLogEntry = z.input<typeof changeLogEntrySchema>;

const releaseFileSchema = z.object({
  name: z.string().meta({
    description: "pledges.csv, report.xlsx, datapackage.zip, dataset.json, summary.json or briefing.pdf",
  }),
  contentType: z.string(),
  size: z.number().int().meta({ description: "Bytes" }),
  sha256: z.string().meta({ description: "SHA-256 of the bytes, in hex: a copy can be checked against it" }),
  url: z.string().meta({ description: "Where it is, unchanged for as long as the release is" }),
});

const releaseHeader = {
  number: z.number().int(),
  title: z.string(),
  notes: z.string(),
  knownAt: z.string().meta({ description: "The moment (UTC) it freezes: every view of it is as known then" }),
  publishedBy: z.string(),
  links: z.object({
    page: z.string(),
    dashboard: z.string(),
    pledges: z.string(),
    api: z.string(),
  }),
  files: z.array(releaseFileSchema),
};

export const releaseListResponse = z
  .object({ data: z.array(z.object(releaseHeader)) })
  .meta({ id: "ReleaseList", description: "Every release, newest first" });

export const releaseResponse = z
  .object({
    data: z.object({
      ...releaseHeader,
      changes: changeBody
        .extend({
          previous: z.number().int().meta({ description: "The release compared against" }),
          moved: z.number().int().meta({
            description:
              "Pledges that moved, in all; `pledges` lists the 25 largest, without their events (ask /api/v1/changes for a period's events)",
          }),
        })
        .nullable()
        .meta({ description: "What moved since the release before, as known at each; null for the first" }),
      corrections: z
        .array(
          z.object({
            id: z.string(),
            title: z.string(),
            link: z.string(),
            recordedAt: z.string(),
            lines: z.array(z.string()),
            citations: z.array(quotedSchema),
          }),
        )
        .meta({
          description:
            "What was recorded after the release that changes a fact dated by its day (or deletes a pledge it held), newest first",
        }),
    }),
  })
  .meta({ id: "Release" });

export type ReleaseJson = z.input<typeof releaseResponse>["data"];
export type ReleaseHeaderJson = z.input<typeof releaseListResponse>["data"][number];
