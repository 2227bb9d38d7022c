import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isSameOriginWrite } from "./request-guards";

describe("isSameOriginWrite", () => {
  it("accepts only an Origin naming the host written to", () => {
    expect(isSameOriginWrite("http://127.0.0.1:3210", "127.0.0.1:3210", "http")).toBe("same-origin");
    expect(isSameOriginWrite("https://Pledgewatch.example", "pledgewatch.example", "https")).toBe(
      "same-origin",
    );
    expect(isSameOriginWrite("https://evil.example", "pledgewatch.example", "https")).toBe("cross-origin");
    expect(isSameOriginWrite("http://127.0.0.1:9999", "127.0.0.1:3210", "http")).toBe("cross-origin");
    // The same host over the other scheme is another origin.
    expect(isSameOriginWrite("http://pledgewatch.example", "pledgewatch.example", "https")).toBe(
      "cross-origin",
    );
    expect(isSameOriginWrite("https://127.0.0.1:3210", "127.0.0.1:3210", "http")).toBe("cross-origin");
  });

  it("tells a missing Origin from a malformed one", () => {
    expect(isSameOriginWrite(null, "a.example", "http")).toBe("missing");
    expect(isSameOriginWrite("null", "a.example", "http")).toBe("malformed");
    expect(isSameOriginWrite("not a url", "a.example", "http")).toBe("malformed");
    expect(isSameOriginWrite("javascript:alert(1)", "a.example", "http")).toBe("malformed");
    expect(isSameOriginWrite("https://a.example/path", "a.example", "https")).toBe("malformed");
  });
});

describe("contentSecurityPolicy", () => {
  it("forbids framing and unknown scripts, and names the nonce", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
  });
});
