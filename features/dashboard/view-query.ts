import { defaultMetric } from "@/features/figures/schemas";
import { isoDay } from "@/lib/format";
import { instantParam, type ViewTime } from "@/lib/view-time";

/**
 * A view's query string, as the exports and the dashboard read it. `pinned` names the unit always
 * and fixes "as known at" (to the moment given when the view has none), so that the address shows
 * the same figures however the data or the opening unit change later: what a citation needs.
 */
export function viewQuery(
  view: { metric: string; assume: readonly string[]; time: ViewTime },
  pinned?: { at: Date },
): string {
  const query = new URLSearchParams();
  if (pinned || view.metric !== defaultMetric) query.set("metric", view.metric);
  for (const slug of view.assume) query.append("assume", slug);
  if (view.time.asOf) query.set("asOf", isoDay(view.time.asOf));
  const knownAt = view.time.knownAt ?? pinned?.at;
  if (knownAt) query.set("knownAt", instantParam(knownAt));
  return query.toString();
}
