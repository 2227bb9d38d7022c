import "server-only";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
// The inbox: for each thing a user watches, what was recorded about it since they last marked their
// inbox read (or since they started watching it), with what it did to the figures and what it
// released: the present as known now against the present as it was known then.
import {
  changeLines,
  loadLearntSince,
  loadRecordedSince,
  recordedSinceKeys,
  type ChangeLines,
  type FeedSubject,
  type LearntChanges,
  type RecordedEntry,
} from "@/features/changes";
import { feedLength } from "@/features/changes/schemas";
import { defaultMetric } from "@/features/figures/schemas";
import { everyPledge, type PledgeSelection } from "@/features/pledges/selection-sql";
import { loadViewNames } from "@/features/reports/queries";
import { filterLines } from "@/lib/rules/report-view";
import { freshEnough, keptFresh } from "@/server/data-version";
import { filterSelection } from "./schemas";
import { readWatchedRecords, readWatches, type Watch } from "./queries";

/** How many unread events a watch shows, as a feed holds, and the most the header counts of each. */
const shownPerWatch = feedLength;

/** A watch as the inbox names it: what it follows, where that is, its feed, and what it reads. */
export interface WatchedSubject {
  watch: Watch;
  label: string;
  href: string;
  feed: string;
  /** Gone: a deleted pledge, a removed condition or stakeholder (its watch can only be stopped). */
  gone: boolean;
  feedSubject: FeedSubject;
  /** The pledges whose figures the watch follows. */
  selection: PledgeSelection;
}

const feedOf = (query: string) => `/feeds/changes.atom${query ? `?${query}` : ""}`;
const query = (name: string, value: string) => new URLSearchParams({ [name]: value }).toString();

/** Each watch named, with where it links and what it follows. */
async function describeWatches(watches: Watch[], locale: Locale): Promise<WatchedSubject[]> {
  const t = translator(locale);
  const ids = (subject: Watch["subject"]) =>
    watches.filter((w) => w.subject === subject).map((w) => w.target);
  const records = await readWatchedRecords({
    pledge: ids("pledge"),
    condition: ids("condition"),
    stakeholder: ids("stakeholder"),
  });
  const filters = watches.filter((w) => w.subject === "filter").map((w) => filterSelection(w.target));
  const names = await loadViewNames({
    ...everyPledge,
    stakeholder: filters.flatMap((f) => f.stakeholder),
    condition: filters.flatMap((f) => f.condition),
  });
  return watches.map((watch) => {
    if (watch.subject === "pledge") {
      const pledge = records.pledges.find((p) => p.id === watch.target);
      return {
        watch,
        label: pledge?.title ?? t("inbox.gone", { subject: "pledge" }),
        href: `/pledges/${watch.target}`,
        feed: feedOf(query("pledge", watch.target)),
        gone: !pledge || pledge.deletedAt !== null,
        feedSubject: { pledgeId: watch.target },
        selection: everyPledge,
      };
    }
    if (watch.subject === "condition" || watch.subject === "stakeholder") {
      const record =
        watch.subject === "condition"
          ? records.conditions.find((c) => c.id === watch.target)
          : records.stakeholders.find((s) => s.id === watch.target);
      const slug = record?.slug ?? "";
      // Gone: it follows nothing (an empty filter would follow every pledge).
      const selection = { ...everyPledge, [watch.subject]: [slug] };
      return {
        watch,
        label: record
          ? "title" in record
            ? record.title
            : record.name
          : t("inbox.gone", { subject: watch.subject }),
        href: `/${watch.subject}s/${slug}`,
        feed: feedOf(query(watch.subject, slug)),
        gone: !record,
        feedSubject: { selection },
        selection,
      };
    }
    const selection = filterSelection(watch.target);
    const filterWords = watch.target
      ? filterLines(selection, names, locale)
          .map((line) => `${line.label}: ${line.text}`)
          .join(" · ")
      : t("inbox.everything");
    return {
      watch,
      label: filterWords,
      href: watch.target ? `/pledges?${watch.target}` : "/changes",
      feed: feedOf(watch.target),
      gone: false,
      feedSubject: { selection },
      selection,
    };
  });
}

/** Whether a watch follows anything: a removed condition or stakeholder no longer does (a deleted pledge's deletion is news). */
const follows = (subject: WatchedSubject) => !subject.gone || subject.watch.subject === "pledge";

/** What is unread for a watch: what was recorded after the inbox was last read, or after it began. */
const unreadAfter = (watch: Watch, readAt: Date | null) =>
  readAt && readAt > watch.createdAt ? readAt : watch.createdAt;

// The header's count is asked for on every page: kept per user, their watches and read mark, fresh
// enough (renewed in the background at most a second after the data moves, as the figures are; at
// once for the reader's own writes, watching and marking read included).
const counts = freshEnough<{ count: number }>(2000);

/** How many events recorded about what a user watches are unread (each counted once, at most `shownPerWatch` per watch). */
export async function countUnread(userId: string): Promise<number> {
  const { readAt, watches } = await readWatches(userId);
  if (watches.length === 0) return 0;
  const key = JSON.stringify([
    userId,
    readAt?.getTime() ?? null,
    watches.map((w) => [w.id, w.createdAt.getTime()]),
  ]);
  const { count } = await keptFresh(counts, key, async () => {
    const subjects = await describeWatches(watches, "en");
    const keys = await Promise.all(
      subjects
        .filter(follows)
        .map((s) => recordedSinceKeys(s.feedSubject, unreadAfter(s.watch, readAt), shownPerWatch)),
    );
    return { count: new Set(keys.flat()).size };
  });
  return count;
}

export interface InboxItem extends WatchedSubject {
  /** When what is unread starts. */
  after: Date;
  entries: RecordedEntry[];
  /** What it did to the figures, and what it released (null with nothing unread). */
  learnt: (ChangeLines & { moved: number }) | null;
}

/** How many pledges a watch's summary names, largest change first. */
const shownPledges = 5;

/** The inbox of a user: each watch, what is unread about it, and what that did. */
export async function loadInbox(userId: string, locale: Locale = "en") {
  const { readAt, watches } = await readWatches(userId);
  const subjects = await describeWatches(watches, locale);
  // Pledge watches that start at the same moment (all of them, once the inbox has been marked read
  // after they began) share one reading of the whole tracker's changes.
  const learnt = new Map<string, Promise<LearntChanges>>();
  const learntFor = (after: Date, selection: PledgeSelection, key: string) => {
    const id = `${after.toISOString()} ${key}`;
    if (!learnt.has(id)) learnt.set(id, loadLearntSince(after, defaultMetric, selection));
    return learnt.get(id)!;
  };
  const items: (InboxItem & { keys: string[] })[] = await Promise.all(
    subjects.map(async (subject) => {
      const after = unreadAfter(subject.watch, readAt);
      if (!follows(subject)) return { ...subject, after, keys: [], entries: [], learnt: null };
      const { keys, entries } = await loadRecordedSince(subject.feedSubject, after, shownPerWatch, locale);
      if (entries.length === 0) return { ...subject, after, keys, entries, learnt: null };
      const changes = await learntFor(
        after,
        subject.selection,
        subject.watch.subject === "pledge" ? "every pledge" : subject.watch.id,
      );
      const ofWatch = <T extends { id: string }>(list: T[]) =>
        subject.watch.subject === "pledge" ? list.filter((p) => p.id === subject.watch.target) : list;
      const pledges = ofWatch(changes.pledges);
      // The conditions that moved and bind what the watch follows: the watched one; those a watched
      // pledge was or is bound by; those that released or held back pledges the selection picks.
      const bindsPledge = (id: string) =>
        pledges.some((p) =>
          [...(p.before?.blockedBy ?? []), ...(p.after?.blockedBy ?? [])].some((c) => c.id === id),
        );
      const conditions = changes.conditions.filter((c) =>
        subject.watch.subject === "condition"
          ? c.id === subject.watch.target
          : subject.watch.subject === "pledge"
            ? bindsPledge(c.id)
            : c.release.released + c.release.heldBack > 0,
      );
      const shown = pledges.slice(0, shownPledges);
      const lines = changeLines(
        { ...changes, conditions, deleted: ofWatch(changes.deleted) },
        { pledges: shown, byPledge: new Map(), byCondition: new Map() },
        locale,
      );
      return { ...subject, after, keys, entries, learnt: { ...lines, moved: pledges.length } };
    }),
  );
  // Each event once, however many watches it reaches (as the header counts).
  return { readAt, items, unread: new Set(items.flatMap((item) => item.keys)).size };
}

export type Inbox = Awaited<ReturnType<typeof loadInbox>>;
