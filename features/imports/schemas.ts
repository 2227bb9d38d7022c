// What the import's callers send: a mapping (columns and values), its saved name, and the options of
// an upload. Validated here for the web route and the command line alike.
import { z } from "@/lib/zod";
import { stakeholderKinds } from "@/lib/rules/vocabulary";
import { invalid } from "@/lib/validation-message";
import { importFields, valueMappedFields } from "./fields";

const header = z.string().max(200, "a column header is at most 200 characters");
const field = z.enum(importFields, { error: (i) => `"${String(i.input)}" is not a pledge field` });

export const savedMappingSchema = z
  .object({
    columns: z
      .record(header, field)
      .refine((columns) => Object.keys(columns).length <= 100, "at most 100 mapped columns"),
    values: z
      .partialRecord(
        z.enum(valueMappedFields, {
          error: (i) => `values can be mapped for ${valueMappedFields.join(", ")}, not "${String(i.input)}"`,
        }),
        z
          .record(z.string().max(200), z.string().max(40))
          .refine((v) => Object.keys(v).length <= 200, "at most 200 mapped values"),
      )
      .default({}),
    /** Fields made of several columns' text and the row number: `{ "title": "{Donor} {Date}" }`. */
    composed: z
      .partialRecord(field, z.string().trim().min(1, "a composed field needs a template").max(300))
      .default({}),
    /** Values for fields the file leaves out or blank: `{ "quantityUnit": "EUR" }`. */
    defaults: z
      .partialRecord(field, z.string().trim().min(1, "a default needs a value").max(300))
      .default({}),
    /** Amounts with more decimals than their unit keeps are rounded (and counted) instead of refused. */
    round: z.boolean().default(false),
    /**
     * A negative amount corrects the latest earlier pledge of the same stakeholders, category and
     * unit in the file (lowering it from the correction's date) instead of being refused.
     */
    corrections: z.boolean().default(false),
    /** The kind of each stakeholder the file names that Pledgewatch does not know yet, where not inferred. */
    stakeholderKinds: z
      .record(
        z.string().max(200),
        z.enum(stakeholderKinds, {
          error: (i) => `"${String(i.input)}" is not a kind of stakeholder: ${stakeholderKinds.join(", ")}`,
        }),
      )
      .refine((kinds) => Object.keys(kinds).length <= 2000, "at most 2,000 stakeholder kinds")
      .default({}),
  })
  .strict();
export type SavedMapping = z.output<typeof savedMappingSchema>;

export const mappingName = z
  .string({ error: invalid("row.nameTheMapping") })
  .trim()
  .min(1, invalid("row.nameTheMapping"))
  .max(100, invalid("row.mappingNameTooLong", { max: 100 }));

export const saveMappingSchema = z.object({ name: mappingName, mapping: savedMappingSchema }).strict();

/** A mapping sent as JSON text in a query string or form field. */
const mappingJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'mapping must be JSON: {"columns": {…}, "values": {…}}' });
      return z.NEVER;
    }
  })
  .pipe(savedMappingSchema);

/** The query of `POST /api/v1/imports`: the file comes as the request body. */
export const importRequestSchema = z
  .object({
    fileName: z
      .string({ error: "fileName is required" })
      .trim()
      .min(1, "fileName is required")
      .max(255, "fileName is at most 255 characters")
      .regex(/^[^/\\\u0000-\u001f]+$/, "fileName is a file's name, without folders"),
    mode: z.enum(["preview", "commit"], { error: "mode is preview or commit" }).default("preview"),
    mapping: mappingJson.optional(),
    mappingName: mappingName.optional(),
    /** Import the valid rows and leave out the invalid ones, rather than nothing. */
    skipInvalid: z.stringbool({ error: "skipInvalid is true or false" }).default(false),
    /** Record the pledges of the release this file updates that it no longer has as withdrawn. */
    withdrawMissing: z.stringbool({ error: "withdrawMissing is true or false" }).default(false),
    /** The preview's digest: the commit goes ahead only if the plan is still the one previewed. */
    expect: z
      .string()
      .regex(/^[0-9a-f]{64}$/, "expect is the preview's digest")
      .optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.mapping && value.mappingName) {
      ctx.addIssue({
        code: "custom",
        path: ["mapping"],
        message: "send a mapping or a mappingName, not both",
      });
    }
    if (value.mode === "commit" && !value.expect) {
      ctx.addIssue({
        code: "custom",
        path: ["expect"],
        message: "a commit needs the digest of the preview it confirms",
      });
    }
  });
export type ImportRequest = z.output<typeof importRequestSchema>;

/** A mapping of these columns and nothing else. */
export const mappingOfColumns = (columns: SavedMapping["columns"]): SavedMapping =>
  savedMappingSchema.parse({ columns });
