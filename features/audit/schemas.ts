import { z } from "@/lib/zod";
import { datesInOrder, listPageSize, pageField } from "@/features/pledges/schemas";
import { oneOf } from "@/lib/form-fields";
import { isoDate, singleParam } from "@/lib/search-params";
import { invalid } from "@/lib/validation-message";

const auditedEntities = [
  "Pledge",
  "Condition",
  "Stakeholder",
  "Source",
  "Requirement",
  "CapacityReference",
  "ImportMapping",
  "Dataset",
  "User",
  "ApiToken",
  "WebhookEndpoint",
  "Setting",
] as const;

/** The audit trail's orders: when (newest first unless asked), who, and the kind of record. */
export const auditSortKeys = ["when", "who", "record"] as const;
export type AuditSortKey = (typeof auditSortKeys)[number];
export const auditFirstDirection: Record<AuditSortKey, "asc" | "desc"> = {
  when: "desc",
  who: "asc",
  record: "asc",
};

/** The audit trail's filters, from the page's address or the CSV export's. */
export const auditFiltersSchema = z
  .object({
    entity: singleParam(
      z.enum(auditedEntities, {
        error: (issue) =>
          invalid("param.notKindOfRecord", {
            value: String(issue.input),
            values: auditedEntities.join(", "),
          }),
      }),
    ),
    record: singleParam(
      z
        .string()
        .max(64, invalid("param.recordIdTooLong", { max: 64 }))
        .regex(/^[A-Za-z0-9_:-]+$/, invalid("param.recordIdForm")),
    ),
    actor: singleParam(
      z
        .string()
        .trim()
        .max(200, invalid("param.actorTooLong", { max: 200 })),
    ),
    from: singleParam(isoDate),
    to: singleParam(isoDate),
    page: pageField,
    sort: singleParam(oneOf(auditSortKeys, "column to sort by")),
    dir: singleParam(oneOf(["asc", "desc"] as const, "sort direction")),
    pageSize: listPageSize,
  })
  .check(datesInOrder);

export type AuditFilters = z.output<typeof auditFiltersSchema>;
export { auditedEntities };
