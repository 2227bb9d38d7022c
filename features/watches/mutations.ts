import "server-only";
import { invalid } from "@/lib/validation-message";
import { WriteError } from "@/lib/write-error";
import { db } from "@/server/db";
import type { WatchInput } from "./schemas";
import { findWatch, watchableExists } from "./queries";

// A user's own watches and inbox. Not facts about pledges: no ledger event, no audit entry, and the
// data version stays (the figures do not move).

/** How many watches a user may keep: the inbox reads each. */
const maxWatches = 100;

/** Watches a subject (again: the same watch, kept). */
export async function addWatch(userId: string, { subject, target }: WatchInput): Promise<{ id: string }> {
  if (!(await watchableExists(subject, target))) {
    throw new WriteError(
      "not-found",
      invalid("watchNothing", { what: subject === "filter" ? "record" : subject, id: target }),
    );
  }
  const existing = await findWatch(userId, subject, target);
  if (existing) return existing;
  if ((await db().watch.count({ where: { userId } })) >= maxWatches) {
    throw new WriteError("invalid", invalid("watchTooMany", { max: maxWatches }));
  }
  // An upsert: the same watch made at once from two tabs is still one.
  return db().watch.upsert({
    where: { userId_subject_target: { userId, subject, target } },
    create: { userId, subject, target },
    update: {},
    select: { id: true },
  });
}

/** Stops a watch of the user's own. */
export async function removeWatch(userId: string, id: string): Promise<void> {
  const { count } = await db().watch.deleteMany({ where: { id, userId } });
  if (count === 0) throw new WriteError("not-found", invalid("watchGone"));
}

/**
 * Marks read what was recorded up to `shownAt` (when the inbox was shown; never later than now, and
 * never moving the mark back).
 */
export async function markInboxRead(userId: string, shownAt: Date): Promise<Date> {
  const at = new Date(Math.min(shownAt.getTime(), Date.now()));
  await db().user.updateMany({
    where: { id: userId, OR: [{ inboxReadAt: null }, { inboxReadAt: { lt: at } }] },
    data: { inboxReadAt: at },
  });
  return at;
}
