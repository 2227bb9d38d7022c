import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// A webhook receiver for the tests: it listens on the loopback address, answers each message with
// what `answer` says (by how many times it has seen that webhook-id), and keeps every request.

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  status: number;
}

/**
 * Standard Webhooks' reference check, written from the spec: the HMAC-SHA256 of
 * `${id}.${timestamp}.${body}` under the secret's bytes (base64 after `whsec_`), in base64, must be
 * one of the space-separated `v1,` signatures.
 */
export function verifiedBySpec(secret: string, { id, timestamp, signature, body }: Received): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  return signature.split(" ").some((candidate) => {
    const [version, value] = candidate.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const header = (headers: IncomingHttpHeaders, name: string) => String(headers[name] ?? "");

export async function startReceiver(answer: (timesSeen: number) => number = () => 204) {
  const received: Received[] = [];
  const seen = new Map<string, number>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const id = header(request.headers, "webhook-id");
      const times = (seen.get(id) ?? 0) + 1;
      seen.set(id, times);
      const status = answer(times);
      received.push({
        id,
        timestamp: header(request.headers, "webhook-timestamp"),
        signature: header(request.headers, "webhook-signature"),
        body: Buffer.concat(chunks).toString("utf8"),
        status,
      });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** The messages answered 2xx, by webhook-id. */
    succeeded: () => received.filter((r) => r.status >= 200 && r.status < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
