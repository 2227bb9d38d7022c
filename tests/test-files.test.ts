import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The PostgreSQL run picks database tests by file name (vitest.config.ts says what each name means):
// a database test named like a plain one would silently run on SQLite only.
const root = path.resolve(import.meta.dirname, "..");
const folders = ["app", "components", "features", "lib", "server", "prisma", "scripts", "tests"];
const testFiles = folders.flatMap((folder) =>
  readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts") && !file.includes("node_modules"))
    .map((file) => path.join(folder, file)),
);

// What opens a database: the test helpers, the client, the app's handle.
const databaseModule =
  /(?:from\s+|import\()\s*["'][^"']*(?:seeded-database|temp-database|prisma-client|postgres-connection|server\/db)["']/;
const databaseName = /\.(db|sqlite|postgresql)\.test\.ts$/;

describe("test file names", () => {
  it("finds the test files", () => {
    expect(testFiles.length).toBeGreaterThan(40);
  });

  it.each(testFiles)("%s says by its name whether it opens a database", (file) => {
    const opensDatabase = databaseModule.test(readFileSync(path.join(root, file), "utf8"));
    expect(databaseName.test(file), opensDatabase ? "name it *.db.test.ts" : "it opens no database").toBe(
      opensDatabase,
    );
  });
});
