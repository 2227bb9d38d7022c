import "server-only";
import type { Locale } from "@/i18n/locales";
// Named releases: what the tracker knew at a moment, published under a number so that outsiders can
// cite it. Its files are stored as written then (release-files.ts); its changes since the release
// before and its corrections are read from the ledger, as every view of a past moment is.
import { changeLines, kindCounts, loadCorrections, loadLearntSince } from "@/features/changes";
import { defaultMetric } from "@/features/figures/schemas";
import { everyPledge } from "@/features/pledges/selection-sql";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/server/access";
import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import { readRelease, readReleaseFileChunks, readReleaseTime } from "./queries";
import { releaseLinks } from "./links";
import { correctionsShown, releaseNumber } from "./schemas";

export { listReleases, readReleaseFile, type ReleaseRow } from "./queries";

/** A release file's bytes as they were written: its stored pieces read in turn and uncompressed. */
export function openReleaseFile(file: { releaseId: string; name: string }): Readable {
  const bytes = createGunzip();
  pipeline(Readable.from(readReleaseFileChunks(file)), bytes, (error) => {
    // Headers are gone by then: the reader sees a truncated download, the log says why (a reader
    // who went away is no failure).
    if (error && (error as NodeJS.ErrnoException).code !== "ERR_STREAM_PREMATURE_CLOSE")
      console.error(`Reading release file ${file.name} failed`, error);
  });
  return bytes;
}
export { releaseLinks } from "./links";
export { releaseHeaderJson, releaseJson } from "./json";

/**
 * Where a release's dashboard or pledge list leads (after the reader's right to read is checked):
 * the view as known at its moment. A release that is not there is "not found".
 */
export async function releaseViewAddress(number: string, view: "dashboard" | "pledges") {
  await requirePagePermission("read", `/releases/${number}/${view}`);
  const parsed = releaseNumber.safeParse(number);
  const release = parsed.success ? await readReleaseTime(parsed.data) : null;
  if (!release) notFound();
  return releaseLinks(release).views[view];
}

/** How many of the pledges that moved since the release before its page names, largest first. */
const shownPledges = 25;

/**
 * A release, its changes since the one before (the figures, conditions, and the pledges that moved,
 * largest first), and what was recorded after it that corrects it. Null when there is no such release.
 */
export async function loadReleasePage(number: number, locale: Locale = "en") {
  const found = await readRelease(number);
  if (!found) return null;
  const { release, previous } = found;
  const [changes, corrections] = await Promise.all([
    previous ? loadLearntSince(previous.knownAt, defaultMetric, everyPledge, release.knownAt) : null,
    loadCorrections(release.knownAt, correctionsShown, locale),
  ]);
  const listed = changes ? changes.pledges.slice(0, shownPledges) : [];
  const changelog = changes && {
    ...changeLines(changes, { pledges: listed, byPledge: new Map(), byCondition: new Map() }, locale),
    listed,
    moved: changes.pledges.length,
    kinds: kindCounts(changes.pledges, locale),
  };
  return { release, previous, changes, changelog, corrections };
}

export type ReleasePage = NonNullable<Awaited<ReturnType<typeof loadReleasePage>>>;
