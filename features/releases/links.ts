import { viewQuery } from "@/features/dashboard";
import { defaultMetric, type FigureView } from "@/features/figures/schemas";
import { everyPledge } from "@/features/pledges/selection-sql";

/** The view a release freezes: every pledge, in the default unit, as known at its moment. */
export const releaseView = (knownAt: Date): FigureView => ({
  metric: defaultMetric,
  time: { knownAt },
  selection: everyPledge,
});

/** The query string of that view, its moment and unit named (viewQuery's pinned form). */
export const releaseQuery = (knownAt: Date) =>
  viewQuery({ ...releaseView(knownAt), assume: everyPledge.assume }, { at: knownAt });

/** A release's addresses, each stable: its page, its views in the app, its files, its API. */
export function releaseLinks(release: { number: number; knownAt: Date }) {
  const query = releaseQuery(release.knownAt);
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
