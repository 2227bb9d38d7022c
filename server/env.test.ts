import { describe, expect, it } from "vitest";
import {
  bootstrapAdminFromEnv,
  databaseKind,
  publicReadEnabled,
  requireAuthSecret,
  requireDatabaseUrl,
  sourcesDirectory,
  sqlitePath,
} from "./env";

describe("environment", () => {
  it("accepts a SQLite file URL", () => {
    expect(requireDatabaseUrl({ DATABASE_URL: "file:./data/x.db" })).toBe("file:./data/x.db");
    expect(sqlitePath("file:./data/x.db?connection_limit=1")).toBe("./data/x.db");
    expect(databaseKind("file:./data/x.db")).toBe("sqlite");
  });

  it("accepts a PostgreSQL URL, which is no SQLite file", () => {
    const url = "postgresql://app:secret@db.internal:5432/pledgewatch";
    expect(requireDatabaseUrl({ DATABASE_URL: url })).toBe(url);
    expect(databaseKind(url)).toBe("postgresql");
    expect(databaseKind("postgres://localhost/db")).toBe("postgresql");
    // The error names the URL without its password.
    expect(() => sqlitePath(url)).toThrow(
      "Not a SQLite file URL: postgresql://…@db.internal:5432/pledgewatch",
    );
  });

  it.each([
    [undefined, /DATABASE_URL is not set/],
    ["", /DATABASE_URL is empty/],
    ["mysql://localhost/db", /must be a SQLite file URL .* or a PostgreSQL URL/],
    ["postgresql://", /must be a SQLite file URL/],
  ])("explains what is wrong with %j", (value, message) => {
    expect(() => requireDatabaseUrl({ DATABASE_URL: value })).toThrow(message);
  });

  it("says one thing at a time", () => {
    expect(() => requireDatabaseUrl({ DATABASE_URL: "" })).not.toThrow(/;/);
  });
});

describe("account settings", () => {
  it("requires a long session secret and names the variable", () => {
    expect(() => requireAuthSecret({})).toThrow(/BETTER_AUTH_SECRET is not set/);
    expect(() => requireAuthSecret({ BETTER_AUTH_SECRET: "short" })).toThrow(/at least 32/);
    expect(requireAuthSecret({ BETTER_AUTH_SECRET: "x".repeat(32) })).toHaveLength(32);
  });

  it("reads PUBLIC_READ as off unless it says true, and refuses anything else", () => {
    expect(publicReadEnabled({})).toBe(false);
    expect(publicReadEnabled({ PUBLIC_READ: "false" })).toBe(false);
    expect(publicReadEnabled({ PUBLIC_READ: "TRUE" })).toBe(true);
    expect(() => publicReadEnabled({ PUBLIC_READ: "yes please" })).toThrow(/PUBLIC_READ/);
  });

  it("takes the first admin from both variables or none", () => {
    expect(bootstrapAdminFromEnv({})).toBeNull();
    expect(() => bootstrapAdminFromEnv({ ADMIN_EMAIL: "a@b.org" })).toThrow(/both/);
    expect(() => bootstrapAdminFromEnv({ ADMIN_EMAIL: "a@b.org", ADMIN_PASSWORD: "short" })).toThrow(/12/);
    expect(bootstrapAdminFromEnv({ ADMIN_EMAIL: "a@b.org", ADMIN_PASSWORD: "long enough pw" })).toEqual({
      email: "a@b.org",
      password: "long enough pw",
    });
  });

  it("finds the source documents beside the checkout unless SOURCES_DIR names another folder", () => {
    expect(sourcesDirectory({}, "/srv/pledgewatch")).toBe("/srv/shared/sources");
    expect(sourcesDirectory({ SOURCES_DIR: " " }, "/srv/pledgewatch")).toBe("/srv/shared/sources");
    expect(sourcesDirectory({ SOURCES_DIR: "docs/sources" }, "/srv/pledgewatch")).toBe(
      "/srv/pledgewatch/docs/sources",
    );
    expect(sourcesDirectory({ SOURCES_DIR: "/data/sources" }, "/srv/pledgewatch")).toBe("/data/sources");
  });
});
