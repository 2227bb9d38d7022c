import { describe, expect, it } from "vitest";
import { keyedSlots, slots } from "./slots";

describe("slots", () => {
  it("hands out at most `size` at once, and each release frees one slot once", () => {
    const pool = slots(2);
    const first = pool.take();
    const second = pool.take();
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(pool.take()).toBeNull();
    first!();
    first!();
    expect(pool.busy).toBe(1);
    expect(pool.take()).not.toBeNull();
    expect(pool.take()).toBeNull();
  });

  it("keeps one key from taking the whole pool", () => {
    const pool = keyedSlots(2, 3);
    const a1 = pool.take("a");
    const a2 = pool.take("a");
    expect(typeof a1).toBe("function");
    expect(typeof a2).toBe("function");
    expect(pool.take("a")).toBe("yours");
    const b1 = pool.take("b");
    expect(typeof b1).toBe("function");
    expect(pool.take("c")).toBe("full");
    (a1 as () => void)();
    (a1 as () => void)();
    expect(pool.busy).toBe(2);
    expect(typeof pool.take("a")).toBe("function");
  });
});
