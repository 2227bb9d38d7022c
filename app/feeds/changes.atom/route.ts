import { apiRoute, feedTokenRoute, noSuchPledge, parseQuery } from "@/server/http";
import { publicOrigin } from "@/server/env";
import { loadChangesFeed } from "@/features/changes";
import { feedParams } from "@/features/changes/schemas";
import { getPledgeItem } from "@/features/pledges/queries";

/**
 * What the tracker learnt, as Atom 1.0: the latest 50 events about the pledges the list's filters
 * pick (the whole tracker without any), or about one pledge (`pledge`), each with its evidence.
 */
const answer = apiRoute("read", async (request: Request) => {
  const { pledge, ...selection } = parseQuery(feedParams, request);
  const url = new URL(request.url);
  // Addresses in the feed are the site's own, as a reader elsewhere follows them.
  const origin = publicOrigin() ?? url.origin;
  const query = url.search;
  let title = "Pledgewatch: what changed";
  let page = `${origin}/changes${query}`;
  if (pledge) {
    const item = await getPledgeItem(pledge);
    if (!item) throw noSuchPledge(pledge);
    title = `Pledgewatch: ${item.title}`;
    page = `${origin}/pledges/${pledge}`;
  } else if (query) {
    title = "Pledgewatch: what changed in the pledges these filters pick";
    page = `${origin}/pledges${query}`;
  }
  const xml = await loadChangesFeed(
    pledge ? { pledgeId: pledge } : { selection: { ...selection, assume: [] } },
    { title, self: `${origin}/feeds/changes.atom${query}`, page },
    origin,
  );
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
});

/** With a personal feed address's read token (feedTokenRoute). */
export const GET = feedTokenRoute(answer);
