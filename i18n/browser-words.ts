import { createHash } from "node:crypto";
import type { Messages } from "next-intl";
import { pickForBrowser, type Namespace } from "./browser-catalog";
import { catalogOf } from "./catalog";
import type { Locale } from "./locales";

// The server's side of the browser's words (browser-catalog.ts): the words themselves, for
// /api/messages, and their version, for the address a page gives its browser code.

/** Each language's sets of namespaces as read once, with their version: a hash of their words. */
const read = new Map<string, { messages: Partial<Messages>; version: string }>();

/** A language's `namespaces` as the browser reads them, and the version of those words. */
export async function browserMessages(locale: Locale, namespaces: readonly Namespace[]) {
  const key = `${locale}:${namespaces.join(",")}`;
  let words = read.get(key);
  if (!words) {
    const messages = pickForBrowser(await catalogOf(locale), namespaces);
    // The same on every instance of a build, and new only when the words are.
    const version = createHash("sha256").update(JSON.stringify(messages)).digest("base64url").slice(0, 16);
    words = { messages, version };
    read.set(key, words);
  }
  return words;
}
