import { headers } from "next/headers";

// The proxy (proxy.ts) gives each page request a CSP with a fresh nonce, on the request too: Next.js
// reads it from there for its own scripts, and so do ours.

const nonceSource = /'nonce-([A-Za-z0-9+/_-]+={0,2})'/;

/** The nonce this page's inline scripts carry to run under its CSP. */
export async function scriptNonce(): Promise<string | undefined> {
  const policy = (await headers()).get("content-security-policy");
  return policy?.match(nonceSource)?.[1];
}
