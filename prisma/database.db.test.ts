// Integration tests on real databases (SQLite files, or PostgreSQL under vitest.postgresql.config.ts):
// the committed migrations, the seed and the database's own rules.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPostgresClient } from "../server/postgres-connection";
import { createPrismaClient, type PrismaClient } from "../server/prisma-client";
import { ensurePostgresDatabase } from "../scripts/postgres-migrate";
import {
  createMigratedDatabase,
  dropPostgresDatabase,
  testDatabaseKind,
  testPostgresUrl,
} from "../tests/support/temp-database";
import { seedDatabase } from "./seed/seed-database";

const migrated = createMigratedDatabase("migrated.db");
const seeded = createMigratedDatabase("seeded.db");

/** The message SQLite raised, which Prisma reports inside its own error. */
async function databaseRefusal(write: Promise<unknown>): Promise<string> {
  try {
    await write;
  } catch (error) {
    const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } } }).meta
      ?.driverAdapterError?.cause;
    return cause?.originalMessage ?? String(error);
  }
  throw new Error("the database accepted a write it should have refused");
}

/** Columns without `cid`, their position in the table, which depends on when each was added. */
const withoutPosition = <T extends { cid?: number }>(columns: T[]) =>
  columns.map((column) => ({ ...column, cid: undefined }));

/**
 * Tables as SQLite understands them (columns, keys, indexes), minus Prisma's bookkeeping table.
 * Structure rather than the stored CREATE text, which differs when a migration adds a column.
 */
function sqliteSchemaOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name`,
      )
      .pluck()
      .all() as string[];
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    return tables.map((table) => ({
      table,
      columns: withoutPosition(db.pragma(`table_info("${table}")`) as { name: string; cid?: number }[]).sort(
        byName,
      ),
      foreignKeys: db.pragma(`foreign_key_list("${table}")`),
      // An index's position in the list (seq) follows the order of creation, which a migration
      // that replaces an index changes; what the index is stays compared.
      indexes: (db.pragma(`index_list("${table}")`) as { name: string; seq?: number }[])
        .sort(byName)
        .map((index) => ({
          ...index,
          seq: undefined,
          columns: withoutPosition(db.pragma(`index_info("${index.name}")`) as { cid?: number }[]),
        })),
    }));
  } finally {
    db.close();
  }
}

/** Tables, columns, keys, indexes and enum types as PostgreSQL's catalog describes them. */
async function postgresSchemaOf(url: string) {
  return withPostgresClient(url, async (client) => {
    const query = async (sql: string) => (await client.query(sql)).rows;
    return {
      columns: await query(`SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      indexes: await query(`SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`),
      constraints:
        await query(`SELECT conrelid::regclass::text AS "table", conname, pg_get_constraintdef(oid) AS definition
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 't' AND conrelid::regclass::text <> '_prisma_migrations'
        ORDER BY 1, 2`),
      enums: await query(`SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`),
    };
  });
}

/** The schema as Prisma would create it from nothing, for the database kind under test. */
function schemaScript(postgres: boolean): string {
  const [config, schema] = postgres
    ? ["prisma/postgresql/prisma.config.ts", "prisma/postgresql/schema.prisma"]
    : ["prisma.config.ts", "prisma/schema.prisma"];
  return execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--config",
      config,
      "--from-empty",
      "--to-schema-datamodel",
      schema,
      "--script",
    ],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: migrated.url },
    },
  );
}

afterAll(async () => {
  await migrated.remove();
  await seeded.remove();
});

describe("migrations", () => {
  it("build exactly the schema that schema.prisma describes (no drift)", async () => {
    if (testDatabaseKind() === "postgresql") {
      const fromSchemaUrl = testPostgresUrl(`pledgewatch_test_${randomBytes(6).toString("hex")}`);
      await ensurePostgresDatabase(fromSchemaUrl, () => {});
      try {
        await withPostgresClient(fromSchemaUrl, (fresh) => fresh.query(schemaScript(true)));
        const schema = await postgresSchemaOf(migrated.url);
        expect(schema.columns.length).toBeGreaterThan(100);
        expect(schema).toEqual(await postgresSchemaOf(fromSchemaUrl));
      } finally {
        await dropPostgresDatabase(fromSchemaUrl);
      }
      return;
    }
    const fromSchemaFile = path.join(migrated.dir, "from-schema.db");
    const fresh = new Database(fromSchemaFile);
    fresh.exec(schemaScript(false));
    fresh.close();
    const tables = sqliteSchemaOf(migrated.file);
    expect(tables.length).toBeGreaterThan(10);
    expect(tables).toEqual(sqliteSchemaOf(fromSchemaFile));
  }, 120_000);
});

describe("seeded database", () => {
  const { url } = seeded;
  let db: PrismaClient;

  beforeAll(async () => {
    db = createPrismaClient(url);
    await seedDatabase(db);
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
  });

  it("holds the Paris pledges, each cited, with their initial status in the history", async () => {
    expect(await db.pledge.count()).toBe(9);
    expect(await db.pledge.count({ where: { citations: { none: {} } } })).toBe(0);
    expect(await db.pledge.count({ where: { statusChanges: { none: {} } } })).toBe(0);
    expect(await db.statusChange.count({ where: { citations: { none: {} } } })).toBe(0);
    const force = await db.pledge.findUniqueOrThrow({ where: { externalId: "seed:deterrence-force" } });
    expect(force).toMatchObject({
      quantityLow: 30_000n,
      quantityHigh: 30_000n,
      quantityUnit: "personnel",
      quantityQualifier: "up_to",
    });
    const requirement = await db.requirement.findUniqueOrThrow({
      where: { slug: "credible-monitoring-force-troops" },
    });
    expect(requirement).toMatchObject({ low: 50_000n, high: 100_000n, unit: "personnel" });
    const members = await db.coalitionMember.count({
      where: { coalition: { slug: "coalition-of-the-willing" } },
    });
    expect(members).toBe(9);
  });

  it("stores no number where the sources give none", async () => {
    const numbered = await db.pledge.findMany({
      where: { quantityLow: { not: null } },
      select: { externalId: true },
    });
    expect(numbered).toEqual([{ externalId: "seed:deterrence-force" }]);
  });

  it("is idempotent and never reverts a later change", async () => {
    const count = async () =>
      Promise.all([
        db.pledge.count(),
        db.citation.count(),
        db.statusChange.count(),
        db.stakeholder.count(),
        db.pledgeCondition.count(),
      ]);
    const before = await count();
    await db.pledge.update({
      where: { externalId: "seed:poland-logistics-hub" },
      data: { status: "stalled", version: { increment: 1 } },
    });
    await seedDatabase(db);
    expect(await count()).toEqual(before);
    const poland = await db.pledge.findUniqueOrThrow({ where: { externalId: "seed:poland-logistics-hub" } });
    expect(poland).toMatchObject({ status: "stalled", version: 2 });
  });

  it("refuses to edit or delete status history", async () => {
    const change = await db.statusChange.findFirstOrThrow();
    expect(
      await databaseRefusal(
        db.statusChange.update({ where: { id: change.id }, data: { note: "rewritten" } }),
      ),
    ).toMatch(/append-only/);
    expect(await databaseRefusal(db.statusChange.delete({ where: { id: change.id } }))).toMatch(
      /cannot be deleted/,
    );
    expect(await db.statusChange.findUniqueOrThrow({ where: { id: change.id } })).toMatchObject({
      note: change.note,
    });
  });

  it("refuses to edit or delete the audit trail", async () => {
    const entry = await db.auditEntry.create({
      data: { actorLabel: "Auditor", action: "create", entityType: "source", entityId: "x" },
    });
    expect(
      await databaseRefusal(db.auditEntry.update({ where: { id: entry.id }, data: { entityId: "y" } })),
    ).toMatch(/append-only/);
    expect(await databaseRefusal(db.auditEntry.delete({ where: { id: entry.id } }))).toMatch(
      /cannot be deleted/,
    );
  });

  it("moves the data version on every write the dashboard depends on", async () => {
    const version = async () => (await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
    const before = await version();
    expect(before).toBeGreaterThan(0);
    const pledge = await db.pledge.findFirstOrThrow();
    await db.pledge.update({ where: { id: pledge.id }, data: { title: pledge.title } });
    const afterUpdate = await version();
    expect(afterUpdate).toBeGreaterThan(before);
    await db.statusChange.create({
      data: {
        pledgeId: pledge.id,
        toPledgeStatus: pledge.status,
        occurredAt: new Date(),
        note: "re-recorded",
      },
    });
    expect(await version()).toBeGreaterThan(afterUpdate);
  });

  it("refuses a status change that names no subject, or two", async () => {
    const pledge = await db.pledge.findFirstOrThrow();
    const condition = await db.condition.findFirstOrThrow();
    const base = { occurredAt: new Date(), note: "test" };
    const attempts = [
      { ...base, toPledgeStatus: "committed" as const },
      { ...base, pledgeId: pledge.id, conditionId: condition.id, toPledgeStatus: "committed" as const },
      { ...base, pledgeId: pledge.id, toConditionStatus: "met" as const },
    ];
    for (const data of attempts) {
      expect(await databaseRefusal(db.statusChange.create({ data }))).toMatch(
        /exactly one pledge or one condition/,
      );
    }
  });
});
