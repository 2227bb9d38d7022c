import { describe, expect, it } from "vitest";
import { decideAccess, roleAllows, roles, safeReturnPath, type Permission, type Principal } from "./access";

const as = (role: Principal["role"]): Principal => ({ kind: "user", id: "u1", name: "Ada", role });

describe("roleAllows", () => {
  it("orders the roles viewer < analyst < admin", () => {
    const table = roles.map((role) =>
      (["read", "edit", "admin"] as Permission[]).map((permission) => roleAllows(role, permission)),
    );
    expect(table).toEqual([
      [true, false, false],
      [true, true, false],
      [true, true, true],
    ]);
  });
});

describe("decideAccess", () => {
  it("asks anonymous visitors to sign in, unless public reading is on and they only read", () => {
    expect(decideAccess(null, "read", false)).toBe("unauthenticated");
    expect(decideAccess(null, "read", true)).toBe("allowed");
    expect(decideAccess(null, "edit", true)).toBe("unauthenticated");
    expect(decideAccess(null, "admin", true)).toBe("unauthenticated");
  });

  it("forbids what a role does not cover, whatever the public setting", () => {
    expect(decideAccess(as("viewer"), "edit", true)).toBe("forbidden");
    expect(decideAccess(as("analyst"), "admin", false)).toBe("forbidden");
    expect(decideAccess(as("analyst"), "edit", false)).toBe("allowed");
    expect(decideAccess({ ...as("admin"), kind: "token" }, "admin", false)).toBe("allowed");
  });
});

describe("safeReturnPath", () => {
  it("keeps paths on this site and drops anything that could leave it", () => {
    expect(safeReturnPath("/pledges?status=stalled")).toBe("/pledges?status=stalled");
    expect(safeReturnPath("//evil.example/x")).toBe("/dashboard");
    expect(safeReturnPath("https://evil.example")).toBe("/dashboard");
    expect(safeReturnPath("/\\evil.example")).toBe("/dashboard");
    expect(safeReturnPath(["/a", "/b"])).toBe("/dashboard");
  });

  it.each([
    "/\t/evil.test",
    "/\n/evil.test",
    "/\r\n/evil.test",
    "/\\evil.test",
    "\\/evil.test",
    "//evil.test",
    "///evil.test",
    "/\u0000/evil.test",
    "https://evil.test",
    "http:/evil.test",
    "javascript:alert(1)",
    " /dashboard",
    "",
    "/pledges\nSet-Cookie: x=1",
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2e%2e//evil.example",
    "/a/..//evil.example",
  ])("refuses %j", (value) => {
    expect(safeReturnPath(value)).toBe("/dashboard");
  });

  it("keeps encoded characters inside this site's paths", () => {
    expect(safeReturnPath("/pledges?q=%2F%2Fevil.test")).toBe("/pledges?q=%2F%2Fevil.test");
    // Still encoded, the tab is part of a path here (the query string's own decoding is tested above).
    expect(safeReturnPath("/%09/evil.test")).toBe("/%09/evil.test");
    expect(safeReturnPath("/pledges/%2e%2e/dashboard")).toBe("/dashboard");
    expect(safeReturnPath("/a/../pledges#top")).toBe("/pledges#top");
  });
});
