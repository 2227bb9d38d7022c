import { describe, expect, it } from "vitest";
import { clientNetwork, throttleKeys } from "./sign-in-failures";

describe("whom failures are counted against", () => {
  it("counts an IPv6 client by its /64, an IPv4 client by its address", () => {
    expect(clientNetwork("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:0db8:0001:0002:ffff::")).toBe("2001:db8:1:2::/64");
    expect(clientNetwork("2001:db8::9")).toBe("2001:db8:0:0::/64");
    expect(clientNetwork("::1")).toBe("0:0:0:0::/64");
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(throttleKeys(" Ann@Example.org ", "2001:db8:1:2::5").account).toBe(
      throttleKeys("ann@example.org", "2001:db8:1:2::6").account,
    );
    expect(throttleKeys("a@b.c", "2001:db8:1:2::5").address).toBe(
      throttleKeys("a@b.c", "2001:db8:1:2:ffff::1").address,
    );
  });
});
