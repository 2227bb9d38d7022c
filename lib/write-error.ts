// How a refused write is reported, the same way to a form and to the API (its messages worded
// where they are read: lib/validation-message.ts).
import type { Locale } from "@/i18n/locales";
import { invalid } from "./validation-message";

export type WriteErrorKind = "not-found" | "conflict" | "invalid" | "in-use" | "busy";

const statusOf: Record<WriteErrorKind, 404 | 409 | 422 | 503> = {
  "not-found": 404,
  conflict: 409,
  invalid: 422,
  "in-use": 409,
  busy: 503,
};

/** A field both people changed: its label and the three values, as a person reads them. */
export type FieldConflict = {
  field: string;
  label: string;
  /** The value the saver's edit started from. */
  base: string;
  mine: string;
  theirs: string;
  /** The form inputs that hold their value: what "take theirs" puts in the form. */
  theirsInputs: Record<string, string | string[]>;
  /** The form inputs that hold the saver's value: what "keep mine" puts back. */
  mineInputs: Record<string, string | string[]>;
};

export type WriteErrorDetails = {
  fields?: Record<string, string>;
  current?: unknown;
  /** The fields both people changed, in the words of `locale` (the reader's, the API's English). */
  conflictsIn?: (locale: Locale) => FieldConflict[];
  /** The form rebased on the record now: its version, and the inputs only the other person changed. */
  rebase?: { version: number; inputs: Record<string, string | string[]> };
};

export class WriteError extends Error {
  readonly status: 404 | 409 | 422 | 503;
  constructor(
    readonly kind: WriteErrorKind,
    message: string,
    readonly details: WriteErrorDetails = {},
  ) {
    super(message);
    this.status = statusOf[kind];
  }
}

export const notFound = (what: string, id: string) =>
  new WriteError("not-found", invalid("refusal.notFound", { what, id }));

/** Someone saved the record after this edit started: nothing was written. */
export const staleVersion = (what: string, sent: number, current: { version: number }) =>
  new WriteError("conflict", invalid("refusal.staleVersion", { what, current: current.version, sent }), {
    current,
  });

/** Another write held the database past the busy timeout (a large import commits for many seconds). */
export const databaseBusy = () => new WriteError("busy", invalid("refusal.databaseBusy"));
