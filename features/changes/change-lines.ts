// The list of changes as the page and the briefing show it: words and dates, each change with its
// evidence. Built from what loadChanges and loadChangeEvents read, as the API's answer is (json.ts).
import {
  conditionChangeWords,
  figureChangeLines,
  pledgeChangeWords,
  rangeChangeWords,
  type FigureChangeLine,
  type PledgeChangeKind,
} from "@/lib/rules/changes";
import { recordedWords, statusTransition } from "@/lib/status-change";
import { formatDate, formatDateTime } from "@/lib/format";
import type { ChangeEvents, Changes, PledgeEvents } from "./index";
import { ledgerEventWords } from "./event-words";
import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { noteIn } from "@/i18n/system-notes";

type Citation = PledgeEvents["statusChanges"][number]["citations"][number];

export interface EventLine {
  key: string;
  /** When it happened, in words. */
  when: string;
  what: string;
  note: string | null;
  /** Who recorded it, and when. */
  recorded: string;
  citations: Citation[];
}

export interface PledgeChangeLine {
  id: string;
  title: string;
  what: string[];
  /** The change to each sum in the view's unit, in words; "no change" where it moved none. */
  effect: { pledged: string; unconditional: string; delivered: string };
  /** The latest of its events in the period (shownEvents at most), oldest first. */
  events: EventLine[];
  /** How many earlier events of the period are not shown (the pledge's page has its whole history). */
  earlierEvents: number;
}

/** How many of a pledge's events in the period the page shows: the latest. */
const shownEvents = 5;

export interface ConditionChangeLine {
  id: string;
  title: string;
  summary: string;
  events: EventLine[];
}

export interface ChangeLines {
  figures: FigureChangeLine[];
  conditions: ConditionChangeLine[];
  pledges: PledgeChangeLine[];
  deleted: { id: string; title: string; when: string }[];
}

/** A pledge's events in the period, oldest first, each in words with its evidence. */
function pledgeEventLines(events: PledgeEvents | undefined, locale: Locale): EventLine[] {
  if (!events) return [];
  const lines: (EventLine & { at: number })[] = [];
  if (events.creation) {
    lines.push({
      key: `announced-${events.creation.id}`,
      at: new Date(events.creation.announcedOn).getTime(),
      when: formatDate(new Date(events.creation.announcedOn), locale),
      what: translator(locale)("changes.announced"),
      note: null,
      recorded: recordedWords(events.creation.createdAt, null, locale),
      citations: events.creation.citations,
    });
  }
  for (const change of events.statusChanges) {
    lines.push({
      key: change.id,
      at: new Date(change.occurredAt).getTime(),
      when: formatDate(new Date(change.occurredAt), locale),
      what: statusTransition(change, locale),
      note: noteIn(change.note, locale),
      recorded: recordedWords(change.createdAt, change.recordedBy, locale),
      citations: change.citations,
    });
  }
  for (const event of events.ledgerEvents) {
    lines.push({
      key: event.id,
      at: new Date(event.occurredOn).getTime(),
      when: formatDate(new Date(event.occurredOn), locale),
      what: ledgerEventWords(event, locale),
      note: event.note && noteIn(event.note, locale),
      recorded: recordedWords(event.recordedAt, event.recordedBy, locale),
      citations: event.citations,
    });
  }
  // Stable: events of the same day keep the order they were read in (each list is in recorded order).
  lines.sort((a, b) => a.at - b.at);
  return lines;
}

/** The latest of a pledge's events, and how many earlier ones are left out. */
const latestEvents = (events: EventLine[]) => ({
  events: events.slice(-shownEvents),
  earlierEvents: Math.max(0, events.length - shownEvents),
});

/** The changes, and the events of the pledges given (a page of them), in words in the reader's language. */
export function changeLines(
  changes: Pick<Changes, "figures" | "conditions" | "deleted"> & { view: { metric: string } },
  page: { pledges: Changes["pledges"] } & ChangeEvents,
  locale: Locale = "en",
): ChangeLines {
  const unit = changes.view.metric;
  return {
    figures: figureChangeLines(changes.figures, locale),
    conditions: changes.conditions.map((condition) => ({
      id: condition.id,
      title: condition.title,
      summary: conditionChangeWords(condition, condition.release, unit, locale),
      events: (page.byCondition.get(condition.id) ?? []).map((change) => ({
        key: change.id,
        when: formatDate(new Date(change.occurredAt), locale),
        what: statusTransition(change, locale),
        note: noteIn(change.note, locale),
        recorded: recordedWords(change.createdAt, change.recordedBy, locale),
        citations: change.citations,
      })),
    })),
    pledges: page.pledges.map((change) => ({
      id: change.id,
      title: change.title,
      what: pledgeChangeWords(change.before, change.after, locale),
      effect: {
        pledged: rangeChangeWords(change.effect.pledged, unit, locale),
        unconditional: rangeChangeWords(change.effect.unconditional, unit, locale),
        delivered: rangeChangeWords(change.effect.delivered, unit, locale),
      },
      ...latestEvents(pledgeEventLines(page.byPledge.get(change.id), locale)),
    })),
    deleted: changes.deleted.map((pledge) => ({
      id: pledge.id,
      title: pledge.title,
      when: formatDateTime(new Date(pledge.deletedAt), locale),
    })),
  };
}

/** Each kind's key in the catalog (changes.kind.*), in the order the counts are said. */
const kindKeys = {
  added: "added",
  "left the view": "leftView",
  withdrawn: "withdrawn",
  status: "status",
  figures: "figures",
  conditions: "conditions",
} as const satisfies Record<PledgeChangeKind, string>;

/** How many pledges moved in each way: "9 added, 2 withdrawn, 1 changed figures" (a pledge may count twice). */
export function kindCounts(pledges: Changes["pledges"], locale: Locale = "en"): string {
  const t = translator(locale);
  const counts = new Map<PledgeChangeKind, number>();
  for (const pledge of pledges)
    for (const kind of pledge.kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return (Object.keys(kindKeys) as PledgeChangeKind[])
    .filter((kind) => counts.has(kind))
    .map((kind) => t(`changes.kind.${kindKeys[kind]}`, { count: counts.get(kind)! }))
    .join(", ");
}
