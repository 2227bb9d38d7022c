import { describe, expect, it } from "vitest";
import { isWebAddress } from "./web-address";

describe("web addresses", () => {
  it.each(["https://example.org/report?id=1", "http://localhost:3000/x", "https://127.0.0.1/a"])(
    "takes %s",
    (url) => {
      expect(isWebAddress(url)).toBe(true);
    },
  );

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "ftp://example.org/x",
    "vbscript:msgbox(1)",
    "example.org",
    `https://example.org/${"x".repeat(2000)}`,
  ])("refuses %s", (url) => {
    expect(isWebAddress(url)).toBe(false);
  });
});
