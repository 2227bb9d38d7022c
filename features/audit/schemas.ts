import { z } from "zod";
import { datesInOrder, pageField } from "@/features/pledges/schemas";
import { isoDate, singleParam } from "@/lib/search-params";

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
] as const;

/** The audit trail's filters, from the page's address or the CSV export's. */
export const auditFiltersSchema = z
  .object({
    entity: singleParam(
      z.enum(auditedEntities, {
        error: (issue) =>
          `"${String(issue.input)}" is not a kind of record; use one of: ${auditedEntities.join(", ")}`,
      }),
    ),
    record: singleParam(
      z
        .string()
        .max(64, "a record id is at most 64 characters")
        .regex(/^[A-Za-z0-9_:-]+$/, "a record id is letters, digits, hyphens and underscores"),
    ),
    actor: singleParam(z.string().trim().max(200, "a person's name is at most 200 characters")),
    from: singleParam(isoDate),
    to: singleParam(isoDate),
    page: pageField,
  })
  .check(datesInOrder);

export type AuditFilters = z.output<typeof auditFiltersSchema>;
export { auditedEntities };
