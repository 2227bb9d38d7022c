import { viewQuery } from "@/features/dashboard";
import { defaultMetric } from "@/features/figures/schemas";
import { everyPledge } from "@/features/pledges/selection-sql";

/** A release's addresses, each stable: its page, its views in the app, its files, its API. */
export function releaseLinks(release: { number: number; knownAt: Date }) {
  const query = viewQuery(
    { metric: defaultMetric, assume: everyPledge.assume, time: { knownAt: release.knownAt } },
    { at: release.knownAt },
  );
  const base = `/releases/${release.number}`;
  return {
    page: base,
    dashboard: `${base}/dashboard`,
    pledges: `${base}/pledges`,
    api: `/api/v1/releases/${release.number}`,
    file: (name: string) => `${base}/exports/${name}`,
    /** Where its dashboard and pledge list lead: the same views, as known at its moment. */
    views: { dashboard: `/dashboard?${query}`, pledges: `/pledges?${query}` },
  };
}
