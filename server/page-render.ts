import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { requireAuthSecret } from "./env";

// A request this server makes to its renderer or to itself, to render a page it keeps
// (server/rendered-pages.ts, server/renderer.mjs), says so with a secret, and names the data version
// the page is kept for: its figures must hold every write up to that version
// (server/data-version.ts). The secret is derived from BETTER_AUTH_SECRET, so that every process and
// instance of a deployment knows it. A forged one would gain nothing but figures waiting for a
// version, as a forged pw-wrote cookie does.

const secretHeader = "x-pledgewatch-page-render";
const versionHeader = "x-pledgewatch-page-version";
const held = globalThis as unknown as { pageRenderSecret?: Buffer };
const secret = () =>
  (held.pageRenderSecret ??= createHmac("sha256", requireAuthSecret()).update("page render").digest());

/** The headers of a render of a page for data at `version`. */
export function pageRenderHeaders(version: number): Record<string, string> {
  return { [secretHeader]: secret().toString("base64url"), [versionHeader]: String(version) };
}

/** Whether a request says it is a page render, rightly or not: such a request is never answered with a kept page. */
export function claimsPageRender(headers: Headers): boolean {
  return headers.has(secretHeader);
}

/** The data version a page render is for; 0 for any other request. */
export function pageRenderVersion(headers: Headers): number {
  const claimed = Buffer.from(headers.get(secretHeader) ?? "", "base64url");
  const genuine = claimed.length === secret().length && timingSafeEqual(claimed, secret());
  return genuine ? Number(headers.get(versionHeader)) || 0 : 0;
}
