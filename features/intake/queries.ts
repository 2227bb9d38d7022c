import "server-only";
import type { KnownRecords, Suggestion } from "@/lib/rules/intake/suggestions";
import { db, readingDb } from "@/server/db";
import { sourceSelect } from "@/server/selects";

// Reads for intake: what the tracker holds (for the extractors to match against), the sources taken
// in, and one source's text with its suggestions and what was decided about them.

/** The stakeholders, live pledges and conditions the tracker holds, as the extractors match them. */
export async function getKnownRecords(): Promise<KnownRecords> {
  const [stakeholders, pledges, conditions] = await Promise.all([
    readingDb().stakeholder.findMany({ select: { id: true, name: true, kind: true, countryCode: true } }),
    readingDb().pledge.findMany({
      where: { deletedAt: null },
      select: {
        id: true,
        title: true,
        category: true,
        status: true,
        stakeholders: { where: { role: { in: ["pledger", "lead"] } }, select: { stakeholderId: true } },
      },
    }),
    readingDb().condition.findMany({ select: { id: true, title: true, description: true } }),
  ]);
  return {
    stakeholders,
    pledges: pledges.map(({ stakeholders: links, ...pledge }) => ({
      ...pledge,
      stakeholderIds: links.map((link) => link.stakeholderId),
    })),
    conditions,
  };
}

/** The source that already has this text (by its SHA-256), if any. */
export function findSourceByText(sha256: string) {
  return db().sourceText.findFirst({ where: { sha256 }, select: { sourceId: true } });
}

/** Sources taken in through intake, newest first, with how many suggestions wait and how many were decided. */
export async function listIntakeSources(limit = 50) {
  const texts = await readingDb().sourceText.findMany({
    select: {
      sourceId: true,
      mediaType: true,
      byteSize: true,
      createdAt: true,
      source: { select: { title: true, publisher: true, publishedOn: true } },
    },
    orderBy: [{ createdAt: "desc" }, { sourceId: "asc" }],
    take: limit,
  });
  const counts = await readingDb().intakeSuggestion.groupBy({
    by: ["sourceId", "state"],
    where: { sourceId: { in: texts.map((text) => text.sourceId) } },
    _count: { _all: true },
  });
  const countOf = (sourceId: string, state: string) =>
    counts.find((count) => count.sourceId === sourceId && count.state === state)?._count._all ?? 0;
  return texts.map((text) => ({
    ...text,
    pending: countOf(text.sourceId, "pending"),
    accepted: countOf(text.sourceId, "accepted"),
    rejected: countOf(text.sourceId, "rejected"),
  }));
}

export type IntakeSourceRow = Awaited<ReturnType<typeof listIntakeSources>>[number];

/** One source taken in: its details, its text, and its suggestions in the order of the text. */
export async function getIntakeSource(sourceId: string) {
  const source = await db().source.findFirst({
    where: { id: sourceId },
    select: {
      ...sourceSelect,
      text: { select: { text: true, mediaType: true, byteSize: true, sha256: true, createdAt: true } },
      suggestions: {
        select: {
          id: true,
          extractor: true,
          kind: true,
          state: true,
          version: true,
          quoteStart: true,
          quoteEnd: true,
          body: true,
          recordType: true,
          recordId: true,
          decidedAt: true,
          decidedBy: { select: { name: true } },
        },
        orderBy: [{ quoteStart: "asc" }, { kind: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!source?.text) return null;
  const { text, suggestions, ...details } = source;
  return {
    source: details,
    text,
    suggestions: suggestions.map(({ body, decidedBy, ...row }) => ({
      ...row,
      decidedBy: decidedBy?.name ?? null,
      suggestion: JSON.parse(body) as Suggestion,
    })),
  };
}

export type IntakeSource = NonNullable<Awaited<ReturnType<typeof getIntakeSource>>>;
export type StoredSuggestion = IntakeSource["suggestions"][number];

/** The choices a decision offers: stakeholders, live pledges and conditions, by name. */
export async function getDecisionChoices() {
  const [stakeholders, pledges, conditions] = await Promise.all([
    readingDb().stakeholder.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    readingDb().pledge.findMany({
      where: { deletedAt: null },
      select: { id: true, title: true },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      take: 2000,
    }),
    readingDb().condition.findMany({ select: { id: true, title: true }, orderBy: { title: "asc" } }),
  ]);
  return { stakeholders, pledges, conditions };
}

export type DecisionChoices = Awaited<ReturnType<typeof getDecisionChoices>>;
