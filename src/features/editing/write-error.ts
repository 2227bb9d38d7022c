// How a refused write is reported, the same way to a form and to the API.

export type WriteErrorKind = "not-found" | "conflict" | "invalid" | "in-use" | "busy";

const statusOf: Record<WriteErrorKind, 404 | 409 | 422 | 503> = {
  "not-found": 404,
  conflict: 409,
  invalid: 422,
  "in-use": 409,
  busy: 503,
};

export class WriteError extends Error {
  readonly status: 404 | 409 | 422 | 503;
  constructor(
    readonly kind: WriteErrorKind,
    message: string,
    readonly details: { fields?: Record<string, string>; current?: unknown } = {},
  ) {
    super(message);
    this.status = statusOf[kind];
  }
}

export const notFound = (what: string, id: string) =>
  new WriteError("not-found", `There is no ${what} with id "${id}".`);

/** Someone saved the record after this edit started: nothing was written. */
export const staleVersion = (what: string, sent: number, current: { version: number }) =>
  new WriteError(
    "conflict",
    `This ${what} was changed by someone else (version ${current.version}; your edit started from version ${sent}). Nothing was saved: review the current record and apply your change again.`,
    { current },
  );

/** Another write held the database past the busy timeout (a large import commits for many seconds). */
export const databaseBusy = () =>
  new WriteError(
    "busy",
    "The database is busy with another large write, such as an import. Nothing was saved: try again in a minute.",
  );
