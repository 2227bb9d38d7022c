import "server-only";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { lookup as lookupAll } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { addressAllowed, endpointUrlProblem, isAddress, received, sendTimeoutMs } from "@/lib/rules/webhooks";
import { invalid } from "@/lib/validation-message";

// What it says (why an address is refused, why a try failed) is a catalog reference: it is stored
// in the delivery log, and the admin's page words it in its reader's language.

/** What came of one try at sending: the status answered, or why none came. */
export type SendOutcome = { status: number; error: null } | { status: number | null; error: string };

/**
 * The host's addresses as the system resolves them, refused unless every one may be sent to. Checked
 * as the connection is made (not before), so that a name that resolves to a public address when
 * registered and to a private one later (DNS rebinding) is still refused.
 */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, found) => {
      if (error) return callback(error, "", 0);
      const addresses = found as LookupAddress[];
      const refused = addresses.find(({ address }) => !addressAllowed(address, allowPrivate));
      if (refused || addresses.length === 0) {
        const refusal = Object.assign(
          new Error(
            refused
              ? resolvesRefused(hostname, refused.address, allowPrivate)
              : invalid("refusal.resolvesNowhere", { host: hostname }),
          ),
          { code: "EREFUSEDADDRESS" },
        );
        return callback(refusal, "", 0);
      }
      if ((options as LookupOptions).all) return callback(null, addresses as never, 0);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * Why a host name cannot be registered as it resolves now (every address must be one webhooks may
 * be sent to), or null if it can. Asked within 5 s; it is checked again at every send.
 */
export async function resolvedAddressProblem(host: string, allowPrivate: boolean): Promise<string | null> {
  if (isAddress(host)) return null;
  const found = await Promise.race([
    lookupAll(host, { all: true }).catch((error: NodeJS.ErrnoException) => error),
    new Promise<"slow">((resolve) => setTimeout(() => resolve("slow"), 5000).unref()),
  ]);
  if (found === "slow") return invalid("refusal.lookupSlow", { host, seconds: 5 });
  if (found instanceof Error)
    return invalid("refusal.hostNotFound", { host, code: found.code ?? found.message });
  const refused = found.find(({ address }) => !addressAllowed(address, allowPrivate));
  if (!refused) return null;
  return resolvesRefused(host, refused.address, allowPrivate);
}

/** Why a host that resolves to `address` is not sent to: said alike when registered and when sent. */
const resolvesRefused = (host: string, address: string, allowPrivate: boolean) =>
  allowPrivate
    ? invalid("refusal.resolvesNeverSent", { host, address })
    : invalid("refusal.resolvesPrivate", { host, address });

/** Why no answer came, in words an admin reads in the delivery log, with the system's code. */
function inWords(error: Error & { code?: string }): string {
  // A refused address already says why (a reference); any other code is worded by the catalog.
  return error.code && error.code !== "EREFUSEDADDRESS"
    ? invalid("refusal.sendFailed", { code: error.code })
    : error.message;
}

/**
 * POSTs `body` to `url` with `headers`, within `sendTimeoutMs`; redirects are not followed (a
 * receiver that moved is told by the failure). The answer's body is read and dropped.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const deadline: { timer?: NodeJS.Timeout } = {};
    const settle = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline.timer);
      resolve(outcome);
    };
    // Checked again as it was when registered, under the setting as it is now (a literal address is
    // not looked up: this is its check); a name's addresses are checked as it is looked up.
    const problem = endpointUrlProblem(url, allowPrivate);
    if (problem) {
      return settle({ status: null, error: invalid("refusal.endpointAddress", { problem }) });
    }
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Pledgewatch-Webhooks/1",
          ...headers,
        },
        lookup: guardedLookup(allowPrivate),
        // A connection of its own each time: a pooled one would skip the address check.
        agent: false,
      },
      (response: IncomingMessage) => {
        // The status is the answer: the body is not waited for (a receiver that trickles it out
        // must not hold the worker), and the connection is closed.
        const status = response.statusCode ?? 0;
        settle(
          received(status)
            ? { status, error: null }
            : {
                status,
                error:
                  status >= 300 && status < 400
                    ? invalid("refusal.redirectNotFollowed", { status })
                    : invalid("refusal.answeredStatus", { status }),
              },
        );
        request.destroy();
      },
    );
    // However the receiver behaves (slow to connect, to answer, or trickling), the try ends by then,
    // well within the lease (a delivery is never sent twice at once).
    deadline.timer = setTimeout(() => {
      settle({ status: null, error: invalid("refusal.noAnswerWithin", { seconds: sendTimeoutMs / 1000 }) });
      request.destroy();
    }, sendTimeoutMs);
    request.on("error", (error) => settle({ status: null, error: inWords(error) }));
    request.end(body);
  });
}
