import { describe, expect, it } from "vitest";
import { chooseLocale, requestLocale } from "./locales";

describe("chooseLocale", () => {
  it("takes the account's setting over the cookie and the browser", () => {
    expect(chooseLocale({ account: "fr", cookie: "uk", acceptLanguage: "en" })).toBe("fr");
  });

  it("takes the cookie when the account names no language", () => {
    expect(chooseLocale({ account: null, cookie: "uk", acceptLanguage: "fr" })).toBe("uk");
  });

  it("ignores a setting or cookie that is not one of the languages", () => {
    expect(chooseLocale({ account: "de", cookie: "xx", acceptLanguage: "fr-FR" })).toBe("fr");
  });

  it("matches the browser's regional tags to the language", () => {
    expect(chooseLocale({ acceptLanguage: "uk-UA,uk;q=0.9,en-US;q=0.8" })).toBe("uk");
    expect(chooseLocale({ acceptLanguage: "fr-CA" })).toBe("fr");
  });

  it("follows the browser's order of preference", () => {
    expect(chooseLocale({ acceptLanguage: "de-DE,fr;q=0.7,uk;q=0.5" })).toBe("fr");
    expect(chooseLocale({ acceptLanguage: "de;q=0.9,uk;q=0.4,fr;q=0.8" })).toBe("fr");
  });

  it("falls back to English for no header, no match, a wildcard or a malformed header", () => {
    expect(chooseLocale({})).toBe("en");
    expect(chooseLocale({ acceptLanguage: "de-DE,ja" })).toBe("en");
    expect(chooseLocale({ acceptLanguage: "*" })).toBe("en");
    expect(chooseLocale({ acceptLanguage: "@@@;q=x,,," })).toBe("en");
  });
});

describe("requestLocale", () => {
  const request = (headers: Record<string, string>) => new Request("http://localhost/api/v1/x", { headers });

  it("reads an API request as a page is read: the account, the cookie among others, the browser", () => {
    const asked = request({ cookie: "a=1; pw-locale=fr; b=2", "accept-language": "uk-UA" });
    expect(requestLocale(asked, "uk")).toBe("uk");
    expect(requestLocale(asked, null)).toBe("fr");
    expect(requestLocale(request({ "accept-language": "uk-UA" }), null)).toBe("uk");
    expect(requestLocale(request({ cookie: "pw-locale=de" }), undefined)).toBe("en");
  });

  it("takes a language named outright over all of them", () => {
    expect(requestLocale(request({ "x-pledgewatch-locale": "fr", cookie: "pw-locale=uk" }), "uk")).toBe("fr");
    expect(requestLocale(request({ "x-pledgewatch-locale": "xx" }), "uk")).toBe("uk");
  });
});
