// A reader of the SQLite file, on a thread of its own (see ./threaded-reads.ts): better-sqlite3 runs
// a query to its end on the thread that asks, and the figures' aggregates take a fifth of a second
// at 10,000 pledges, a gap history seconds. Here they hold up only this thread; the server's goes on
// answering and writing meanwhile. Read-only, with the app's pragmas; in WAL mode it never waits for
// the writer, and each query sees every write committed before it began.
import { parentPort, workerData } from "node:worker_threads";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database as SQLiteConnection } from "better-sqlite3";
import { sqliteConnectionPragmas } from "../sqlite-pragmas";
import type { FromReader, ReaderData, ToReader } from "./messages";

const port = parentPort!;
const { url } = workerData as ReaderData;

// The adapter's own reading of the results (column types, integers, dates), as on the main thread.
const adapter = new PrismaBetterSQLite3({ url, readonly: true, timeout: 5000 }).connect().then((opened) => {
  const connection = (opened as unknown as { client?: SQLiteConnection }).client;
  for (const pragma of sqliteConnectionPragmas) connection?.pragma(pragma);
  return opened;
});

async function answer({ id, query }: ToReader): Promise<FromReader> {
  try {
    return { id, result: await (await adapter).queryRaw(query) };
  } catch (error) {
    const { name, message, cause, code } = error as Error & { code?: unknown };
    // The driver's errors as the adapter maps them for Prisma (a DriverAdapterError's cause); any
    // other keeps SQLite's code in its message.
    if (name === "DriverAdapterError" && typeof cause === "object" && cause)
      return { id, error: { message, cause } };
    return { id, error: { message: typeof code === "string" ? `${code}: ${message}` : message } };
  }
}

port.on("message", (message: ToReader) => {
  void answer(message).then((reply) => {
    try {
      port.postMessage(reply);
    } catch (error) {
      // A result that cannot be sent (it cannot be cloned): the query fails, not the thread.
      port.postMessage({
        id: reply.id,
        error: { message: `the result could not be sent: ${String(error)}` },
      });
    }
  });
});
