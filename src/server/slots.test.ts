import { describe, expect, it } from "vitest";
import { slots } from "./slots";

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
});
