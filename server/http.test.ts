import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { isDatabaseBusy } from "@/server/database-busy";
import { ParamsError } from "@/lib/search-params";
import { WriteError, databaseBusy } from "@/lib/write-error";
import { invalid } from "@/lib/validation-message";
import { ApiError, answerLocale, responseFor, retryAfterSeconds, withCurrentOnConflict } from "./http";

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
    const busy = responseFor(prismaError("P2028"));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("Retry-After")).toBe("5");
    expect(await busy.json()).toEqual({
      error: { message: expect.stringMatching(/too busy.*Nothing was saved/) },
    });

    const broken = responseFor(new Error("secret internals"));
    expect(broken.status).toBe(500);
    expect(JSON.stringify(await broken.json())).not.toContain("secret");
  });
});

describe("one answer for every error a route throws", () => {
  const answer = async (error: unknown) => {
    const response = responseFor(error);
    return {
      status: response.status,
      retry: response.headers.get("retry-after"),
      body: await response.json(),
    };
  };

  it("says what was wrong with the request, naming its parameters or fields", async () => {
    expect(await answer(new ApiError(404, 'There is no pledge with id "x".'))).toMatchObject({
      status: 404,
      body: { error: { message: 'There is no pledge with id "x".' } },
    });
    expect(
      await answer(new ParamsError([{ param: "assume", message: 'there is no condition "no-such"' }])),
    ).toMatchObject({
      status: 400,
      body: { error: { params: [{ param: "assume", message: 'there is no condition "no-such"' }] } },
    });
    const invalid = new WriteError("invalid", "Some fields need attention.", {
      fields: { title: "required" },
    });
    expect(await answer(invalid)).toMatchObject({
      status: 422,
      body: { error: { params: [{ param: "title", message: "required" }] } },
    });
  });

  it("tells every caller of a busy database the same wait, whichever layer noticed", async () => {
    for (const busy of [databaseBusy(), prismaError("P1008")]) {
      expect(await answer(busy)).toMatchObject({ status: 503, retry: String(retryAfterSeconds) });
    }
  });

  it("answers a conflict with the fields both people changed and the record as it is now", async () => {
    const conflict = new WriteError("conflict", "Changed by someone else.", {
      // In the words of the language asked for: the label here says which.
      conflictsIn: (locale) => [
        {
          field: "title",
          label: locale === "en" ? "Title" : `Title (${locale})`,
          base: "A",
          mine: "B",
          theirs: "C",
          mineInputs: {},
          theirsInputs: {},
        },
      ],
    });
    const thrown = await withCurrentOnConflict(Promise.reject(conflict), async () => ({ title: "C" })).catch(
      (error: unknown) => error,
    );
    expect(await answer(thrown)).toEqual({
      status: 409,
      retry: null,
      body: {
        error: { message: "Changed by someone else." },
        conflicts: [{ field: "title", label: "Title", base: "A", mine: "B", theirs: "C" }],
        current: { title: "C" },
      },
    });
    const inFrench = await withCurrentOnConflict(Promise.reject(conflict), async () => null, "fr").catch(
      (error: unknown) => error,
    );
    expect((await responseFor(inFrench, "fr").json()).conflicts[0].label).toBe("Title (fr)");
    // Anything else passes through untouched.
    const other = new Error("x");
    await expect(withCurrentOnConflict(Promise.reject(other), async () => null)).rejects.toBe(other);
  });
});

describe("the language of a refusal", () => {
  const asked = (headers: Record<string, string>) =>
    answerLocale(new Request("http://localhost/api/v1/pledges", { headers }));

  it("is English, unless the request names another in its header (the app's own pages do)", () => {
    expect(asked({})).toBe("en");
    // The browser's languages and the cookie do not change what the API says to a script.
    expect(asked({ "accept-language": "uk", cookie: "pw-locale=fr" })).toBe("en");
    expect(asked({ "x-pledgewatch-locale": "uk" })).toBe("uk");
    expect(asked({ "x-pledgewatch-locale": "de" })).toBe("en");
  });

  it("words the message and each parameter's in it", async () => {
    const refusal = new WriteError("invalid", invalid("refusal.sayStance"), {
      fields: { stakeholders: invalid("chooseAtLeastOne") },
    });
    expect(await responseFor(refusal, "fr").json()).toEqual({
      error: {
        message: "Indiquez la position à enregistrer.",
        params: [{ param: "stakeholders", message: "choisissez au moins une option" }],
      },
    });
    expect((await responseFor(new Error("boom"), "uk").json()).error.message).toBe(
      "Сервер не зміг відповісти на цей запит; помилку записано в журнал.",
    );
  });
});
