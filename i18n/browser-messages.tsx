"use client";

import { NextIntlClientProvider, useMessages, type Messages } from "next-intl";
import { use, useMemo, type ReactNode } from "react";
import { earlyReads, pickForBrowser, type Namespace } from "./browser-catalog";
import type { Locale } from "./locales";

// The words' providers of client components (client-messages.tsx): each reads its namespaces from
// their address once per page load, and on the server from the catalog itself.

interface Props {
  locale: Locale;
  timeZone: string;
  namespaces: readonly Namespace[];
  /** Where the browser reads them (messagesAddress). */
  address: string;
  children: ReactNode;
}

type Words = Partial<Messages>;

/** The words being read or read, by address: the same promise for every render that needs them. */
const reads = new Map<string, Promise<Words>>();

function wordsAt({ address, locale, namespaces }: Props): Promise<Words> {
  let read = reads.get(address);
  if (!read) {
    const started =
      typeof window === "undefined"
        ? import("./catalog").then(async ({ catalogOf }) =>
            pickForBrowser(await catalogOf(locale), namespaces),
          )
        : earlyRead(address);
    read = started;
    reads.set(address, started);
    started.then(
      // Said on the promise as React's use() reads it: a later render then has the words at once.
      (words) => Object.assign(started, { status: "fulfilled", value: words }),
      // A read that failed is tried again by the next render that needs it.
      () => reads.delete(address),
    );
  }
  return read;
}

/** The page's own read of these words, begun at its first paint (earlyReadScript), or a new one. */
function earlyRead(address: string): Promise<Words> {
  const early = (window as unknown as Record<string, Record<string, Promise<Words>> | undefined>)[
    earlyReads
  ]?.[address];
  return early ? early.catch(() => fetchWords(address)) : fetchWords(address);
}

/**
 * The words from the server, asked for again, less and less often, until they come: meanwhile the
 * page stays as the server wrote it, readable, only not yet interactive (an error would replace it).
 */
async function fetchWords(address: string): Promise<Words> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(address);
      if (response.ok) return (await response.json()) as Words;
      console.warn(`The page's words could not be read: the server answered ${response.status}.`);
    } catch (error) {
      console.warn("The page's words could not be read:", error);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** attempt, 30_000)));
  }
}

/** The words every page's client components use. */
export function RootMessages(props: Props) {
  const words = use(wordsAt(props));
  return (
    <NextIntlClientProvider locale={props.locale} timeZone={props.timeZone} messages={words}>
      {props.children}
    </NextIntlClientProvider>
  );
}

/** A page's namespaces, added to every page's. */
export function PageMessages(props: Props) {
  const inherited = useMessages();
  const own = use(wordsAt(props));
  const words = useMemo(() => ({ ...inherited, ...own }), [inherited, own]);
  return (
    <NextIntlClientProvider locale={props.locale} timeZone={props.timeZone} messages={words}>
      {props.children}
    </NextIntlClientProvider>
  );
}
