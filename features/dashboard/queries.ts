import "server-only";
import { freshEnough, keptFresh } from "@/server/data-version";
import { readingDb } from "@/server/db";
import { statusChangeOrder, statusChangeSelect } from "@/server/selects";
import { eventWithinWhere } from "@/features/pledges/selection-sql";
import { viewTimeKey, type ViewTime } from "@/lib/view-time";

/** The latest status changes up to the view time, pledges and conditions together. */
async function readTimeline(time: ViewTime, take: number) {
  return readingDb().statusChange.findMany({
    where: eventWithinWhere(time),
    orderBy: statusChangeOrder,
    take,
    select: {
      ...statusChangeSelect,
      pledge: { select: { id: true, title: true } },
      condition: { select: { id: true, title: true } },
    },
  });
}

export type Timeline = Awaited<ReturnType<typeof readTimeline>>;

// Kept fresh enough, as the figures are: the dashboard under load then asks the database for its
// timeline once per burst of writes, not once per request.
const timelines = freshEnough<Timeline>(32);

export async function listTimeline(time: ViewTime, take = 10): Promise<Timeline> {
  return keptFresh(timelines, `${viewTimeKey(time)}#${take}`, () => readTimeline(time, take));
}
