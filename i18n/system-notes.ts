import "server-only";
import type { Messages } from "next-intl";
import type { Locale } from "./locales";
import { translator } from "./translate";

// Notes Pledgewatch writes itself, where a person gave none: on a ledger event ("Changed in an
// edit"), a status change, an audit entry. They are stored in English, as the API, the audit CSV
// and the data package give them; a page or a report in another language shows them in its own
// words. The English of the catalog's `systemNote` is the one place each is written: the writers
// fill it in, and a stored note is recognised by it again.

export type SystemNote = keyof Messages["systemNote"];
type NoteArgs = Record<string, string | number>;

/** The note `key` says, in English, as it is stored. */
export function systemNote(key: SystemNote, args: NoteArgs = {}): string {
  return translator("en")(`systemNote.${key}`, args as never);
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The arguments each note takes. The catalog's English is its text, read through the translator
 * (the build precompiles the catalogs: their raw strings are not at hand); i18n/system-notes.test.ts
 * holds this list to the catalog.
 */
export const noteArguments: Record<SystemNote, readonly string[]> = {
  recordedWithPledge: [],
  changedInEdit: [],
  asRecordedWithPledge: [],
  withdrawnMissing: ["file"],
  importOf: ["file"],
  // Before importedFrom, whose pattern would take ", row 12" for part of the file's name.
  importedFromRow: ["file", "row"],
  importedFrom: ["file"],
  citedSource: ["title", "quote"],
  takenIn: ["mediaType", "count"],
  rejectionTakenBack: [],
  passwordReset: [],
  ownPasswordChanged: [],
  fromIntake: ["title"],
  reactivated: [],
  deactivated: ["sessions", "tokens"],
};

/**
 * The notes written on a pledge's events (its figures, its status changes). The audit trail holds
 * these (an edit's entry carries its events' note) and its own. An event's note is recognised only
 * among the events' notes, so that an analyst's note that reads like an audit note ("Import of
 * Leopard tanks") stays as written.
 */
const eventNotes: readonly SystemNote[] = [
  "recordedWithPledge",
  "changedInEdit",
  "asRecordedWithPledge",
  "withdrawnMissing",
  "importedFromRow",
  "fromIntake",
];

/** Where a note was written: on an event, or in the audit trail. */
export type NoteKind = "event" | "audit";

/** Each English note as a pattern: its arguments become groups. */
let patterns: { key: SystemNote; pattern: RegExp; names: string[] }[] | null = null;
function notePatterns() {
  patterns ??= (Object.keys(noteArguments) as SystemNote[]).map((key) => {
    // Each argument written as a mark no text holds, then found again in the English.
    const marks = Object.fromEntries(noteArguments[key].map((name) => [name, `\u0000${name}\u0000`]));
    const names: string[] = [];
    const source = systemNote(key, marks)
      .split(/\u0000(\w+)\u0000/)
      .map((part, at) => {
        if (at % 2 === 0) return escaped(part);
        names.push(part);
        return "([\\s\\S]+?)";
      })
      .join("");
    return { key, pattern: new RegExp(`^${source}$`), names };
  });
  return patterns;
}

/** Arguments that are counts: read back as numbers, for the language's plural forms. */
const counts = new Set(["count", "row", "sessions", "tokens"]);

/**
 * A stored note in `locale`'s words when Pledgewatch wrote it (on an event, or in the audit trail:
 * `kind`); a person's note as it was written.
 */
export function noteIn(note: string, locale: Locale, kind: NoteKind = "event"): string {
  if (locale === "en") return note;
  for (const { key, pattern, names } of notePatterns()) {
    if (kind === "event" && !eventNotes.includes(key)) continue;
    const match = pattern.exec(note);
    if (!match) continue;
    const args = Object.fromEntries(
      names.map((name, at) => {
        const value = match[at + 1]!;
        return [
          name,
          counts.has(name) && /^\d{1,3}(,\d{3})*$/.test(value) ? Number(value.replaceAll(",", "")) : value,
        ];
      }),
    );
    return translator(locale)(`systemNote.${key}`, args as never);
  }
  return note;
}
