import { NextResponse } from "next/server";
import { browserMessages } from "@/i18n/browser-words";
import { catalogOf } from "@/i18n/catalog";
import { locales } from "@/i18n/locales";
import type { Namespace } from "@/i18n/browser-catalog";
import { z } from "@/lib/zod";
import { repeatedParam, singleParam } from "@/lib/search-params";
import { answerLocale, parseQuery, responseFor } from "@/server/http";

// The words browser code shows (i18n/browser-catalog.ts), for every reader alike, signed in or not
// (the sign-in page has browser code too). At its current version an answer never changes: the
// browser keeps it for a year. At another (a page from before the words changed) it is read anew.

const wordsQuery = (namespaces: [string, ...string[]]) =>
  z.object({
    locale: singleParam(z.enum(locales)),
    namespace: repeatedParam(z.enum(namespaces)),
    version: singleParam(z.string().max(64)),
  });

export async function GET(request: Request) {
  try {
    const names = Object.keys(await catalogOf("en")) as [Namespace, ...Namespace[]];
    const query = parseQuery(wordsQuery(names), request);
    const locale = query.locale ?? "en";
    const namespaces = query.namespace as Namespace[];
    const { messages, version } = await browserMessages(locale, namespaces);
    return NextResponse.json(messages, {
      headers: {
        "cache-control":
          query.version === version ? "public, max-age=31536000, immutable" : "public, no-cache",
      },
    });
  } catch (error) {
    return responseFor(error, answerLocale(request));
  }
}
