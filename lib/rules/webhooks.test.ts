import { describe, expect, it } from "vitest";
import { inEnglish } from "@/i18n/translate";
import {
  addressAllowed,
  endpointUrlProblem,
  eventsColumn,
  eventsOfColumn,
  nextAttemptAt,
  retryForMs,
  webhookEventTypes,
} from "./webhooks";

describe("webhook rules", () => {
  it("names each event entity.action, once", () => {
    expect(webhookEventTypes).toContain("pledge.status_changed");
    expect(webhookEventTypes).toContain("capacity_reference.deleted");
    expect(webhookEventTypes).not.toContain("source.status_changed");
    expect(new Set(webhookEventTypes).size).toBe(webhookEventTypes.length);
  });

  it("stores events so that a type is found by ',type,', and reads them back", () => {
    const column = eventsColumn(["pledge.updated", "pledge.created", "pledge.updated"]);
    expect(column).toBe(",pledge.created,pledge.updated,");
    expect(column.includes(",pledge.created,")).toBe(true);
    expect(column.includes(",pledge.create,")).toBe(false);
    expect(eventsOfColumn(column)).toEqual(["pledge.created", "pledge.updated"]);
    expect(eventsOfColumn(eventsColumn("all"))).toBe("all");
  });

  it("waits twice as long after each failure, up to two hours, and gives up a day after the first try", () => {
    const first = new Date("2026-12-01T00:00:00Z");
    const wait = (failures: number, now = first) =>
      nextAttemptAt(first, failures, now)!.getTime() - now.getTime();
    expect([1, 2, 3, 4].map((failures) => wait(failures))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(wait(30)).toBe(2 * 60 * 60 * 1000);
    const late = new Date(first.getTime() + retryForMs - 60_000);
    expect(nextAttemptAt(first, 20, late)).toBeNull();
    expect(nextAttemptAt(first, 1, late)).not.toBeNull();
  });

  it("sends only to public unicast addresses unless private ones are allowed", () => {
    for (const address of [
      "127.0.0.1",
      "10.0.0.8",
      "169.254.169.254",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
    ]) {
      expect(addressAllowed(address, false), address).toBe(false);
      expect(addressAllowed(address, true), address).toBe(true);
    }
    for (const address of [
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::7f00:1",
      "fec0::1",
      "not an address",
    ]) {
      expect(addressAllowed(address, true), address).toBe(false);
    }
    expect(addressAllowed("93.184.216.34", false)).toBe(true);
    expect(addressAllowed("2606:2800:220:1::1", false)).toBe(true);
  });

  it("registers HTTPS addresses, plain HTTP only to a private address the setting allows", () => {
    expect(endpointUrlProblem("https://hooks.example.org/pledges", false)).toBeNull();
    expect(inEnglish(endpointUrlProblem("http://hooks.example.org/pledges", false) ?? "")).toMatch(/https/);
    expect(inEnglish(endpointUrlProblem("http://hooks.example.org/pledges", true) ?? "")).toMatch(/https/);
    expect(inEnglish(endpointUrlProblem("https://127.0.0.1/hooks", false) ?? "")).toMatch(
      /private, loopback/,
    );
    expect(inEnglish(endpointUrlProblem("https://[::1]/hooks", false) ?? "")).toMatch(/private, loopback/);
    expect(endpointUrlProblem("http://127.0.0.1:4000/hooks", true)).toBeNull();
    expect(inEnglish(endpointUrlProblem("http://8.8.8.8/hooks", true) ?? "")).toMatch(/https/);
    expect(inEnglish(endpointUrlProblem("https://user:secret@hooks.example.org/", false) ?? "")).toMatch(
      /password/,
    );
    expect(inEnglish(endpointUrlProblem("ftp://hooks.example.org/", false) ?? "")).toMatch(/https/);
    expect(inEnglish(endpointUrlProblem("hooks.example.org", false) ?? "")).toMatch(/web address/);
  });
});
