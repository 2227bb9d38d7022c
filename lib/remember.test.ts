import { LRUCache } from "lru-cache";
import { describe, expect, it, vi } from "vitest";
import { rememberNewest, type AtVersion } from "./remember";

const store = () => new LRUCache<string, AtVersion<{ n: number }>>({ max: 8 });

describe("rememberNewest", () => {
  it("shares the work for one version, and keeps only the newest version's", async () => {
    const kept = store();
    const make = vi.fn(async () => ({ n: make.mock.calls.length }));
    const [a, b] = [rememberNewest(kept, "view", 1, make), rememberNewest(kept, "view", 1, make)];
    expect(a).toBe(b);
    expect(make).toHaveBeenCalledTimes(1);
    const newer = rememberNewest(kept, "view", 2, make);
    expect(make).toHaveBeenCalledTimes(2);
    expect(kept.size).toBe(1);
    expect(kept.get("view")?.version).toBe(2);
    expect(await newer).toEqual({ n: 2 });
    // Another key is kept apart.
    await rememberNewest(kept, "other view", 1, make);
    expect(kept.size).toBe(2);
  });

  it("answers a caller at an older version with the newer work held, never replacing it", async () => {
    const kept = store();
    const newer = rememberNewest(kept, "view", 5, async () => ({ n: 5 }));
    const older = vi.fn(async () => ({ n: 4 }));
    expect(rememberNewest(kept, "view", 4, older)).toBe(newer);
    expect(older).not.toHaveBeenCalled();
    expect(kept.get("view")?.value).toBe(newer);
  });

  it("forgets a failed version's work only while it is the one held", async () => {
    const kept = store();
    let fail!: (error: Error) => void;
    const first = rememberNewest(
      kept,
      "view",
      1,
      () => new Promise<{ n: number }>((_, reject) => (fail = reject)),
    );
    const newer = rememberNewest(kept, "view", 2, async () => ({ n: 2 }));
    fail(new Error("busy"));
    await expect(first).rejects.toThrow("busy");
    expect(kept.get("view")?.value).toBe(newer);
  });

  it("forgets a failure, so that the next caller tries again", async () => {
    const kept = store();
    await expect(rememberNewest(kept, "view", 1, () => Promise.reject(new Error("busy")))).rejects.toThrow(
      "busy",
    );
    expect(kept.has("view")).toBe(false);
    expect(await rememberNewest(kept, "view", 1, async () => ({ n: 1 }))).toEqual({ n: 1 });
  });
});
