import type { SqlQuery, SqlResultSet } from "@prisma/driver-adapter-utils";

// What the main thread and a reader thread (./reader-thread.ts) say to each other.

/** The thread's start: the database it reads. */
export interface ReaderData {
  url: string;
}

/** A query to run, answered under the same id. */
export interface ToReader {
  id: number;
  query: SqlQuery;
}

export type FromReader =
  | { id: number; result: SqlResultSet }
  /** `cause`: the driver's error as Prisma maps it (a DriverAdapterError's), when it is one. */
  | { id: number; error: { message: string; cause?: object } };
