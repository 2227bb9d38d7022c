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
