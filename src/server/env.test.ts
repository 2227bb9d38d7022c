import { describe, expect, it } from "vitest";
import { requireDatabaseUrl, sqlitePath } from "./env";

describe("environment", () => {
  it("accepts a SQLite file URL", () => {
    expect(requireDatabaseUrl({ DATABASE_URL: "file:./data/x.db" })).toBe("file:./data/x.db");
    expect(sqlitePath("file:./data/x.db?connection_limit=1")).toBe("./data/x.db");
  });

  it.each([
    [undefined, /DATABASE_URL is not set/],
    ["", /DATABASE_URL is empty/],
    ["postgres://localhost/db", /must be a SQLite file URL/],
  ])("explains what is wrong with %j", (value, message) => {
    expect(() => requireDatabaseUrl({ DATABASE_URL: value })).toThrow(message);
  });

  it("says one thing at a time", () => {
    expect(() => requireDatabaseUrl({ DATABASE_URL: "" })).not.toThrow(/;/);
  });
});
