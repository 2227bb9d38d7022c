// The import route under hostile uploads: every one answered with a reason, its slot freed, so the
// next analyst's import still runs.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { importLimits } from "@/features/imports/fields";
import { bearerHeaders } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";

await seededTestDatabase();
const route = await import("./route");

let analyst: Record<string, string>;
let colleague: Record<string, string>;
beforeAll(async () => {
  analyst = await bearerHeaders("analyst");
  colleague = await bearerHeaders("analyst");
});

const upload = (body: BodyInit, as = analyst, signal?: AbortSignal) =>
  route.POST(
    new Request(`http://localhost/api/v1/imports?fileName=pledges.csv&mode=preview`, {
      method: "POST",
      headers: as,
      body,
      duplex: "half",
      signal,
    } as RequestInit),
    { params: Promise.resolve({}) },
  );

/** A body that sends `text`, then nothing more, ever (a client that stalls). */
const stalledAfter = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
    },
  });

/** Runs `work` with some of the import's limits changed, then puts them back. */
async function withLimits(limits: Partial<typeof importLimits>, work: () => Promise<void>) {
  const saved = { ...importLimits };
  Object.assign(importLimits, limits);
  try {
    await work();
  } finally {
    Object.assign(importLimits, saved);
  }
}

/** The NDJSON answer's last line: the result or the error. */
async function outcome(response: Response) {
  const lines = (await response.text()).trim().split("\n");
  return JSON.parse(lines.at(-1)!) as { type: string; status?: number; message?: string };
}

const goodFile = "Title,Category,Announced\nA hostile-test pledge,force,2026-01-06\n";

describe("a saved mapping that can no longer be read", () => {
  it("is refused with what is wrong (never a 500), and still listed by name", async () => {
    const { db } = await import("@/server/db");
    await db().importMapping.create({
      data: { name: "Corrupt tracker", columns: '{"Donor":"planet"}', values: "not json", settings: "[" },
    });
    const response = await route.POST(
      new Request(
        `http://localhost/api/v1/imports?fileName=pledges.csv&mappingName=${encodeURIComponent("Corrupt tracker")}`,
        {
          method: "POST",
          headers: analyst,
          body: goodFile,
        },
      ),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      error: {
        message: expect.stringMatching(
          /^The saved mapping "Corrupt tracker" can no longer be read \(.*not a pledge field.*\)\. Map the file again/,
        ),
      },
    });
    const mappings = await import("../import-mappings/route");
    const listed = await mappings.GET(
      new Request("http://localhost/api/v1/import-mappings", { headers: analyst }),
      {
        params: Promise.resolve({}),
      },
    );
    expect(listed.status).toBe(200);
    expect((await listed.json()).data).toContainEqual(
      expect.objectContaining({ name: "Corrupt tracker", mapping: null }),
    );
    // The slot it never took is free: the next import runs.
    expect(await outcome(await upload(goodFile))).toMatchObject({ type: "result" });
  });
});

describe("hostile uploads", () => {
  it("answers a quote error and a file with unmapped headers, and frees both slots", async () => {
    const answers = await Promise.all([
      upload('a,b\n1,"x"y\n').then(outcome),
      upload("Donor,Measure,Value\nFrance,troops,1\n", colleague).then(outcome),
    ]);
    expect(answers[0]).toMatchObject({
      type: "error",
      status: 422,
      message: expect.stringMatching(/^Row 2:/),
    });
    expect(answers[1]).toMatchObject({ type: "result" });
    // Both slots are free again: a third import runs.
    expect(await outcome(await upload(goodFile))).toMatchObject({ type: "result" });
  });

  it("stops waiting for an upload that stalls, answering 408 and freeing its slot", async () => {
    const saved = importLimits.uploadSeconds;
    importLimits.uploadSeconds = 1;
    try {
      const stalled = () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode("Title,Category,Announced\n"));
            // …and nothing more, ever.
          },
        });
      const started = Date.now();
      const answers = await Promise.all([
        upload(stalled()).then(outcome),
        upload(stalled(), colleague).then(outcome),
      ]);
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const answer of answers) {
        expect(answer).toMatchObject({
          type: "error",
          status: 408,
          message: expect.stringMatching(/within 1 seconds/),
        });
      }
    } finally {
      importLimits.uploadSeconds = saved;
    }
    expect(await outcome(await upload(goodFile))).toMatchObject({ type: "result" });
  });

  it("drops the rest of an upload it refused at the header, rather than keeping it until the deadline", async () => {
    let cancelled = false;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        // One header line longer than any row the import reads, then more of it for ever.
        controller.enqueue(new TextEncoder().encode("c,".repeat(importLimits.maxLineChars / 2 + 1)));
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await outcome(await upload(endless))).toMatchObject({
      type: "error",
      status: 422,
      message: expect.stringMatching(/^Row 1/),
    });
    await vi.waitFor(() => expect(cancelled).toBe(true));
    expect(pulled).toBeLessThan(10);
  });

  it("gives up on two uploads that stop sending mid-file, and the next import runs", async () => {
    await withLimits({ idleSeconds: 1 }, async () => {
      const started = Date.now();
      const answers = await Promise.all([
        upload(stalledAfter(`${goodFile}Half a row,`)).then(outcome),
        upload(stalledAfter(goodFile), colleague).then(outcome),
      ]);
      // The upload's own deadline (120 s) is far: the idle time is what ended them.
      expect(Date.now() - started).toBeLessThan(10_000);
      for (const answer of answers) {
        expect(answer).toMatchObject({
          type: "error",
          status: 408,
          message: expect.stringMatching(/No part of the upload arrived for 1 seconds/),
        });
      }
    });
    expect(await outcome(await upload(goodFile))).toMatchObject({ type: "result" });
    expect(await outcome(await upload(goodFile, colleague))).toMatchObject({ type: "result" });
  });

  it("frees the slot at once when the client goes away mid-upload", async () => {
    const client = new AbortController();
    const response = await upload(stalledAfter(goodFile), analyst, client.signal);
    expect(response.status).toBe(200);
    // While it waits, it holds the person's one slot.
    expect((await upload(goodFile)).status).toBe(429);
    client.abort();
    await vi.waitFor(async () => {
      const again = await upload(goodFile);
      expect(again.status).toBe(200);
      expect(await outcome(again)).toMatchObject({ type: "result" });
    });
  });

  it("stops an import that runs past its time, saying so, and frees its slot", async () => {
    await withLimits({ workSeconds: 1 }, async () => {
      expect(await outcome(await upload(stalledAfter(goodFile)))).toMatchObject({
        type: "error",
        status: 503,
        message: expect.stringMatching(/ran for more than 1 seconds/),
      });
    });
    expect(await outcome(await upload(goodFile))).toMatchObject({ type: "result" });
  });

  it("reads the whole of a file whose columns miss a required field, and names what to map", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `Donor ${i},2026-01-06,force,Measure ${i},${i}`);
    const file = ["Donor,Date,Category,Measure,Value in EUR", ...rows].join("\n");
    const answer = (await outcome(await upload(file))) as unknown as {
      outcome: { preview: { rows: number; sha256: string; missing: string[]; guesses: unknown[] } };
    };
    const { createHash } = await import("node:crypto");
    expect(answer.outcome.preview).toMatchObject({
      rows: 3000,
      sha256: createHash("sha256").update(file).digest("hex"),
      missing: ["title"],
      guesses: expect.arrayContaining([
        { field: "title", header: "Measure" },
        { field: "stakeholders", header: "Donor" },
      ]),
    });
  });

  it("runs one import per person at a time, saying so to the second", async () => {
    let finish!: () => void;
    const held = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("Title,Category,Announced\n"));
        finish = () => {
          controller.enqueue(new TextEncoder().encode("Held pledge,force,2026-01-06\n"));
          controller.close();
        };
      },
    });
    const first = upload(held);
    // Let the first take its slot before the second asks.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await upload(goodFile);
    expect(second.status).toBe(429);
    expect(await second.json()).toMatchObject({
      error: { message: expect.stringMatching(/previous import is still running/) },
    });
    expect(await outcome(await upload(goodFile, colleague))).toMatchObject({ type: "result" });
    finish();
    expect(await outcome(await first)).toMatchObject({ type: "result" });
    expect(await outcome(await upload(goodFile))).toMatchObject({ type: "result" });
  });
});

describe("a tracker's own layout through the route", () => {
  type Line = {
    type: string;
    errors?: { row: number }[];
    outcome?: Record<string, never>;
    errorsTotal?: number;
  };
  const lines = async (response: Response) =>
    (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Line);
  const send = (query: Record<string, string>, body: string) =>
    route.POST(
      new Request(
        `http://localhost/api/v1/imports?${new URLSearchParams({ fileName: "kiel.csv", ...query })}`,
        {
          method: "POST",
          headers: analyst,
          body,
        },
      ),
      { params: Promise.resolve({}) },
    );

  it("previews with a composed title, row ids, a default unit and rounding, streams every error, and imports the valid rows when asked", async () => {
    // Every other row lacks its date: 2,500 problems, sent in lines of at most 2,000.
    const rows = Array.from({ length: 5000 }, (_, i) =>
      [`Route donor ${i % 7}`, i % 2 ? "" : "2022-03-01", "force", `Measure ${i}`, "10.005"].join(","),
    );
    const file = ["Donor,Date,Category,Measure,Value", ...rows].join("\n");
    const mapping = JSON.stringify({
      columns: { Donor: "stakeholders", Date: "announcedOn", Category: "category", Value: "quantityLow" },
      composed: { title: "{Measure} ({Donor})", externalId: "route-kiel-{#row}" },
      defaults: { quantityUnit: "EUR" },
      round: true,
    });
    const preview = await lines(await send({ mode: "preview", mapping }, file));
    const errorLines = preview.filter((line) => line.type === "errors");
    expect(errorLines.map((line) => line.errors!.length)).toEqual([2000, 500]);
    const result = preview.at(-1) as unknown as {
      errorsTotal: number;
      outcome: { preview: { digest: string; counts: object; rounding: object[]; errors: unknown[] } };
    };
    expect(result.errorsTotal).toBe(2500);
    expect(result.outcome.preview.errors).toEqual([]);
    expect(result.outcome.preview.counts).toEqual({ create: 2500, update: 0, skip: 0, invalid: 2500 });
    expect(result.outcome.preview.rounding).toEqual([
      { unit: "EUR", amounts: 2500, rows: 2500, total: "12.5" },
    ]);

    // Without skipInvalid a commit writes nothing; with it, the valid half goes in.
    const refused = await lines(
      await send({ mode: "commit", mapping, expect: result.outcome.preview.digest }, file),
    );
    expect(refused.at(-1)).toMatchObject({ type: "result", outcome: { kind: "preview" } });
    const skipping = await lines(await send({ mode: "preview", mapping, skipInvalid: "true" }, file));
    const digest = (skipping.at(-1) as unknown as { outcome: { preview: { digest: string } } }).outcome
      .preview.digest;
    expect(digest).not.toBe(result.outcome.preview.digest);
    const committed = await lines(
      await send({ mode: "commit", mapping, skipInvalid: "true", expect: digest }, file),
    );
    expect(committed.at(-1)).toMatchObject({
      type: "result",
      outcome: { kind: "committed", result: { created: 2500, updated: 0 } },
    });
    const { db } = await import("@/server/db");
    expect(
      await db().pledge.findUniqueOrThrow({
        where: { externalId: "route-kiel-2" },
        select: { title: true, quantityLow: true, quantityUnit: true },
      }),
    ).toEqual({ title: "Measure 0 (Route donor 0)", quantityLow: 1001n, quantityUnit: "EUR" });
    expect(await db().pledge.count({ where: { externalId: "route-kiel-3" } })).toBe(0);
    const bad = await send({ mode: "preview", skipInvalid: "maybe" }, file);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { message: expect.stringMatching(/skipInvalid is true or false/) },
    });
  }, 120_000);
  it("stores month, year and unknown dates with their precision, and new stakeholders with their kinds", async () => {
    const file = [
      "Donor,Date,Category,Measure,Value,Kind",
      "Republic of Moldova,2022-03,assistance,Route month,100,",
      "Route Bank of Tests,2023,assistance,Route year,200,",
      "Route Lending Facility,unknown,assistance,Route unknown,300,Organisation",
      "Route Uncharted Land,2024-05-06,assistance,Route day,400,",
    ].join("\n");
    const mapping = JSON.stringify({
      columns: {
        Donor: "stakeholders",
        Date: "announcedOn",
        Category: "category",
        Measure: "title",
        Value: "quantityLow",
        Kind: "stakeholderKind",
      },
      composed: { externalId: "route-dates-{Measure}" },
      defaults: { quantityUnit: "EUR" },
      stakeholderKinds: { "Route Uncharted Land": "state" },
    });
    type Preview = {
      digest: string;
      newStakeholders: { name: string; kind: string; basis: string }[];
      errors: unknown[];
    };
    const preview = (await lines(await send({ mode: "preview", mapping }, file))).at(-1) as unknown as {
      outcome: { preview: Preview };
    };
    expect(preview.outcome.preview.errors).toEqual([]);
    expect(preview.outcome.preview.newStakeholders).toEqual([
      expect.objectContaining({ name: "Republic of Moldova", kind: "state", basis: "country" }),
      expect.objectContaining({ name: "Route Bank of Tests", kind: "organisation", basis: "not a country" }),
      expect.objectContaining({ name: "Route Lending Facility", kind: "organisation", basis: "column" }),
      expect.objectContaining({ name: "Route Uncharted Land", kind: "state", basis: "named" }),
    ]);
    const committed = await lines(
      await send({ mode: "commit", mapping, expect: preview.outcome.preview.digest }, file),
    );
    expect(committed.at(-1)).toMatchObject({ outcome: { kind: "committed", result: { created: 4 } } });
    const { db } = await import("@/server/db");
    const stored = await db().pledge.findMany({
      where: { externalId: { startsWith: "route-dates-" } },
      select: { externalId: true, announcedOn: true, announcedPrecision: true },
      orderBy: { externalId: "asc" },
    });
    const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
    expect(stored).toEqual([
      {
        externalId: "route-dates-Route day",
        announcedOn: new Date("2024-05-06T00:00:00Z"),
        announcedPrecision: "day",
      },
      {
        externalId: "route-dates-Route month",
        announcedOn: new Date("2022-03-01T00:00:00Z"),
        announcedPrecision: "month",
      },
      { externalId: "route-dates-Route unknown", announcedOn: today, announcedPrecision: "unknown" },
      {
        externalId: "route-dates-Route year",
        announcedOn: new Date("2023-01-01T00:00:00Z"),
        announcedPrecision: "year",
      },
    ]);
    const kinds = await db().stakeholder.findMany({
      where: { OR: [{ name: { startsWith: "Route " } }, { name: "Republic of Moldova" }] },
      select: { name: true, kind: true },
      orderBy: { name: "asc" },
    });
    expect(kinds).toEqual(
      expect.arrayContaining([
        { name: "Republic of Moldova", kind: "state" },
        { name: "Route Bank of Tests", kind: "organisation" },
        { name: "Route Lending Facility", kind: "organisation" },
        { name: "Route Uncharted Land", kind: "state" },
      ]),
    );
  });
});

describe("a new release through the route", () => {
  const send = (fileName: string, query: Record<string, string>, body: string) =>
    route.POST(
      new Request(`http://localhost/api/v1/imports?${new URLSearchParams({ fileName, ...query })}`, {
        method: "POST",
        headers: analyst,
        body,
      }),
      { params: Promise.resolve({}) },
    );
  type Result = {
    outcome: {
      kind: string;
      preview: { digest: string; release: { missingCount: number; previousFiles: string[] } };
      result?: { withdrawn: number };
    };
  };
  const result = async (response: Response) =>
    JSON.parse((await response.text()).trim().split("\n").at(-1)!) as Result;
  const file = (ids: string[]) =>
    ["External ID,Title,Category,Announced", ...ids.map((id) => `${id},Route release ${id},force,2022`)].join(
      "\n",
    );

  it("lists the pledges missing from the new release and withdraws them only when asked", async () => {
    const first = await result(await send("route-v1.csv", { mode: "preview" }, file(["rr-1", "rr-2"])));
    const imported = await result(
      await send(
        "route-v1.csv",
        { mode: "commit", expect: first.outcome.preview.digest },
        file(["rr-1", "rr-2"]),
      ),
    );
    expect(imported.outcome.kind).toBe("committed");
    const kept = await result(await send("route-v2.csv", { mode: "preview" }, file(["rr-1"])));
    expect(kept.outcome.preview.release).toMatchObject({ previousFiles: ["route-v1.csv"], missingCount: 1 });
    const asked = { mode: "preview", withdrawMissing: "true" };
    const withdrawing = await result(await send("route-v2.csv", asked, file(["rr-1"])));
    expect(withdrawing.outcome.preview.digest).not.toBe(kept.outcome.preview.digest);
    const committed = await result(
      await send(
        "route-v2.csv",
        { mode: "commit", withdrawMissing: "true", expect: withdrawing.outcome.preview.digest },
        file(["rr-1"]),
      ),
    );
    expect(committed.outcome).toMatchObject({ kind: "committed", result: { withdrawn: 1 } });
    const { db } = await import("@/server/db");
    expect(
      await db().pledge.findUniqueOrThrow({ where: { externalId: "rr-2" }, select: { status: true } }),
    ).toEqual({ status: "withdrawn" });
    const bad = await send(
      "route-v2.csv",
      { mode: "preview", withdrawMissing: "yes please" },
      file(["rr-1"]),
    );
    expect(bad.status).toBe(400);
  });
});
