// Pure checks used by the proxy: which writes are same-origin, and the Content-Security-Policy.

export type OriginVerdict = "same-origin" | "cross-origin" | "missing" | "malformed";

/** Whether a write's Origin header names the scheme and host it was sent to. */
export function isSameOriginWrite(
  origin: string | null,
  host: string | null,
  scheme: "http" | "https",
): OriginVerdict {
  if (!origin) return "missing";
  if (!host) return "malformed";
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return "malformed";
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return "malformed";
  // An Origin is scheme://host[:port] only: a path or query means it was forged or mangled.
  if (parsed.origin !== origin.toLowerCase()) return "malformed";
  return parsed.host.toLowerCase() === host.toLowerCase() && parsed.protocol === `${scheme}:`
    ? "same-origin"
    : "cross-origin";
}

/**
 * Scripts only from this site or carrying this request's nonce; styles may be inline (the charts
 * set them); nothing may frame the app.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
