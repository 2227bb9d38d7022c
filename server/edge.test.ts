import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it } from "vitest";
import { admitRequest, bodyLimitFor, clientAddress, parseTrustedProxies } from "./edge.mjs";
import bodyLimits from "./body-limits.json";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");

describe("the client's address", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("198.51.100.4", "1.2.3.4", none)).toBe("198.51.100.4");
    expect(clientAddress("::ffff:198.51.100.4", undefined, none)).toBe("198.51.100.4");
  });

  it("walks X-Forwarded-For from the nearest hop past trusted proxies only", () => {
    expect(clientAddress("127.0.0.1", "198.51.100.4", proxies)).toBe("198.51.100.4");
    // The client prepended a lie; the trusted proxy appended the truth.
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.4", proxies)).toBe("198.51.100.4");
    expect(clientAddress("10.1.2.3", "198.51.100.4, 10.9.9.9", proxies)).toBe("198.51.100.4");
    expect(clientAddress("::1", ["203.0.113.9", "10.0.0.1"], proxies)).toBe("203.0.113.9");
    // An untrusted socket's claim is never taken.
    expect(clientAddress("198.51.100.4", "10.0.0.1", proxies)).toBe("198.51.100.4");
    // A hop that is no address stops the walk at the proxy that reported it.
    expect(clientAddress("127.0.0.1", "evil, 10.0.0.2", proxies)).toBe("10.0.0.2");
  });

  it("refuses a TRUSTED_PROXIES entry that is no address or range, naming the variable", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES .* "10.0.0.0\/33" is neither/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies(" , ")).not.toThrow();
  });
});

describe("admitting a request", () => {
  const request = (method: string, url: string, headers: IncomingHttpHeaders, socket = "198.51.100.4") => ({
    method,
    url,
    headers,
    socket: { remoteAddress: socket },
  });

  it("replaces the client's X-Forwarded-For and drops the scheme and host it claimed", () => {
    const headers: IncomingHttpHeaders = {
      "x-forwarded-for": "1.2.3.4",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.test",
    };
    expect(admitRequest(request("GET", "/dashboard", headers), none)).toBeNull();
    expect(headers).toEqual({ "x-forwarded-for": "198.51.100.4" });
    const behindProxy: IncomingHttpHeaders = {
      "x-forwarded-for": "203.0.113.9",
      "x-forwarded-proto": "https",
    };
    admitRequest(request("GET", "/", behindProxy, "127.0.0.1"), proxies);
    expect(behindProxy).toEqual({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" });
  });

  it("refuses an address Next.js could not decode", () => {
    for (const url of ["/api/v1/pledges/%ZZ", "/pledges/%ED%A0%80", "/manage/%"]) {
      expect(admitRequest(request("GET", url, {}), none), url).toMatchObject({ status: 400 });
    }
    expect(admitRequest(request("GET", "/pledges?q=%ZZ", {}), none)).toBeNull();
    expect(admitRequest(request("GET", "/pledges/caf%C3%A9", {}), none)).toBeNull();
  });

  it("refuses a body larger than its route takes before reading it", () => {
    const post = (url: string, length: number | string) =>
      admitRequest(request("POST", url, { "content-length": String(length) }), none);
    expect(post("/api/auth/sign-in/email", 30 * 1024 * 1024)).toMatchObject({ status: 413 });
    expect(post("/api/auth/sign-in/email", bodyLimits.auth)).toBeNull();
    expect(post("/api/v1/pledges/p1?x=1", bodyLimits.apiJson + 1)).toMatchObject({ status: 413 });
    expect(post("/api/v1/imports?fileName=a.csv", 20 * 1024 * 1024)).toBeNull();
    expect(post("/api/v1/imports", bodyLimits.importUpload + 1)).toMatchObject({ status: 413 });
    expect(post("/pledges/new", bodyLimits.other + 1)).toMatchObject({ status: 413 });
    expect(post("/pledges/new", "12abc")).toMatchObject({ status: 400 });
  });

  it("takes a body of unknown length only where the route counts it as it reads", () => {
    const chunked = (url: string) =>
      admitRequest(request("POST", url, { "transfer-encoding": "chunked" }), none);
    expect(chunked("/api/v1/imports?mode=preview")).toBeNull();
    expect(chunked("/api/auth/sign-in/email")).toMatchObject({ status: 411 });
    expect(bodyLimitFor("/api/v1/imports")).toBe(bodyLimits.importUpload);
    // A 10 MB document for intake, with room for its form: more is refused before it is read.
    expect(bodyLimitFor("/api/v1/intake")).toBeGreaterThan(10 * 1024 * 1024);
    expect(bodyLimitFor("/api/v1/intake")).toBeLessThan(11 * 1024 * 1024);
  });
});
