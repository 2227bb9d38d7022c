// What a server action answers a form with.
import type { FieldConflict } from "@/lib/write-error";

export type ConflictView = {
  message: string;
  /** The record's version now: the form carries it, so that saving again re-applies the edit. */
  currentVersion: number;
  changes: { actor: string; at: string; action: string; fields: string[] }[];
  /** Fields both people changed (a merged save), each with its three values. */
  fields?: FieldConflict[];
  /** The record's status now, for a status form whose header showed the one it was opened with. */
  currentStatus?: string;
};

export type FormState = {
  status: "idle" | "error" | "saved";
  message?: string;
  fields?: Record<string, string>;
  /** What was submitted, so that nothing typed is lost when the form comes back with errors. */
  values?: Record<string, string | string[]>;
  conflict?: ConflictView;
  /** A secret shown once (a new API token). */
  secret?: string;
  /** A record created from inside another form (a picker's inline creation), for that form to use. */
  created?: { id: string; label: string };
};

export const idle: FormState = { status: "idle" };
