import { describe, expect, it } from "vitest";
import { FreshEnough, type FreshEnoughOptions } from "./fresh-enough";

type Made = { made: number };

/** A computation that finishes when told to, counting its calls. */
function controlled() {
  const calls: { resolve: (value: Made) => void; reject: (error: Error) => void }[] = [];
  const compute = () => new Promise<Made>((resolve, reject) => calls.push({ resolve, reject }));
  const finish = (index: number, made: number) => calls[index]!.resolve({ made });
  return { calls, compute, finish };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A cache on a clock the test moves, holding version 1's value under "view", made at time 0. */
async function holdingVersionOne(options: Partial<FreshEnoughOptions> = {}) {
  const clock = { now: 0 };
  const cache = new FreshEnough<Made>({ max: 10, maxStaleMs: 1000, now: () => clock.now, ...options });
  const computation = controlled();
  const first = cache.get("view", 1, computation.compute);
  computation.finish(0, 1);
  await first;
  const get = (version: number, atLeast?: number) => cache.get("view", version, computation.compute, atLeast);
  /** A reader's answer, or null while it waits. */
  const waiting = (version: number, atLeast?: number) => {
    const state: { answer: Made | null; done: Promise<unknown> } = { answer: null, done: Promise.resolve() };
    state.done = get(version, atLeast).then((value) => (state.answer = value));
    return state;
  };
  return { clock, cache, get, waiting, ...computation };
}

describe("FreshEnough", () => {
  it("computes once for concurrent first readers and keeps the value while the version stands", async () => {
    const cache = new FreshEnough<Made>({ max: 10, maxStaleMs: 1000, now: () => 0 });
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
    const { clock, get, calls, finish } = await holdingVersionOne();
    // Three writes in a burst: readers get version 1 at once; one renewal runs.
    clock.now = 100;
    expect(await get(2)).toEqual({ made: 1 });
    clock.now = 200;
    expect(await get(3)).toEqual({ made: 1 });
    expect(await get(4)).toEqual({ made: 1 });
    expect(calls).toHaveLength(2);
    finish(1, 2);
    await tick();
    // The renewal was of version 2, current at 100; 3 and 4 are newer: the next reader starts
    // another renewal and, still within the bound, is answered with version 2's value.
    expect(await get(4)).toEqual({ made: 2 });
    expect(calls).toHaveLength(3);
    finish(2, 4);
    await tick();
    expect(await get(4)).toEqual({ made: 4 });
    expect(calls).toHaveLength(3);
  });

  it.each([
    // A reader saw the new version at 10 and was given the old value; at 1011 it is too old.
    { case: "once the held value is older than the bound allows", seenAt: 10, lateAt: 1011 },
    // Nobody asked for five seconds: the write could be that old.
    { case: "after a quiet spell, when the held value may lack writes made any time since", lateAt: 5000 },
  ])("makes a reader wait $case", async ({ seenAt, lateAt }) => {
    const { clock, get, waiting, finish } = await holdingVersionOne();
    if (seenAt !== undefined) {
      clock.now = seenAt;
      expect(await get(2)).toEqual({ made: 1 });
    }
    clock.now = lateAt;
    const late = waiting(2);
    await tick();
    expect(late.answer).toBeNull();
    finish(1, 2);
    await late.done;
    expect(late.answer).toEqual({ made: 2 });
  });

  it("counts a slow renewal's value as current from when its version was read, not from when it finished", async () => {
    const { clock, get, waiting, finish } = await holdingVersionOne();
    // A reader after a quiet spell waits; the renewal reads at 5000 and takes five seconds.
    clock.now = 5000;
    const late = waiting(2);
    await tick();
    clock.now = 10_000;
    finish(1, 2);
    await late.done;
    // Its value lacks whatever was written since 5000: at 10,000 it is five seconds behind, so a
    // reader who sees a newer version waits rather than being given it.
    const next = waiting(3);
    await tick();
    expect(next.answer).toBeNull();
    expect(await get(2)).toEqual({ made: 2 });
  });

  it("makes the writer wait for its own write's version", async () => {
    const { get, waiting, finish } = await holdingVersionOne();
    const writer = waiting(2, 2);
    // Another reader, not the writer, is answered at once.
    expect(await get(2)).toEqual({ made: 1 });
    expect(writer.answer).toBeNull();
    finish(1, 2);
    await writer.done;
    expect(writer.answer).toEqual({ made: 2 });
  });

  it("gives a failed renewal's error to the readers waiting for it, keeps the held value for the others, and tries again", async () => {
    const { clock, get, calls } = await holdingVersionOne();
    const waiting = get(2, 2);
    expect(await get(2)).toEqual({ made: 1 });
    calls[1]!.reject(new Error("database busy"));
    await expect(waiting).rejects.toThrow("database busy");
    clock.now = 50;
    expect(await get(2)).toEqual({ made: 1 });
    expect(calls).toHaveLength(3);
  });

  it("keeps keys apart", async () => {
    const cache = new FreshEnough<Made>({ max: 10, maxStaleMs: 1000, now: () => 0 });
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
  const slow = { maxStaleMs: 30_000, renewAfterMs: 10_000 };

  it("gathers a burst of writes into one renewal, started once the held value is that old", async () => {
    const { clock, get, calls, finish } = await holdingVersionOne(slow);
    for (const [at, version] of [
      [1_000, 2],
      [4_000, 3],
      [9_000, 4],
    ] as const) {
      clock.now = at;
      expect(await get(version)).toEqual({ made: 1 });
    }
    expect(calls).toHaveLength(1);
    // Ten seconds after it was last known current, one renewal, of the latest version.
    clock.now = 11_000;
    expect(await get(5)).toEqual({ made: 1 });
    expect(calls).toHaveLength(2);
    finish(1, 5);
    await tick();
    expect(await get(5)).toEqual({ made: 5 });
  });

  it("makes the writer wait for its own write at once", async () => {
    const { waiting, calls, finish } = await holdingVersionOne(slow);
    const writer = waiting(2, 2);
    await tick();
    expect(calls).toHaveLength(2);
    finish(1, 2);
    await writer.done;
    expect(writer.answer).toEqual({ made: 2 });
  });

  it("refreshes a value at the version it holds in the background, once at a time, serving the held one meanwhile", async () => {
    const { cache, get, calls, compute, finish } = await holdingVersionOne();
    const refreshed = cache.refresh("view", 1, compute);
    void cache.refresh("view", 1, compute);
    expect(calls).toHaveLength(2);
    expect(await get(1)).toEqual({ made: 1 });
    finish(1, 2);
    await refreshed;
    expect(await get(1)).toEqual({ made: 2 });
    // A key never asked for has nothing to refresh.
    await cache.refresh("other", 1, compute);
    expect(calls).toHaveLength(2);
  });
});

describe("FreshEnough, renewing late", () => {
  const late = { maxStaleMs: 1000, renewAfterMs: 400, renewLate: true };

  /** A cache renewing late whose renewals take `took` ms each on its clock, holding version 1. */
  async function renewalsTaking(took: number) {
    const clock = { now: 0 };
    const cache = new FreshEnough<Made>({ max: 10, now: () => clock.now, ...late });
    let calls = 0;
    const compute = () => {
      calls++;
      clock.now += took;
      return Promise.resolve({ made: calls });
    };
    await cache.get("view", 1, compute);
    // Known current again at 1000 (a reader of version 1 then): lags count from there.
    clock.now = 1000;
    await cache.get("view", 1, compute);
    const renewals = () => calls - 1;
    return { clock, cache, compute, renewals };
  }

  it.each([
    // Renewals of 200 ms: started 300 ms behind the bound (half again their length), at 700.
    { took: 200, servedAt: 699, startsAt: 700 },
    // Quick ones keep a tenth of the bound in hand: started at 900.
    { took: 10, servedAt: 899, startsAt: 900 },
    // Slow ones never start before `renewAfterMs`.
    { took: 600, servedAt: 399, startsAt: 400 },
  ])(
    "starts a renewal taking $took ms once the value held is $startsAt ms behind",
    async ({ took, servedAt, startsAt }) => {
      const { clock, cache, compute, renewals } = await renewalsTaking(took);
      clock.now = 1000 + servedAt;
      expect(await cache.get("view", 2, compute)).toEqual({ made: 1 });
      expect(renewals()).toBe(0);
      clock.now = 1000 + startsAt;
      await cache.get("view", 2, compute);
      expect(renewals()).toBe(1);
    },
  );

  /** A cache renewing late on a clock the test moves, and a renewal under `key` taking `took` ms. */
  function renewingLate() {
    const clock = { now: 0 };
    const cache = new FreshEnough<Made>({ max: 10, now: () => clock.now, ...late });
    /**
     * A reader past the bound waits for a renewal of `version` that takes `took` ms (or fails after
     * it); returns when the value made was current.
     */
    const renewed = async (key: string, version: number, took: number, fails = false) => {
      const at = (clock.now += 2000);
      const made = cache.get(key, version, () => {
        clock.now = at + took;
        return fails ? Promise.reject(new Error("database busy")) : Promise.resolve({ made: version });
      });
      await (fails ? expect(made).rejects.toThrow("database busy") : made);
      return at;
    };
    /** Whether a reader at `lag` behind the value current at `since`, seeing a newer version, starts a renewal. */
    const startsRenewal = async (key: string, since: number, lag: number, version: number) => {
      let started = false;
      clock.now = since + lag;
      await cache.get(key, version, () => {
        started = true;
        return Promise.resolve({ made: version });
      });
      return started;
    };
    return { renewed, startsRenewal };
  }

  it("judges the usual renewal by the median of the last five, per key", async () => {
    const { renewed, startsRenewal } = renewingLate();
    // Renewals of 100, 300, 250, 900 and 200 ms: the median is 250 (not the first, the last, the
    // least, the most or the mean), so the next starts at 1000 - 375 = 625 ms behind.
    let since = 0;
    for (const [version, took] of [
      [1, 100],
      [2, 300],
      [3, 250],
      [4, 900],
      [5, 200],
    ] as const)
      since = await renewed("view", version, took);
    // Another key's renewals are its own: 10 ms each, started 900 ms behind.
    const otherSince = await renewed("other", 1, 10);
    expect(await startsRenewal("view", since, 624, 6)).toBe(false);
    expect(await startsRenewal("view", since, 625, 6)).toBe(true);
    expect(await startsRenewal("other", otherSince, 899, 2)).toBe(false);
    expect(await startsRenewal("other", otherSince, 900, 2)).toBe(true);
  });

  it("leaves failed renewals out of the usual length", async () => {
    const { renewed, startsRenewal } = renewingLate();
    await renewed("view", 1, 200);
    // Two renewals fail after 900 ms: counted, the median would be 550 and the start 400 ms behind.
    await renewed("view", 2, 900, true);
    await renewed("view", 2, 900, true);
    const since = await renewed("view", 2, 200);
    expect(await startsRenewal("view", since, 699, 3)).toBe(false);
    expect(await startsRenewal("view", since, 700, 3)).toBe(true);
  });
});
