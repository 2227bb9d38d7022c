// Backups on a real seeded file: the copy is consistent and complete, and restoring it brings back
// exactly the rows it had, whatever was written in between.
import path from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seededTestDatabase } from "@tests/seeded-database";

const { db, database } = await seededTestDatabase();
const { backupDatabase, restoreDatabase, tableHashes } = await import("./sqlite-backup");

describe("backup and restore", () => {
  it("copies while the app holds a connection, and restores the same row hashes after later writes", async () => {
    await db().pledge.count(); // the app's connection is open throughout
    const copy = path.join(database.dir, "backup.db");
    const { hashes } = backupDatabase(database.file, copy);
    expect(hashes.Pledge).toMatch(/^\d+:/);
    expect(hashes).toEqual(tableHashes(database.file));

    await db().source.create({ data: { slug: "after-backup", title: "Written after the backup" } });
    expect(tableHashes(database.file).Source).not.toBe(hashes.Source);

    const versionBefore = (await db().dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
    // The access version (server/access.ts keeps who a credential stands for by it), moved on since.
    await db().dataVersion.update({ where: { id: 2 }, data: { version: 1000 } });
    const restored = await restoreDatabase(copy, database.file);
    expect(restored.hashes).toEqual(hashes);
    // The counter moved on rather than back, so caches keyed by it are not served again.
    expect((await db().dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBe(versionBefore + 1);
    expect((await db().dataVersion.findUniqueOrThrow({ where: { id: 2 } })).version).toBe(1001);
    expect(await db().source.count({ where: { slug: "after-backup" } })).toBe(0);
    expect(() => backupDatabase(database.file, copy)).toThrow(/already exists/);
  });

  it("refuses to restore a damaged file, leaving the database as it was", async () => {
    const damaged = path.join(database.dir, "damaged.db");
    backupDatabase(database.file, damaged);
    // Scribble over pages in the middle of the file, as a failing disk would.
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, 8192, 8192 * 4);
    writeFileSync(damaged, bytes);
    const before = tableHashes(database.file);
    await expect(restoreDatabase(damaged, database.file)).rejects.toThrow();
    expect(tableHashes(database.file)).toEqual(before);
  });
});
