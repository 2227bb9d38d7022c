import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { getPledgeItem } from "@/features/pledges/queries";
import { statusChangeOrder } from "@/server/selects";
import { isoDay } from "@/lib/format";
import { pledgeJson } from "./json";
import type { PledgeDetailJson } from "./schemas";

// What the API's record routes read, shaped as they answer it.

// Only what the answer shows: a write's answer reads its pledge back through here, and each query
// Prisma runs costs the server's thread (the pledge page's whole read is some fifteen).
const quoted = {
  select: { quote: true, source: { select: { id: true, title: true, url: true } } },
} satisfies { select: Prisma.CitationSelect };

const pledgeEvidence = (id: string) =>
  db().pledge.findFirst({
    where: { id, deletedAt: null },
    select: {
      citations: { ...quoted, orderBy: { id: "asc" } },
      statusChanges: {
        select: {
          occurredAt: true,
          fromPledgeStatus: true,
          toPledgeStatus: true,
          note: true,
          recordedBy: true,
          citations: { ...quoted, orderBy: { id: "asc" } },
        },
        orderBy: statusChangeOrder,
      },
    },
  });

/** One pledge as the API shows it, with its evidence and history; null when there is none. */
export async function getPledgeJson(id: string): Promise<PledgeDetailJson | null> {
  const [item, evidence] = await Promise.all([getPledgeItem(id), pledgeEvidence(id)]);
  if (!item || !evidence) return null;
  return {
    ...pledgeJson(item),
    citations: evidence.citations,
    history: evidence.statusChanges.map((change) => ({
      occurredAt: change.occurredAt.toISOString(),
      from: change.fromPledgeStatus,
      to: change.toPledgeStatus,
      note: change.note,
      recordedBy: change.recordedBy,
      citations: change.citations,
    })),
  };
}

export async function listConditionRecords() {
  const conditions = await db().condition.findMany({
    orderBy: { title: "asc" },
    include: { dependsOn: { select: { slug: true } }, _count: { select: { pledges: true } } },
  });
  return conditions.map((c) => ({
    id: c.id,
    slug: c.slug,
    title: c.title,
    description: c.description,
    status: c.status,
    statusDate: isoDay(c.statusDate),
    dependsOn: c.dependsOn?.slug ?? null,
    pledges: c._count.pledges,
  }));
}

export async function listStakeholderRecords() {
  const stakeholders = await db().stakeholder.findMany({
    orderBy: { name: "asc" },
    include: { _count: { select: { pledges: true } } },
  });
  return stakeholders.map((s) => ({
    id: s.id,
    slug: s.slug,
    name: s.name,
    kind: s.kind,
    countryCode: s.countryCode,
    pledges: s._count.pledges,
  }));
}

export async function listSourceRecords() {
  const sources = await db().source.findMany({ orderBy: { title: "asc" } });
  return sources.map((s) => ({
    id: s.id,
    slug: s.slug,
    title: s.title,
    publisher: s.publisher,
    publishedOn: s.publishedOn ? isoDay(s.publishedOn) : null,
    url: s.url,
    fileName: s.fileName,
  }));
}
