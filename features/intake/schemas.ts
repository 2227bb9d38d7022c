// What an analyst sends intake: a source (pasted text or a file, with what is known of it) and a
// decision on a suggestion. The record a decision writes is checked by the editing schemas
// (features/editing/schemas.ts), the same as every other way of writing it.
import { z } from "@/lib/zod";
import { oneOf, optionalText, recordId, text, webAddressSchema } from "@/lib/form-fields";
import { figureUses, suggestionKinds } from "@/lib/rules/intake/suggestions";
import { pledgeStatuses, stakeholderKinds, stakeholderRoles } from "@/lib/rules/vocabulary";
import { isoDate } from "@/lib/search-params";

const optionalDate = (what: string) =>
  z.preprocess((value) => (value === "" ? null : value), isoDate.nullable().optional().describe(what));

/** What is known of a source besides its text: confirmed (or typed) by the analyst, suggested by the document. */
export const intakeDetailsSchema = z
  .object({
    title: optionalText("title", 300),
    publisher: optionalText("publisher", 200),
    url: z.preprocess(
      (value) => (value === "" ? null : value),
      webAddressSchema("URL").nullable().optional(),
    ),
    publishedOn: optionalDate("publication date"),
    fileName: optionalText("file name", 255),
  })
  .strict();
export type IntakeDetails = z.output<typeof intakeDetailsSchema>;

/** A stakeholder a decision links that the tracker does not hold yet: created with the decision. */
const newStakeholderSchema = z.object({
  name: text("stakeholder name", 200),
  kind: oneOf(stakeholderKinds, "stakeholder kind"),
  countryCode: z.preprocess(
    (value) => (value === "" ? null : typeof value === "string" ? value.toUpperCase() : value),
    z
      .string()
      .regex(/^[A-Z]{2}$/, "country code is two letters")
      .nullable()
      .optional(),
  ),
  role: oneOf(stakeholderRoles, "role"),
});

/**
 * A decision on one suggestion. Rejecting needs only the suggestion and the version the page showed;
 * accepting says what to write: a new record (`fields`, checked by the editing schema of its kind)
 * or evidence for one that exists (`existingId`).
 */
export const decisionSchema = z.discriminatedUnion("action", [
  z
    .object({
      action: z.literal("reject"),
      suggestionId: recordId("suggestion"),
      version: z.coerce.number().int().min(1),
    })
    .strict(),
  z
    .object({
      action: z.literal("accept"),
      suggestionId: recordId("suggestion"),
      version: z.coerce.number().int().min(1),
      kind: oneOf(suggestionKinds, "kind of suggestion"),
      target: z.enum(["new", "existing"]).default("new"),
      existingId: z.preprocess(
        (value) => (value === "" ? null : value),
        recordId("record").nullable().optional(),
      ),
      /** A figure is kept as a requirement, a capacity reference, or the quantity of a tracked pledge (`existingId`). */
      figureAs: z.enum(figureUses).optional(),
      /** For evidence of a pledge that exists: the status the quote supports, to record with it; "none" to only cite. */
      recordStatus: z.preprocess(
        (value) => (value === "" ? null : value),
        z
          .enum([...pledgeStatuses, "none"])
          .nullable()
          .optional(),
      ),
      /** A refusal or reservation: the words recorded as each stakeholder's stance. */
      stance: optionalText("stance", 1000),
      stakeholders: z
        .array(z.object({ stakeholderId: recordId("stakeholder"), role: oneOf(stakeholderRoles, "role") }))
        .max(100)
        .default([]),
      newStakeholders: z.array(newStakeholderSchema).max(50).default([]),
      /** The record's own fields, as its form would send them. */
      fields: z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({}),
    })
    .strict(),
]);
export type Decision = z.output<typeof decisionSchema>;

/** Taking back a rejection: the suggestion and the version the page showed. */
export const reopenSchema = z
  .object({ suggestionId: recordId("suggestion"), version: z.coerce.number().int().min(1) })
  .strict();
export type Reopening = z.output<typeof reopenSchema>;
export type Acceptance = Extract<Decision, { action: "accept" }>;
