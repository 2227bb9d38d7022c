// PostgreSQL backups on a real seeded database: the dump is taken from one snapshot with its hashes,
// and restoring it brings back exactly those rows, all or nothing.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seededTestDatabase } from "@tests/seeded-database";
import { withPostgresClient } from "./postgres-connection";

const { db, database } = await seededTestDatabase();
const { backupPostgres, hashesFileOf, postgresTableHashes, restorePostgres } =
  await import("./postgres-backup");

const liveHashes = () => withPostgresClient(database.url, postgresTableHashes);

describe("PostgreSQL backup and restore", () => {
  it("dumps while the app holds a connection, and restores the same row hashes after later writes", async () => {
    await db().pledge.count(); // the app's connection is open throughout
    const dump = path.join(database.dir, "backup.dump");
    const { hashes } = await backupPostgres(database.url, dump);
    expect(hashes.Pledge).toMatch(/^9:/);
    expect(hashes).toEqual(await liveHashes());
    expect(JSON.parse(readFileSync(hashesFileOf(dump), "utf8"))).toEqual(hashes);

    await db().source.create({ data: { slug: "after-backup", title: "Written after the backup" } });
    const versionBefore = (await db().dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
    expect((await liveHashes()).Source).not.toBe(hashes.Source);

    // The access version (server/access.ts keeps who a credential stands for by it), moved on since.
    await db().dataVersion.update({ where: { id: 2 }, data: { version: 1000 } });
    const restored = await restorePostgres(dump, database.url);
    expect(restored.hashes).toEqual(hashes);
    expect(await db().source.count({ where: { slug: "after-backup" } })).toBe(0);
    // The counter moved on rather than back, so caches keyed by it are not served again.
    expect((await db().dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBe(versionBefore + 1);
    expect((await db().dataVersion.findUniqueOrThrow({ where: { id: 2 } })).version).toBe(1001);
    // The database's own rules came back with it.
    await expect(db().statusChange.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(backupPostgres(database.url, dump)).rejects.toThrow(/already exists/);
  });

  it("refuses a damaged dump or one without its hashes, leaving the database as it was", async () => {
    const dump = path.join(database.dir, "damaged.dump");
    await backupPostgres(database.url, dump);
    const bytes = readFileSync(dump);
    writeFileSync(dump, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const before = await liveHashes();
    await expect(restorePostgres(dump, database.url)).rejects.toThrow(/rolled back|not a readable/);
    expect(await liveHashes()).toEqual(before);

    const orphan = path.join(database.dir, "orphan.dump");
    writeFileSync(orphan, bytes);
    expect(existsSync(hashesFileOf(orphan))).toBe(false);
    await expect(restorePostgres(orphan, database.url)).rejects.toThrow(/hashes.json is missing/);
    expect(await liveHashes()).toEqual(before);
  });
});
