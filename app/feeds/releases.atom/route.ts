import { atomFeed } from "@/features/changes";
import { noParams } from "@/features/api/schemas";
import { listReleases, releaseLinks } from "@/features/releases";
import { formatDateTime } from "@/lib/format";
import { publicOrigin } from "@/server/env";
import { apiRoute, feedTokenRoute, parseQuery } from "@/server/http";

/** Every release as Atom 1.0, newest first: its title, notes, moment, and its files' addresses. */
const answer = apiRoute("read", async (request: Request) => {
  parseQuery(noParams, request);
  const origin = publicOrigin() ?? new URL(request.url).origin;
  const releases = await listReleases();
  const xml = atomFeed(
    { title: "Pledgewatch releases", self: `${origin}/feeds/releases.atom`, page: `${origin}/releases` },
    releases.map((release) => {
      const links = releaseLinks(release);
      return {
        id: `urn:pledgewatch:release:${release.number}`,
        title: `Release ${release.number}: ${release.title}`,
        link: origin + links.page,
        recordedAt: release.knownAt,
        lines: [
          ...(release.notes ? [release.notes] : []),
          `What the tracker knew at ${formatDateTime(release.knownAt)}, published by ${release.publishedBy}.`,
          ...release.files.map((file) => `${origin}${links.file(file.name)} (SHA-256 ${file.sha256})`),
        ],
        citations: [],
      };
    }),
    origin,
  );
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
});

export const GET = feedTokenRoute(answer);
