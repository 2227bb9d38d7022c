import { NextResponse } from "next/server";
import { apiRoute, parseQuery } from "@/server/http";
import { today } from "@/server/ledger";
import { viewJson } from "@/lib/rules/report-view";
import { defaultMetric } from "@/features/figures/schemas";
import { changesJson, loadChangeEvents, loadChanges } from "@/features/changes";
import { changesPageSize, changesParams } from "@/features/changes/schemas";
import { readChangeLogPage } from "@/features/api";
import { changeLogParams } from "@/features/api/schemas";

/** Changes read from the log at a time, unless `limit` says otherwise. */
const changeLogPage = 100;

/**
 * What changed from the start of `since` to the end of `until` (today by default): the figures'
 * deltas, the conditions that moved and what they released, a page of the pledges that moved
 * (largest effect first) with each event's evidence, and the pledges deleted meanwhile.
 *
 * With `cursor`, the change log instead (the incremental sync): the changes after the cursor in the
 * order they were committed, each with its record as it stands (null once gone), and the next cursor.
 */
export const GET = apiRoute("read", async (request: Request) => {
  if (new URL(request.url).searchParams.has("cursor")) {
    const { cursor, limit = changeLogPage } = parseQuery(changeLogParams, request);
    return NextResponse.json(await readChangeLogPage(cursor, limit));
  }
  const {
    since,
    until = today(),
    knownAt,
    metric = defaultMetric,
    page = 1,
    pageSize = changesPageSize,
    ...selection
  } = parseQuery(changesParams, request);
  const changes = await loadChanges({ since, until, knownAt, metric, selection });
  const shown = changes.pledges.slice((page - 1) * pageSize, page * pageSize);
  const events = await loadChangeEvents(
    changes,
    shown.map((change) => change.id),
  );
  return NextResponse.json({
    data: changesJson(changes, { pledges: shown, ...events }),
    total: changes.pledges.length,
    page,
    pageSize,
    view: viewJson({ metric, time: { asOf: until, knownAt }, selection }),
  });
});
