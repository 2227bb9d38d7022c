import { getLocale, getTimeZone } from "next-intl/server";
import type { ReactNode } from "react";
import { earlyReadScript, everywhere, messagesAddress, type Namespace } from "./browser-catalog";
import { scriptNonce } from "@/server/script-nonce";
import { browserMessages } from "./browser-words";
import { PageMessages, RootMessages } from "./browser-messages";

// Browser code reads its words through next-intl's useTranslations, from the namespaces a page
// names here: each page's browser code gets the words its client components use, not the whole
// catalog, and reads them from /api/messages rather than from the page (browser-catalog.ts). The
// messages are precompiled at build (next.config.ts), so the browser formats them with a small
// runtime, and makes no Intl formatter for a message without numbers or plurals.

/**
 * The words of the client components inside: those every page has (the layout's, with no
 * `namespaces`), or a page's `namespaces` added to them.
 */
export async function ClientMessages({
  namespaces,
  children,
}: {
  namespaces?: Namespace[];
  children: ReactNode;
}) {
  const [locale, timeZone, nonce] = await Promise.all([getLocale(), getTimeZone(), scriptNonce()]);
  const named = namespaces ?? everywhere;
  const { version } = await browserMessages(locale, named);
  const address = messagesAddress(locale, named, version);
  const Messages = namespaces ? PageMessages : RootMessages;
  // In the browser the provider waits for its words before hydrating what it holds, the server's
  // HTML shown meanwhile. No Suspense boundary here: the page's content would then stream apart
  // from the page's frame, and React shows such content only some 300 ms after the first paint.
  return (
    <>
      <Messages locale={locale} timeZone={timeZone} namespaces={named} address={address}>
        {children}
      </Messages>
      {/* After what it holds: an inline script waits for the stylesheet, and stops the parser till then. */}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: earlyReadScript(address) }} />
    </>
  );
}
