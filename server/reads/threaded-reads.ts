import { Worker } from "node:worker_threads";
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import { threadFromSource } from "../source-thread";
import type { FromReader, ReaderData, ToReader } from "./messages";

// SQLite reads on threads of their own (./reader-thread.ts), for the reads that take long: the
// figures' aggregates and histories. better-sqlite3 answers on the thread that asks, so on the
// server's one thread such a read would hold up every other request, writes included, until it
// ends. A Prisma client on this adapter reads through a few reader threads, each with a read-only
// connection, and never writes.

type Waiting = { resolve: (result: SqlResultSet) => void; reject: (error: Error) => void };

/** One reader thread and the queries it has been given. */
class Reader {
  readonly waiting = new Map<number, Waiting>();
  readonly worker: Worker;

  constructor(data: ReaderData, onEnd: (reader: Reader) => void) {
    this.worker = process.env.NEXT_RUNTIME
      ? // Built by Next.js, the thread's code is bundled as JavaScript.
        new Worker(new URL("./reader-thread.ts", import.meta.url), { workerData: data })
      : threadFromSource(new URL("./reader-thread.ts", import.meta.url), { workerData: data });
    this.worker.unref();
    this.worker.on("message", (message: FromReader) => {
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      // An idle reader does not keep the process alive.
      if (this.waiting.size === 0) this.worker.unref();
      if ("result" in message) waiting.resolve(message.result);
      else if (message.error.cause)
        waiting.reject(new DriverAdapterError(message.error.cause as DriverAdapterError["cause"]));
      else waiting.reject(new Error(message.error.message));
    });
    const end = (why: string) => {
      onEnd(this);
      for (const waiting of this.waiting.values()) waiting.reject(new Error(`the database reader ${why}`));
      this.waiting.clear();
    };
    // A reply that cannot be read: its query cannot be told which it was, so every waiting one fails
    // and the thread is replaced.
    this.worker.on("messageerror", (error) => {
      end(`sent an answer that could not be read: ${error.message}`);
      void this.worker.terminate();
    });
    this.worker.on("error", (error) => {
      end(`failed: ${error.message}`);
      void this.worker.terminate();
    });
    this.worker.on("exit", (code) => end(`stopped (exit code ${code})`));
  }

  ask(id: number, query: SqlQuery): Promise<SqlResultSet> {
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, query } satisfies ToReader);
    });
  }
}

/** The reader threads of one client: started as queries need them, up to `size`. */
class Readers {
  private readonly readers: Reader[] = [];
  private lastId = 0;

  constructor(
    private readonly data: ReaderData,
    private readonly size: number,
  ) {}

  /** `query` on the reader with the fewest waiting (a new one while some are busy and there is room). */
  run(query: SqlQuery): Promise<SqlResultSet> {
    let reader = this.readers.reduce<Reader | undefined>(
      (least, r) => (!least || r.waiting.size < least.waiting.size ? r : least),
      undefined,
    );
    if (!reader || (reader.waiting.size > 0 && this.readers.length < this.size)) {
      reader = new Reader(this.data, (ended) => {
        const at = this.readers.indexOf(ended);
        if (at >= 0) this.readers.splice(at, 1);
      });
      this.readers.push(reader);
    }
    return reader.ask(++this.lastId, query);
  }

  async close(): Promise<void> {
    await Promise.all(this.readers.map((reader) => reader.worker.terminate()));
  }
}

const refuse = () => Promise.reject(new Error("this client only reads: write through db()"));

/**
 * A Prisma driver adapter reading the SQLite file at `url` on up to `threads` threads. It refuses
 * writes and transactions: they belong to the app's one writing connection (server/db.ts).
 */
export class ThreadedSQLiteReads implements SqlDriverAdapterFactory {
  readonly provider = "sqlite";
  // The adapter whose results it passes on, so that Prisma reads them as that adapter's.
  readonly adapterName = "@prisma/adapter-better-sqlite3";

  constructor(
    private readonly url: string,
    private readonly threads: number,
  ) {}

  connect(): Promise<SqlDriverAdapter> {
    const readers = new Readers({ url: this.url }, this.threads);
    return Promise.resolve({
      provider: this.provider,
      adapterName: this.adapterName,
      queryRaw: (query) => readers.run(query),
      executeRaw: refuse,
      executeScript: refuse,
      startTransaction: refuse,
      dispose: () => readers.close(),
    });
  }
}
