import Database from "better-sqlite3";
import pg from "pg";

/**
 * Holds the database's write lock from a second connection, as a long import would, until the
 * returned function releases it. SQLite: an immediate transaction. PostgreSQL: the lock on the data
 * version row, which every write the app makes also takes.
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
  await holder.query(`BEGIN; UPDATE "DataVersion" SET "version" = "version" WHERE "id" = 1`);
  return async () => {
    await holder.query("ROLLBACK");
    await holder.end();
  };
}
