// What only the embedded SQLite database has: its file's journal mode, set by `npm run db:deploy`.
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { createMigratedDatabase } from "../tests/support/temp-database";

const database = createMigratedDatabase();
afterAll(() => database.remove());

it("is in WAL mode, so readers never wait for the writer", () => {
  const raw = new Database(database.file);
  expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
  raw.close();
});
