import "server-only";
import type { Prisma } from "@/generated/prisma/client";

// Shapes read by more than one feature, so that what a component receives is the same everywhere.

/** What is shown of a source wherever it is named: its title, publisher, date and address. */
export const sourceSelect = {
  id: true,
  slug: true,
  title: true,
  publisher: true,
  publishedOn: true,
  url: true,
  fileName: true,
} satisfies Prisma.SourceSelect;

/** A quote with the source it comes from (what `SourceQuote` shows). */
export const citationSelect = {
  id: true,
  quote: true,
  source: { select: sourceSelect },
} satisfies Prisma.CitationSelect;

/** One status-history entry with its evidence (what `StatusChangeItem` shows). */
export const statusChangeSelect = {
  id: true,
  occurredAt: true,
  note: true,
  recordedBy: true,
  fromPledgeStatus: true,
  toPledgeStatus: true,
  fromConditionStatus: true,
  toConditionStatus: true,
  citations: { select: citationSelect, orderBy: { id: "asc" } },
} satisfies Prisma.StatusChangeSelect;

/** Newest first; among changes at the same instant, the one recorded last first. */
export const statusChangeOrder = [
  { occurredAt: "desc" },
  { createdAt: "desc" },
] satisfies Prisma.StatusChangeOrderByWithRelationInput[];
