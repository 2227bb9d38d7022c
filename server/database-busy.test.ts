import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { handled } from "./api";
import { isDatabaseBusy } from "./database-busy";

const prismaError = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("failed", { code, clientVersion: "6.19.3", meta });
// What @prisma/adapter-pg throws for a PostgreSQL error: the driver's code under `cause`.
const postgresError = (originalCode: string) =>
  Object.assign(new Error("canceling statement due to lock timeout"), {
    cause: { kind: "postgres", originalCode },
  });

describe("a database too busy to take the work", () => {
  it("is SQLite's busy timeout, PostgreSQL's lock timeout, or no transaction in time; nothing else", () => {
    expect(isDatabaseBusy(prismaError("P1008"))).toBe(true);
    expect(isDatabaseBusy(prismaError("P2028"))).toBe(true);
    expect(isDatabaseBusy(postgresError("55P03"))).toBe(true);
    // A raw query, such as an import's multi-row INSERT, that waited out the lock timeout.
    const raw = (originalCode: string) => ({
      driverAdapterError: { cause: { kind: "postgres", originalCode } },
    });
    expect(isDatabaseBusy(prismaError("P2010", raw("55P03")))).toBe(true);
    expect(isDatabaseBusy(prismaError("P2010", raw("23505")))).toBe(false);
    expect(isDatabaseBusy(prismaError("P2002"))).toBe(false);
    expect(isDatabaseBusy(postgresError("40P01"))).toBe(false);
    expect(isDatabaseBusy(new Error("boom"))).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });

  it("answers API requests 503 with Retry-After; other failures stay a plain 500", async () => {
    const busy = await handled(async () => {
      throw prismaError("P2028");
    })();
    expect(busy.status).toBe(503);
    expect(busy.headers.get("Retry-After")).toBe("5");
    expect(await busy.json()).toEqual({
      error: { message: expect.stringMatching(/too busy.*Nothing was saved/) },
    });

    const broken = await handled(async () => {
      throw new Error("secret internals");
    })();
    expect(broken.status).toBe(500);
    expect(JSON.stringify(await broken.json())).not.toContain("secret");
  });
});
