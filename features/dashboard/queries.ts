import "server-only";
import { db } from "@/server/db";
import { statusChangeOrder, statusChangeSelect } from "@/server/selects";
import { endOfDay } from "@/lib/format";
import type { ViewTime } from "@/lib/view-time";

/** The latest status changes up to the view time, pledges and conditions together. */
export async function listTimeline(time: ViewTime, take = 10) {
  const before = time.asOf ? endOfDay(time.asOf) : undefined;
  return db().statusChange.findMany({
    where: {
      ...(before ? { occurredAt: { lt: before } } : {}),
      ...(time.knownAt ? { createdAt: { lte: time.knownAt } } : {}),
    },
    orderBy: statusChangeOrder,
    take,
    select: {
      ...statusChangeSelect,
      pledge: { select: { id: true, title: true } },
      condition: { select: { id: true, title: true } },
    },
  });
}
