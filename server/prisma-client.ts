import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database, { type Database as SQLiteConnection } from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgresql/client";
import { databaseKind, requireDatabaseUrl, sqlitePath } from "./env";
import { keepQueryPlans } from "./query-plans";
import { sqliteConnectionPragmas } from "./sqlite-pragmas";
import { ThreadedSQLiteReads } from "./reads/threaded-reads";

export type { PrismaClient };

/**
 * A client on the database named by DATABASE_URL (a SQLite file, or PostgreSQL for several
 * instances); shared by the app, the seed and scripts.
 */
export function createPrismaClient(url: string = requireDatabaseUrl()): PrismaClient {
  keepQueryPlans();
  if (databaseKind(url) === "postgresql") {
    // Generated from prisma/postgresql/schema.prisma, whose models, fields and enums are the SQLite
    // schema's (prisma/schema-lockstep.test.ts): the same API, so the code is typed against one.
    // lock_timeout plays SQLite's busy timeout: a write stuck behind another's lock for 5 s gives up.
    const adapter = new PrismaPg({ connectionString: url, options: "-c lock_timeout=5000" });
    // Under load a request waits for one of the pool's connections rather than failing after
    // Prisma's default 2 s; past this, the answer is 503 (server/database-busy.ts).
    const client = new PostgresPrismaClient({
      adapter,
      transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    });
    return client as unknown as PrismaClient;
  }
  // `timeout` is SQLite's busy timeout: writers wait for each other instead of failing at once.
  const slot: ConnectionSlot = {};
  const client = new PrismaClient({
    adapter: new SQLiteAdapterKeepingConnection({ url, timeout: 5000 }, slot),
  });
  connections.set(client, slot);
  return client;
}

/**
 * A client for long reads, or null where the app's client serves them as well. On SQLite its
 * queries run on reader threads (server/reads/), two at most (the machine's cores also serve this
 * thread); a query waits for those before it on its thread. PostgreSQL answers over the network,
 * never holding up this thread.
 */
export function createReadingClient(url: string = requireDatabaseUrl()): PrismaClient | null {
  if (databaseKind(url) === "postgresql") return null;
  keepQueryPlans();
  return new PrismaClient({ adapter: new ThreadedSQLiteReads(url, 2) });
}

/**
 * A read-only connection to the SQLite file at `url`, on this thread, for one-row reads that must
 * wait neither for a transaction open on the app's connection nor behind a long read on the reader
 * threads; null on PostgreSQL. In WAL mode it sees every committed write.
 */
export function openSQLiteReader(url: string = requireDatabaseUrl()): SQLiteConnection | null {
  if (databaseKind(url) === "postgresql") return null;
  const connection = new Database(sqlitePath(url), { readonly: true, timeout: 5000 });
  connection.defaultSafeIntegers(true);
  return connection;
}

type ConnectionSlot = { connection?: SQLiteConnection };
const connections = new WeakMap<PrismaClient, ConnectionSlot>();

/** The SQLite adapter, keeping a hold of the one better-sqlite3 connection it opens. */
class SQLiteAdapterKeepingConnection extends PrismaBetterSQLite3 {
  constructor(
    config: ConstructorParameters<typeof PrismaBetterSQLite3>[0],
    private readonly slot: ConnectionSlot,
  ) {
    // No options: timestamps stay ISO text, as server/bulk-insert.ts writes them too.
    super(config);
  }

  override async connect() {
    const adapter = await super.connect();
    // The adapter's queries and transactions all run on this one connection (its `client`).
    const connection = (adapter as unknown as { client?: SQLiteConnection }).client;
    // Should an upgrade of the adapter hide its connection, bulk writes go through Prisma instead.
    if (typeof connection?.pragma !== "function") return adapter;
    for (const pragma of sqliteConnectionPragmas) connection.pragma(pragma);
    this.slot.connection = connection;
    return adapter;
  }
}

/**
 * The SQLite connection under `client`, once it has connected; null on PostgreSQL. Inside one of
 * the client's transactions, statements run on it belong to that transaction: SQLite has one
 * connection, and the transaction holds it. For bulk writes only (server/bulk-insert.ts).
 */
export function sqliteConnectionOf(client: PrismaClient): SQLiteConnection | null {
  const connection = connections.get(client)?.connection;
  // A client disconnected ($disconnect) closed it; its next query opens another.
  return connection?.open ? connection : null;
}
