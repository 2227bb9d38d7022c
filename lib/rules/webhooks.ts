import ipaddr from "ipaddr.js";
import { invalid } from "@/lib/validation-message";

// The rules of webhooks: which events there are, when a failed delivery is tried again and when it
// is given up, and which addresses may be sent to (README: "Webhooks").

/** The records the change log follows (server/change-log.ts), and what can happen to each. */
export const changeEntities = [
  "pledge",
  "condition",
  "stakeholder",
  "source",
  "requirement",
  "capacity_reference",
] as const;
export type ChangeEntity = (typeof changeEntities)[number];

export const changeActions = ["created", "updated", "status_changed", "deleted", "restored"] as const;
export type ChangeAction = (typeof changeActions)[number];

const actionsOf: Record<ChangeEntity, readonly ChangeAction[]> = {
  pledge: ["created", "updated", "status_changed", "deleted", "restored"],
  condition: ["created", "updated", "status_changed", "deleted"],
  stakeholder: ["created", "updated", "deleted"],
  source: ["created", "updated", "deleted"],
  requirement: ["created", "updated", "deleted"],
  capacity_reference: ["created", "updated", "deleted"],
};

/** Every event type, `entity.action`, as a change's webhook names it ("pledge.status_changed"). */
export const webhookEventTypes: readonly string[] = changeEntities.flatMap((entity) =>
  actionsOf[entity].map((action) => `${entity}.${action}`),
);

/**
 * The events an endpoint is sent, as stored: "*" for all, else the types with a comma at each end
 * (",pledge.created,pledge.updated,"), so that the database's trigger finds one by ",type,".
 */
export function eventsColumn(events: "all" | readonly string[]): string {
  if (events === "all") return "*";
  return `,${[...new Set(events)].sort().join(",")},`;
}

/** The events stored back as a list, or "all". */
export function eventsOfColumn(column: string): "all" | string[] {
  return column === "*" ? "all" : column.split(",").filter(Boolean);
}

/** A delivery answered with a 2xx status was received; anything else is tried again. */
export const received = (status: number) => status >= 200 && status < 300;

/** How long a failed delivery is tried again for, from its first attempt, before it is given up. */
export const retryForMs = 24 * 60 * 60 * 1000;
const firstRetryMs = 5_000;
const longestWaitMs = 2 * 60 * 60 * 1000;

/**
 * When a delivery that failed `failures` times (1 or more) is tried next, or null when it is given
 * up: waits double from 5 s up to 2 h (exponential backoff), for 24 h from its first attempt.
 */
export function nextAttemptAt(firstAttempt: Date, failures: number, now: Date): Date | null {
  const wait = Math.min(firstRetryMs * 2 ** Math.max(0, failures - 1), longestWaitMs);
  const next = now.getTime() + wait;
  return next - firstAttempt.getTime() > retryForMs ? null : new Date(next);
}

/** How long a worker may take over a delivery before another may assume it died and send it. */
export const leaseMs = 60_000;
/** How long a receiver has to answer. */
export const sendTimeoutMs = 15_000;

/** A web address's host, an IPv6 literal without its brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

/** Whether a host is an IP address written out (not looked up) rather than a name. */
export const isAddress = (host: string) => ipaddr.isValid(host);

/**
 * Whether an address may be sent to: only public unicast ones, unless the admin setting allows
 * private, loopback and link-local ones too (a receiver on the same network; the tests' own).
 * Never the unspecified, broadcast or multicast addresses.
 */
export function addressAllowed(address: string, allowPrivate: boolean): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  // IPv6 that embeds an IPv4 address (::a.b.c.d) or the retired site-local block: never public.
  const embedded =
    parsed.kind() === "ipv6" &&
    (parsed.match(ipaddr.parseCIDR("::/96")) || parsed.match(ipaddr.parseCIDR("fec0::/10")));
  if (range === "unicast" && !embedded) return true;
  const privateRanges = ["private", "loopback", "linkLocal", "uniqueLocal", "carrierGradeNat"];
  return allowPrivate && privateRanges.includes(range);
}

/**
 * Why an endpoint's address cannot be registered, or null if it can: HTTPS only (plain HTTP only to
 * a private address the setting allows, where there is no certificate to be had), no credentials in
 * it, and no address the setting refuses. A host name is checked again each time it is resolved.
 */
export function endpointUrlProblem(text: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid("refusal.addressNotWeb");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return invalid("refusal.addressNotHttps");
  if (url.username || url.password) return invalid("refusal.addressCredentials");
  const host = hostOf(url);
  const literal = isAddress(host);
  if (literal && !addressAllowed(host, allowPrivate)) {
    return allowPrivate ? invalid("refusal.addressNeverSent") : invalid("refusal.addressPrivate");
  }
  const privateLiteral = literal && !addressAllowed(host, false);
  if (url.protocol === "http:" && !(allowPrivate && (privateLiteral || host === "localhost"))) {
    return invalid("refusal.addressPlainHttp");
  }
  return null;
}
