import "server-only";
import { randomBytes } from "node:crypto";

// A request this server makes to itself, to render a page it keeps (server/rendered-pages.ts), says
// so with a secret of this process (no client can pass one off) and names the data version the page
// is kept for: its figures must hold every write up to that version (server/data-version.ts).

const secretHeader = "x-pledgewatch-page-render";
const versionHeader = "x-pledgewatch-page-version";
// On globalThis: the proxy and the pages are bundled apart, and must agree on it.
const held = globalThis as unknown as { pageRenderSecret?: string };
const secret = () => (held.pageRenderSecret ??= randomBytes(24).toString("base64url"));

/** The headers of a render of a page for data at `version`. */
export function pageRenderHeaders(version: number): Record<string, string> {
  return { [secretHeader]: secret(), [versionHeader]: String(version) };
}

/** Whether these are the headers of this server's own render of a page it keeps. */
export function isPageRender(headers: Headers): boolean {
  return headers.get(secretHeader) === secret();
}

/** The data version a page render is for; 0 for any other request. */
export function pageRenderVersion(headers: Headers): number {
  return isPageRender(headers) ? Number(headers.get(versionHeader)) || 0 : 0;
}
