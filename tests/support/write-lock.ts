import Database from "better-sqlite3";
import pg from "pg";

/**
 * Holds a write lock from a second connection, as a long import would, until the returned function
 * releases it. SQLite: an immediate transaction, which holds the whole database. PostgreSQL: the
 * pledges' table, locked against writes (reads go on), which every pledge write needs.
 */
export async function holdWriteLock(database: { url: string; file: string }): Promise<() => Promise<void>> {
  if (database.url.startsWith("file:")) {
    const holder = new Database(database.file);
    holder.exec(`BEGIN IMMEDIATE; UPDATE "DataVersion" SET version = version`);
    return async () => {
      holder.exec("ROLLBACK");
      holder.close();
    };
  }
  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  await holder.query(`BEGIN; LOCK TABLE "Pledge" IN EXCLUSIVE MODE`);
  return async () => {
    await holder.query("ROLLBACK");
    await holder.end();
  };
}
