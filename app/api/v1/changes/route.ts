import { NextResponse } from "next/server";
import { apiRoute, parseQuery } from "@/server/http";
import { today } from "@/server/ledger";
import { viewJson } from "@/lib/rules/report-view";
import { defaultMetric } from "@/features/figures/schemas";
import { changesJson, loadChangeEvents, loadChanges } from "@/features/changes";
import { changesPageSize, changesParams } from "@/features/changes/schemas";

/**
 * What changed from the start of `since` to the end of `until` (today by default): the figures'
 * deltas, the conditions that moved and what they released, a page of the pledges that moved
 * (largest effect first) with each event's evidence, and the pledges deleted meanwhile.
 */
export const GET = apiRoute("read", async (request: Request) => {
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
