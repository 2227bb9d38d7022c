// A feed of what the tracker learnt (Atom 1.0, through the `feed` library): one entry per event,
// newest recorded first, each linking to the record it changed and quoting its evidence. The entry's
// content is HTML built here from escaped text only.
import escapeHtmlText from "escape-html";
import { withoutControlCharacters } from "@/lib/csv-cells";
import { isWebAddress } from "@/lib/web-address";
import { Feed } from "feed";
import type { Locale } from "@/i18n/locales";
import { noteIn } from "@/i18n/system-notes";
import { translator } from "@/i18n/translate";
import { formatDate, formatDateTime, fullStop, isoDay } from "@/lib/format";
import { recordedWords, statusTransition } from "@/lib/status-change";
import type { RecentEventKind, RecentEvents } from "./queries";
import { ledgerEventWords } from "./event-words";

type Citation = RecentEvents["statusChanges"][number]["citations"][number];

/** One event as a feed entry (and an inbox item): what it said, where it links, its evidence. */
export interface Entry {
  id: string;
  title: string;
  link: string;
  recordedAt: Date;
  /** Paragraphs of plain text, then the quotes. */
  lines: string[];
  citations: Citation[];
}

/** What a feed is of, and where it and its page are. */
export interface FeedAbout {
  title: string;
  /** The feed's own address (absolute), also its id. */
  self: string;
  /** The page showing the same (absolute). */
  page: string;
}

/** Text as HTML in an XML document: escaped, and without the control characters XML refuses. */
const escapeHtml = (text: string) => escapeHtmlText(withoutControlCharacters(text));

// An Atom feed is written in English: its readers are anyone's feed reader.
const english = translator("en");

const html = (entry: Entry, origin: string) =>
  [
    ...entry.lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...entry.citations.map(({ quote, source }) => {
      const cite =
        source.url && isWebAddress(source.url)
          ? `<a href="${escapeHtml(source.url)}">${escapeHtml(source.title)}</a>`
          : `<cite>${escapeHtml(source.title)}</cite>`;
      const said = quote ? `<blockquote><p>“${escapeHtml(quote)}”</p></blockquote>` : "";
      return `${said}<p>— ${cite} (<a href="${escapeHtml(`${origin}/sources/${source.slug}`)}">${escapeHtml(english("feed.inPledgewatch"))}</a>)</p>`;
    }),
  ].join("");

/** The feed's entries, newest recorded first, in the order `order` names them, in `locale`'s words. */
export function entriesOf(
  events: RecentEvents,
  order: readonly { kind: RecentEventKind; id: string }[],
  origin: string,
  locale: Locale = "en",
): Entry[] {
  const t = translator(locale);
  const day = (date: Date) => formatDate(date, locale);
  const recordedBy = (at: Date, by: string | null) => fullStop(recordedWords(at, by, locale));
  const byKey = new Map<string, Entry>();
  for (const change of events.statusChanges) {
    const subject = change.pledge
      ? { title: change.pledge.title, link: `${origin}/pledges/${change.pledge.id}` }
      : {
          title: t("feed.conditionTitle", { title: change.condition!.title }),
          link: `${origin}/conditions/${change.condition!.slug}`,
        };
    byKey.set(`status:${change.id}`, {
      id: `urn:pledgewatch:status-change:${change.id}`,
      title: `${subject.title}: ${statusTransition(change, locale)}`,
      link: subject.link,
      recordedAt: change.createdAt,
      lines: [
        // Not a second full stop after a date's own ("6 січня 2026 р.").
        fullStop(
          t("feed.statusOn", { transition: statusTransition(change, locale), date: day(change.occurredAt) }),
        ),
        ...(change.note ? [noteIn(change.note, locale)] : []),
        recordedBy(change.createdAt, change.recordedBy),
      ],
      citations: change.citations,
    });
  }
  for (const event of events.figures) {
    const what = ledgerEventWords(event, locale);
    const recordedAt = new Date(event.recordedAt);
    byKey.set(`figure:${event.id}`, {
      id: `urn:pledgewatch:ledger-event:${event.id}`,
      title: `${event.pledgeTitle}: ${what}`,
      link: `${origin}/pledges/${event.pledgeId}`,
      recordedAt,
      lines: [
        fullStop(t("feed.figureAsOf", { what, date: day(new Date(event.occurredOn)) })),
        ...(event.note ? [noteIn(event.note, locale)] : []),
        recordedBy(recordedAt, event.recordedBy),
      ],
      citations: event.citations,
    });
  }
  for (const pledge of events.pledges) {
    byKey.set(`announced:${pledge.id}`, {
      id: `urn:pledgewatch:pledge:${pledge.id}`,
      title: t("feed.newPledge", { title: pledge.title }),
      link: `${origin}/pledges/${pledge.id}`,
      recordedAt: pledge.createdAt,
      lines: [
        fullStop(t("feed.announced", { date: day(pledge.announcedOn) })),
        recordedBy(pledge.createdAt, null),
      ],
      citations: pledge.citations,
    });
    if (pledge.deletedAt) {
      byKey.set(`deleted:${pledge.id}`, {
        id: `urn:pledgewatch:deleted-pledge:${pledge.id}`,
        title: t("feed.deleted", { title: pledge.title }),
        // What changed on the day it was deleted, where its deletion is listed.
        link: `${origin}/changes?since=${isoDay(pledge.deletedAt)}&until=${isoDay(pledge.deletedAt)}`,
        recordedAt: pledge.deletedAt,
        lines: [t("feed.deletedLine", { when: formatDateTime(pledge.deletedAt, locale) })],
        citations: [],
      });
    }
  }
  return order.flatMap((event) => byKey.get(`${event.kind}:${event.id}`) ?? []);
}

/** The feed as Atom XML. */
export function changesFeed(
  about: FeedAbout,
  events: RecentEvents,
  order: readonly { kind: RecentEventKind; id: string }[],
  origin: string,
): string {
  return atomFeed(about, entriesOf(events, order, origin), origin);
}

/** Entries, newest first, as an Atom feed: the same entries give the same feed, byte for byte. */
export function atomFeed(about: FeedAbout, entries: Entry[], origin: string): string {
  const feed = new Feed({
    id: about.self,
    title: withoutControlCharacters(about.title),
    link: about.page,
    feedLinks: { atom: about.self },
    // The newest entry's time: the same data gives the same feed, byte for byte.
    updated: entries[0]?.recordedAt ?? new Date(0),
    copyright: "Pledgewatch",
    generator: "Pledgewatch",
    author: { name: "Pledgewatch" },
  });
  for (const entry of entries) {
    feed.addItem({
      id: entry.id,
      // The library writes an entry's title as HTML: its text, escaped.
      title: escapeHtml(entry.title),
      link: entry.link,
      date: entry.recordedAt,
      published: entry.recordedAt,
      content: html(entry, origin),
    });
  }
  return feed.atom1();
}
