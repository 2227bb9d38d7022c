import "server-only";
import { Prisma } from "@/generated/prisma/client";

// The totals' journal (FigureDelta in prisma/schema.prisma) in SQL: its groups' keys and sums, for
// reading it (queries.ts) and summing it up (mutations.ts).

/** The columns a journal row's group is known by. */
export const journalKeyColumns = Prisma.sql`"kind", "stakeholderId", "unit", "category", "status", "qualifier", "blockedBy"`;

/** Each group's sums, as the columns are typed, named as the columns are. */
export const journalSums = Prisma.sql`CAST(SUM("count") AS INTEGER) AS "count", CAST(SUM("low") AS BIGINT) AS "low",
  CAST(SUM("high") AS BIGINT) AS "high", CAST(SUM("delivered") AS BIGINT) AS "delivered",
  CAST(SUM("deliveredAbove") AS INTEGER) AS "deliveredAbove"`;

/**
 * A group some pledge is in: one every pledge has left has nothing to keep (every sum is then 0, each
 * having been added and taken away). The groups a server holds apply the same test as rows come in
 * (isEmptyGroup in queries.ts).
 */
export const journalGroupNotEmpty = Prisma.sql`SUM("count") <> 0 OR SUM("low") <> 0 OR SUM("high") <> 0 OR SUM("delivered") <> 0
  OR SUM("deliveredAbove") <> 0`;
