import { describe, expect, it } from "vitest";
import { sourceSchema } from "./schemas";

describe("a source's web address", () => {
  it("is checked by the rule in lib/web-address.ts, for the form and the API alike", () => {
    const parsed = sourceSchema.safeParse({ title: "A", url: "javascript:alert(1)" });
    expect(parsed.success).toBe(false);
    expect(sourceSchema.safeParse({ title: "A", url: "https://example.org" }).success).toBe(true);
  });
});
