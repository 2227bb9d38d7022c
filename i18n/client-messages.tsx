import { NextIntlClientProvider, type Messages } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

// Browser code reads its words through next-intl's useTranslations, from the namespaces a page
// hands it here: each page ships the words its client components use, not the whole catalog. The
// messages are precompiled at build (next.config.ts), so the browser formats them with a small
// runtime, and makes no Intl formatter for a message without numbers or plurals.

type Namespace = keyof Messages;

/**
 * Every page's: the vocabulary (badges, selects), the UI kit's words, the form parts' (any page may
 * hold a form), the export links' and the watch button's.
 */
const everywhere = ["vocabulary", "common", "forms", "exports", "watch"] as const satisfies Namespace[];

/**
 * Parts of a namespace only the server words, never sent: what a form's action answers, why a
 * write was refused, an import row's problems, a query parameter's. The browser words only its live
 * checks' messages.
 */
const serverOnly: Partial<Record<Namespace, readonly string[]>> = {
  validation: ["outcome", "refusal", "row", "param"],
};

/** A namespace's messages as the browser needs them. */
function forBrowser(namespace: Namespace, words: Messages[Namespace]) {
  const left = serverOnly[namespace];
  return left ? Object.fromEntries(Object.entries(words).filter(([key]) => !left.includes(key))) : words;
}

/** The catalog's `namespaces` (and those every page has) for the client components inside. */
export async function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: Namespace[];
  children: ReactNode;
}) {
  const messages = await getMessages();
  const picked = Object.fromEntries(
    [...everywhere, ...namespaces].map((namespace) => [
      namespace,
      forBrowser(namespace, messages[namespace]),
    ]),
  );
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
