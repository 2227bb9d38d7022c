import "server-only";
import type { WatchSubject } from "@/generated/prisma/client";
import { db } from "@/server/db";

// What a user watches and when they last marked their inbox read; the records watched, by id.

/** A user's watches, oldest first, and when they last marked their inbox read (null: never). */
export async function readWatches(userId: string) {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      inboxReadAt: true,
      watches: {
        select: { id: true, subject: true, target: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  return { readAt: user?.inboxReadAt ?? null, watches: user?.watches ?? [] };
}

export type Watch = Awaited<ReturnType<typeof readWatches>>["watches"][number];

/** The user's watch of this subject, if any. */
export async function findWatch(userId: string, subject: WatchSubject, target: string) {
  return db().watch.findUnique({
    where: { userId_subject_target: { userId, subject, target } },
    select: { id: true },
  });
}

/** The pledges, conditions and stakeholders watches name, by id (a deleted pledge too). */
export async function readWatchedRecords(ids: {
  pledge: string[];
  condition: string[];
  stakeholder: string[];
}) {
  const [pledges, conditions, stakeholders] = await Promise.all([
    ids.pledge.length
      ? db().pledge.findMany({
          where: { id: { in: ids.pledge } },
          select: { id: true, title: true, deletedAt: true },
        })
      : [],
    ids.condition.length
      ? db().condition.findMany({
          where: { id: { in: ids.condition } },
          select: { id: true, slug: true, title: true },
        })
      : [],
    ids.stakeholder.length
      ? db().stakeholder.findMany({
          where: { id: { in: ids.stakeholder } },
          select: { id: true, slug: true, name: true },
        })
      : [],
  ]);
  return { pledges, conditions, stakeholders };
}

/** Whether the record a watch would follow exists (a pledge: and is not deleted). */
export async function watchableExists(subject: WatchSubject, target: string): Promise<boolean> {
  if (subject === "filter") return true;
  const where = { where: { id: target }, select: { id: true } } as const;
  if (subject === "pledge")
    return (
      (await db().pledge.findFirst({ where: { id: target, deletedAt: null }, select: { id: true } })) !== null
    );
  if (subject === "condition") return (await db().condition.findUnique(where)) !== null;
  return (await db().stakeholder.findUnique(where)) !== null;
}
