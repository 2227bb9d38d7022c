import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { currentPrincipal } from "@/server/access";
import { localeHeader } from "./locale-header";
import { chooseLocale, isLocale, localeCookie } from "./locales";

// next-intl's configuration for each server render: the reader's language (their account's
// setting, the switcher's cookie, their browser) and its catalog. URLs carry no language.
export default getRequestConfig(async () => {
  const [principal, cookieStore, requestHeaders] = await Promise.all([
    // The sign-in and error pages render too when the database cannot be read: the cookie and the
    // browser then choose.
    currentPrincipal().catch(() => null),
    cookies(),
    headers(),
  ]);
  const named = requestHeaders.get(localeHeader);
  const locale = isLocale(named)
    ? named
    : chooseLocale({
        account: principal?.locale,
        cookie: cookieStore.get(localeCookie)?.value,
        acceptLanguage: requestHeaders.get("accept-language"),
      });
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    // Dates are shown in UTC so that every reader sees the same day (lib/format.ts).
    timeZone: "UTC",
  };
});
