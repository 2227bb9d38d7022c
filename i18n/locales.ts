import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { NextRequest } from "next/server";
import { localeHeader } from "./locale-header";

// The languages Pledgewatch is read in, and how a request's is chosen. Plain code: the proxy (which
// keeps rendered pages per language), next-intl's request config and the tests share it.

export const locales = ["en", "uk", "fr"] as const;
export type Locale = (typeof locales)[number];
const defaultLocale: Locale = "en";

/** The cookie the language switcher sets (a year), read when the account names no language. */
export const localeCookie = "pw-locale";

/** Each language in its own name, as the switcher offers it. */
export const localeNames: Record<Locale, string> = { en: "English", uk: "Українська", fr: "Français" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The language to answer in: the account's setting, else the switcher's cookie, else the best match
 * for the browser's Accept-Language ("uk-UA" reads Ukrainian, "fr-CA" French), else English.
 */
export function chooseLocale(from: {
  account?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(from.account)) return from.account;
  if (isLocale(from.cookie)) return from.cookie;
  if (!from.acceptLanguage) return defaultLocale;
  const asked = new Negotiator({ headers: { "accept-language": from.acceptLanguage } })
    .languages()
    // Negotiator passes "*" through; it names no language.
    .filter((tag) => tag !== "*");
  try {
    const found = match(asked, locales, defaultLocale);
    return isLocale(found) ? found : defaultLocale;
  } catch {
    // A malformed tag (RangeError from Intl) is no reason to refuse the page.
    return defaultLocale;
  }
}

/**
 * The language of an API route's words (the workbook, the briefing PDF): chosen as a page's is, from
 * the requester's account, cookie and browser. Read from the request itself, so that the route
 * answers the same outside a Next.js render (its tests call it directly).
 */
export function requestLocale(request: Request, account: string | null | undefined): Locale {
  return headersLocale(request.headers, account);
}

/** The language of a request from its headers alone (a server action's, an API route's). */
export function headersLocale(headers: Headers, account: string | null | undefined): Locale {
  const named = headers.get(localeHeader);
  if (isLocale(named)) return named;
  return chooseLocale({
    account,
    // Read from the headers alone: the request's body may have been read already.
    cookie: new NextRequest("http://localhost/", { headers }).cookies.get(localeCookie)?.value,
    acceptLanguage: headers.get("accept-language"),
  });
}
