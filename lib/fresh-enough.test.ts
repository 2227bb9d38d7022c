import { describe, expect, it } from "vitest";
import { FreshEnough } from "./fresh-enough";

/** A computation that finishes when told to, counting its calls. */
function controlled() {
  const calls: { resolve: (value: { made: number }) => void; reject: (error: Error) => void }[] = [];
  const compute = () => new Promise<{ made: number }>((resolve, reject) => calls.push({ resolve, reject }));
  const finish = (index: number, made: number) => calls[index]!.resolve({ made });
  return { calls, compute, finish };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("FreshEnough", () => {
  it("computes once for concurrent first readers and keeps the value while the version stands", async () => {
    const cache = new FreshEnough<{ made: number }>({ max: 10, maxStaleMs: 1000, now: () => 0 });
    const { calls, compute, finish } = controlled();
    const first = cache.get("view", 1, compute);
    const second = cache.get("view", 1, compute);
    await tick();
    expect(calls).toHaveLength(1);
    finish(0, 1);
    expect(await first).toEqual({ made: 1 });
    expect(await second).toBe(await first);
    expect(await cache.get("view", 1, compute)).toEqual({ made: 1 });
    expect(calls).toHaveLength(1);
  });

  it("answers with the held value while one renewal runs, within the staleness bound", async () => {
    let now = 0;
    const cache = new FreshEnough<{ made: number }>({ max: 10, maxStaleMs: 1000, now: () => now });
    const { calls, compute, finish } = controlled();
    const first = cache.get("view", 1, compute);
    finish(0, 1);
    await first;
    // Three writes in a burst: readers get version 1 at once; one renewal runs.
    now = 100;
    expect(await cache.get("view", 2, compute)).toEqual({ made: 1 });
    now = 200;
    expect(await cache.get("view", 3, compute)).toEqual({ made: 1 });
    expect(await cache.get("view", 4, compute)).toEqual({ made: 1 });
    expect(calls).toHaveLength(2);
    finish(1, 2);
    await tick();
    // The renewal was of version 2; 3 and 4 are newer still, seen at 200: the next reader starts
    // another renewal and, still within the bound, is answered with version 2's value.
    expect(await cache.get("view", 4, compute)).toEqual({ made: 2 });
    expect(calls).toHaveLength(3);
    finish(2, 4);
    await tick();
    expect(await cache.get("view", 4, compute)).toEqual({ made: 4 });
    expect(calls).toHaveLength(3);
  });

  it("makes a reader wait once the held value is older than the bound allows", async () => {
    let now = 0;
    const cache = new FreshEnough<{ made: number }>({ max: 10, maxStaleMs: 1000, now: () => now });
    const { compute, finish } = controlled();
    const first = cache.get("view", 1, compute);
    finish(0, 1);
    await first;
    now = 10;
    expect(await cache.get("view", 2, compute)).toEqual({ made: 1 });
    now = 1011;
    let answered: { made: number } | null = null;
    const late = cache.get("view", 2, compute).then((value) => (answered = value));
    await tick();
    expect(answered).toBeNull();
    finish(1, 2);
    await late;
    expect(answered).toEqual({ made: 2 });
  });

  it("makes a reader wait after a quiet spell: the held value may lack writes made any time since", async () => {
    let now = 0;
    const cache = new FreshEnough<{ made: number }>({ max: 10, maxStaleMs: 1000, now: () => now });
    const { compute, finish } = controlled();
    const first = cache.get("view", 1, compute);
    finish(0, 1);
    await first;
    // Nobody asked for five seconds; the write could be that old.
    now = 5000;
    let answered: { made: number } | null = null;
    const late = cache.get("view", 2, compute).then((value) => (answered = value));
    await tick();
    expect(answered).toBeNull();
    finish(1, 2);
    await late;
    expect(answered).toEqual({ made: 2 });
  });

  it("makes the writer wait for its own write's version", async () => {
    const cache = new FreshEnough<{ made: number }>({ max: 10, maxStaleMs: 1000, now: () => 0 });
    const { compute, finish } = controlled();
    const first = cache.get("view", 1, compute);
    finish(0, 1);
    await first;
    let answered: { made: number } | null = null;
    const writer = cache.get("view", 2, compute, 2).then((value) => (answered = value));
    // Another reader, not the writer, is answered at once.
    expect(await cache.get("view", 2, compute)).toEqual({ made: 1 });
    expect(answered).toBeNull();
    finish(1, 2);
    await writer;
    expect(answered).toEqual({ made: 2 });
  });

  it("gives a failed renewal's error to the readers waiting for it, keeps the held value for the others, and tries again", async () => {
    let now = 0;
    const cache = new FreshEnough<{ made: number }>({ max: 10, maxStaleMs: 1000, now: () => now });
    const { calls, compute, finish } = controlled();
    const first = cache.get("view", 1, compute);
    finish(0, 1);
    await first;
    const waiting = cache.get("view", 2, compute, 2);
    expect(await cache.get("view", 2, compute)).toEqual({ made: 1 });
    calls[1]!.reject(new Error("database busy"));
    await expect(waiting).rejects.toThrow("database busy");
    now = 50;
    expect(await cache.get("view", 2, compute)).toEqual({ made: 1 });
    expect(calls).toHaveLength(3);
  });

  it("keeps keys apart", async () => {
    const cache = new FreshEnough<{ made: number }>({ max: 10, maxStaleMs: 1000, now: () => 0 });
    const a = controlled();
    const b = controlled();
    const fromA = cache.get("a", 1, a.compute);
    const fromB = cache.get("b", 1, b.compute);
    a.finish(0, 1);
    b.finish(0, 2);
    expect(await fromA).toEqual({ made: 1 });
    expect(await fromB).toEqual({ made: 2 });
  });
});

describe("FreshEnough, renewing after a delay", () => {
  it("gathers a burst of writes into one renewal, started once the held value is that old", async () => {
    let now = 0;
    const cache = new FreshEnough<{ made: number }>({
      max: 10,
      maxStaleMs: 30_000,
      renewAfterMs: 10_000,
      now: () => now,
    });
    const { calls, compute, finish } = controlled();
    const first = cache.get("history", 1, compute);
    finish(0, 1);
    await first;
    for (const [at, version] of [
      [1_000, 2],
      [4_000, 3],
      [9_000, 4],
    ]) {
      now = at!;
      expect(await cache.get("history", version!, compute)).toEqual({ made: 1 });
    }
    expect(calls).toHaveLength(1);
    // Ten seconds after the first write was seen, one renewal, of the latest version.
    now = 11_000;
    expect(await cache.get("history", 5, compute)).toEqual({ made: 1 });
    expect(calls).toHaveLength(2);
    finish(1, 5);
    await tick();
    expect(await cache.get("history", 5, compute)).toEqual({ made: 5 });
  });

  it("makes the writer wait for its own write at once", async () => {
    const cache = new FreshEnough<{ made: number }>({
      max: 10,
      maxStaleMs: 30_000,
      renewAfterMs: 10_000,
      now: () => 0,
    });
    const { calls, compute, finish } = controlled();
    const first = cache.get("history", 1, compute);
    finish(0, 1);
    await first;
    const writer = cache.get("history", 2, compute, 2);
    await tick();
    expect(calls).toHaveLength(2);
    finish(1, 2);
    expect(await writer).toEqual({ made: 2 });
  });
});
