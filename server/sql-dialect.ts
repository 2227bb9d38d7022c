import { Prisma } from "@/generated/prisma/client";
import { databaseKind } from "./env";

// The few SQL spellings that differ between SQLite and PostgreSQL, for the raw queries that
// aggregate in the database. Everything else in those queries is written once, in the SQL both share.

/** True when `haystack` contains `needle` as plain text (so % and _ in it mean themselves). */
export function containsText(haystack: Prisma.Sql, needle: string): Prisma.Sql {
  return databaseKind() === "postgresql"
    ? Prisma.sql`strpos(${haystack}, ${needle}) > 0`
    : Prisma.sql`instr(${haystack}, ${needle}) > 0`;
}

/** The group's text values joined with commas (an aggregate). */
export function commaList(value: Prisma.Sql): Prisma.Sql {
  return databaseKind() === "postgresql"
    ? Prisma.sql`string_agg(${value}, ',' ORDER BY ${value})`
    : Prisma.sql`group_concat(${value})`;
}

/**
 * `column` read so that the planner does not look it up through an index: for a range that holds
 * most rows, where SQLite, without statistics (ANALYZE), would walk the index and read the table
 * out of order (measured: the as-of aggregate 1.5× slower). PostgreSQL keeps statistics itself.
 */
export function withoutIndex(column: Prisma.Sql): Prisma.Sql {
  return databaseKind() === "postgresql" ? column : Prisma.sql`+${column}`;
}

/**
 * The column that finds a row of `alias` fastest once a lookup has chosen it: SQLite's rowid (the
 * table's own key, one seek instead of two through the id's index), PostgreSQL's primary key.
 */
export function rowKey(alias: string): Prisma.Sql {
  return Prisma.raw(databaseKind() === "postgresql" ? `${alias}."id"` : `${alias}.rowid`);
}

/**
 * `column` is one of `values`, bound as one parameter (a JSON array on SQLite, an array on
 * PostgreSQL) rather than one each: Prisma compiles a raw query anew for each parameter list, which
 * costs more than running it (measured: reading 50,000 pledges' citations 2× faster).
 */
export function isOneOf(column: Prisma.Sql, values: readonly string[]): Prisma.Sql {
  return databaseKind() === "postgresql"
    ? Prisma.sql`${column} = ANY(${values})`
    : Prisma.sql`${column} IN (SELECT "value" FROM json_each(${JSON.stringify(values)}))`;
}

/**
 * The later of two timestamps, either of which may be null (then the other), each read once.
 * SQLite's are ISO text, which no empty string outranks.
 */
export function laterOf(a: Prisma.Sql, b: Prisma.Sql): Prisma.Sql {
  return databaseKind() === "postgresql"
    ? Prisma.sql`GREATEST(${a}, ${b})`
    : Prisma.sql`NULLIF(MAX(COALESCE(${a}, ''), COALESCE(${b}, '')), '')`;
}

/** Text compared byte by byte on both databases (PostgreSQL's locale collation would order otherwise). */
export function bytewise(text: Prisma.Sql): Prisma.Sql {
  return databaseKind() === "postgresql" ? Prisma.sql`(${text}) COLLATE "C"` : text;
}
