// @ts-check
// The HTTP edge's rules, used by server.mjs before Next.js sees a request: the one place that knows
// the socket. Plain JavaScript, as it runs before (and outside) the compiled app.
import { BlockList, isIP } from "node:net";
import bodyLimits from "./body-limits.json" with { type: "json" };

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) → "10.0.0.1"; anything else as it is. */
function plainAddress(/** @type {string} */ address) {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

/**
 * TRUSTED_PROXIES: addresses or CIDR ranges, comma-separated ("127.0.0.1, 10.0.0.0/8, ::1"), of the
 * proxies whose X-Forwarded-For is believed. Throws, naming the variable, on an entry that is neither.
 * @param {string | undefined} value
 */
export function parseTrustedProxies(value) {
  const list = new BlockList();
  for (const entry of (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    if (
      !family ||
      rest.length > 0 ||
      !Number.isInteger(bits) ||
      bits < 0 ||
      bits > (family === 6 ? 128 : 32)
    ) {
      throw new Error(
        `Invalid environment: TRUSTED_PROXIES must list IP addresses or CIDR ranges separated by commas, and "${entry}" is neither`,
      );
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

/** @param {BlockList} trusted @param {string} address */
function isTrusted(trusted, address) {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy, in which case the
 * X-Forwarded-For entries are walked from the right (the nearest hop) past every trusted proxy.
 * An entry that is not an address ends the walk at the proxy that reported it.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {BlockList} trusted
 */
export function clientAddress(socketAddress, forwardedFor, trusted) {
  let address = plainAddress(socketAddress ?? "");
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map(plainAddress)
    .filter(Boolean);
  while (isTrusted(trusted, address) && hops.length > 0) {
    const next = /** @type {string} */ (hops.pop());
    if (!isIP(next)) break;
    address = next;
  }
  return address || "unknown";
}

/**
 * The most a request to `path` may send, in bytes.
 * @param {string} path
 */
export function bodyLimitFor(path) {
  if (path === "/api/v1/imports") return bodyLimits.importUpload;
  // A document for intake: 10 MB, and the little its address and form add.
  if (path === "/api/v1/intake") return bodyLimits.intakeUpload;
  if (path.startsWith("/api/auth/")) return bodyLimits.auth;
  if (path.startsWith("/api/v1/")) return bodyLimits.apiJson;
  return bodyLimits.other;
}

/**
 * What the edge does to a request before Next.js sees it: the client's address in X-Forwarded-For
 * (replacing whatever the client claimed), the scheme and host a trusted proxy reported or none, and a
 * refusal for a body too large for its route, or of unknown length where a length is needed.
 * @param {{ method?: string, url?: string, headers: import("node:http").IncomingHttpHeaders, socket: { remoteAddress?: string } }} request
 * @param {BlockList} trusted
 * @returns {{ status: number, message: string } | null} a refusal, or null to go on
 */
export function admitRequest(request, trusted) {
  const socket = plainAddress(request.socket.remoteAddress ?? "");
  const headers = request.headers;
  headers["x-forwarded-for"] = clientAddress(socket, headers["x-forwarded-for"], trusted);
  if (!isTrusted(trusted, socket)) {
    // Next.js fills these in from the socket itself when they are absent.
    delete headers["x-forwarded-proto"];
    delete headers["x-forwarded-host"];
    delete headers["x-forwarded-port"];
  }
  const path = (request.url ?? "/").split("?")[0] ?? "/";
  try {
    // Next.js would answer a path it cannot decode (`/pledges/%ZZ`) with a 500.
    decodeURIComponent(path);
  } catch {
    return {
      status: 400,
      message: "The address is not valid: each % must begin a UTF-8 character's %XX code.",
    };
  }
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return null;
  const limit = bodyLimitFor(path);
  const length = headers["content-length"];
  if (length === undefined) {
    // Only the import streams a body of unknown length (it counts as it reads); elsewhere the
    // length must be known before the body is buffered.
    if (headers["transfer-encoding"] === undefined || path === "/api/v1/imports") return null;
    return { status: 411, message: "Send a Content-Length with this request's body." };
  }
  if (!/^\d+$/.test(length)) return { status: 400, message: "The Content-Length header is not a number." };
  if (Number(length) > limit) {
    return {
      status: 413,
      message: `The body is larger than ${Math.round(limit / 1024).toLocaleString("en-GB")} KB, the most this address takes.`,
    };
  }
  return null;
}
