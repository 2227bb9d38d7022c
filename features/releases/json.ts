// Releases as the API writes them: addresses absolute, dates as ISO text, files with their checksums.
import { changeBodyJson, citationsJson } from "@/features/changes";
import type { ReleaseHeaderJson, ReleaseJson } from "@/features/api/schemas";
import type { ReleaseRow } from "./queries";
import type { ReleasePage } from "./index";
import { releaseLinks } from "./links";

/** A release and its files, addresses at `origin`. */
export function releaseHeaderJson(release: ReleaseRow, origin: string): ReleaseHeaderJson {
  const links = releaseLinks(release);
  return {
    number: release.number,
    title: release.title,
    notes: release.notes,
    knownAt: release.knownAt.toISOString(),
    publishedBy: release.publishedBy,
    links: {
      page: origin + links.page,
      dashboard: origin + links.dashboard,
      pledges: origin + links.pledges,
      api: origin + links.api,
    },
    files: release.files.map((file) => ({ ...file, url: origin + links.file(file.name) })),
  };
}

/** A release with its changes since the one before and its corrections, addresses at `origin`. */
export function releaseJson(page: ReleasePage, origin: string): ReleaseJson {
  const { release, previous, changes, changelog, corrections } = page;
  return {
    ...releaseHeaderJson(release, origin),
    changes:
      previous && changes && changelog
        ? {
            previous: previous.number,
            moved: changelog.moved,
            ...changeBodyJson(changes, {
              pledges: changelog.listed,
              byPledge: new Map(),
              byCondition: new Map(),
            }),
          }
        : null,
    corrections: corrections.map((entry) => ({
      id: entry.id,
      title: entry.title,
      link: origin + entry.link,
      recordedAt: entry.recordedAt.toISOString(),
      lines: entry.lines,
      citations: citationsJson(entry.citations),
    })),
  };
}
