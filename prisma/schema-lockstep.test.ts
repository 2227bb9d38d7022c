// The SQLite schema (the embedded default) and the PostgreSQL one (several instances) must describe
// the same models, fields and enums, and each schema change must come with a migration for both.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaShape, shapeDifferences } from "./schema-shape";

const read = (file: string) => readFileSync(path.join(import.meta.dirname, file), "utf8");
const migrationsIn = (folder: string) =>
  readdirSync(path.join(import.meta.dirname, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe("the SQLite and PostgreSQL schemas", () => {
  it("define the same models, fields and enums", () => {
    const sqlite = schemaShape(read("schema.prisma"));
    const postgresql = schemaShape(read("postgresql/schema.prisma"));
    expect(sqlite.models.size).toBeGreaterThan(10);
    expect(shapeDifferences(sqlite, postgresql, ["schema.prisma", "postgresql/schema.prisma"])).toEqual([]);
  });

  it("have a migration each for every schema change since PostgreSQL's baseline", () => {
    const sqlite = migrationsIn("migrations");
    const [baseline, ...postgresql] = migrationsIn("postgresql/migrations");
    expect(baseline).toMatch(/_postgresql_baseline$/);
    // The baseline holds everything SQLite's migrations up to its date hold.
    const since = sqlite.filter((name) => name > baseline!);
    expect(postgresql).toEqual(since);
  });
});

describe("schemaShape", () => {
  const schema = `
    generator client { provider = "prisma-client" }
    /// A kind.
    enum Kind {
      a
      b // the second
    }
    model Thing {
      id   String @id // why
      kind Kind   @default(a)
      note String?
      @@index([kind])
    }`;

  it("reads models, fields, block attributes and enums, without comments", () => {
    const shape = schemaShape(schema);
    expect(shape.enums.get("Kind")).toEqual(["a", "b"]);
    expect([...shape.models.get("Thing")!]).toEqual([
      ["id", "String @id"],
      ["kind", "Kind @default(a)"],
      ["note", "String?"],
    ]);
    expect(shape.modelAttributes.get("Thing")).toEqual(["@@index([kind])"]);
  });

  it("names each difference", () => {
    const changed = schemaShape(
      schema
        .replace("note String?", "note String")
        .replace("b // the second", "c")
        .replace("@@index([kind])", ""),
    );
    expect(shapeDifferences(schemaShape(schema), changed, ["one", "two"])).toEqual([
      'field Thing.note is "String?" in one but "String" in two',
      'model Thing has "@@index([kind])" in one but "" in two',
      "enum Kind is a,b in one but a,c in two",
    ]);
    const extra = schemaShape(schema.replace("note String?", "note String?\n extra Int"));
    expect(shapeDifferences(schemaShape(schema), extra, ["one", "two"])).toEqual([
      "field of Thing: extra is missing from one",
    ]);
  });
});
