import { readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { locales, type Locale } from "./locales";

// Every catalog holds the English catalog's keys, each message with the same ICU arguments of the
// same kinds, plurals with every form the language needs, and the glossary's terms.

type Catalog = { [key: string]: string | Catalog };
const read = (file: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, file), "utf8"));
const catalogs = Object.fromEntries(
  locales.map((locale) => [locale, read(`../messages/${locale}.json`)]),
) as Record<Locale, Catalog>;

function flatten(catalog: Catalog, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(at, value);
    else for (const [inner, text] of flatten(value, at)) entries.set(inner, text);
  }
  return entries;
}

const messages = Object.fromEntries(locales.map((locale) => [locale, flatten(catalogs[locale])])) as Record<
  Locale,
  Map<string, string>
>;

/**
 * Each argument a message takes (by name: a language may say a number as a plural where English
 * says it as it is), each tag it wraps text in, and each plural's forms.
 */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>(), plurals: string[][] = []) {
  for (const element of elements) {
    if (
      element.type === TYPE.argument ||
      element.type === TYPE.number ||
      element.type === TYPE.date ||
      element.type === TYPE.time
    )
      found.add(element.value);
    if (element.type === TYPE.tag) argumentsOf(element.children, found.add(`<${element.value}>`), plurals);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      found.add(element.value);
      if (element.type === TYPE.plural) plurals.push(Object.keys(element.options));
      for (const option of Object.values(element.options)) argumentsOf(option.value, found, plurals);
    }
  }
  return { found, plurals };
}

/** The plural forms each language must write out: Ukrainian's one, few and many each read differently. */
const pluralForms: Record<Locale, string[]> = {
  en: ["one", "other"],
  uk: ["one", "few", "many", "other"],
  fr: ["one", "other"],
};

describe("message catalogs", () => {
  const english = [...messages.en.keys()];

  it("has a catalog of some size for each language", () => {
    expect(english.length).toBeGreaterThan(40);
  });

  it.each(locales.filter((locale) => locale !== "en"))(
    "%s has exactly the English catalog's keys",
    (locale) => {
      const keys = [...messages[locale].keys()];
      expect(
        keys.filter((key) => !messages.en.has(key)),
        "keys English lacks",
      ).toEqual([]);
      expect(
        english.filter((key) => !messages[locale].has(key)),
        "keys missing",
      ).toEqual([]);
    },
  );

  it.each(locales)(
    "%s: every message parses, takes the English arguments and has its plural forms",
    (locale) => {
      for (const [key, text] of messages[locale]) {
        const own = argumentsOf(parse(text));
        const reference = argumentsOf(parse(messages.en.get(key) ?? ""));
        expect([...own.found].sort(), `${locale}: ${key}`).toEqual([...reference.found].sort());
        for (const forms of own.plurals) {
          expect(forms, `${locale}: ${key}`).toEqual(expect.arrayContaining(pluralForms[locale]));
        }
        expect(text.trim(), `${locale}: ${key} is empty`).not.toBe("");
      }
    },
  );

  it("translates: no message but names, codes and patterns is left in English", () => {
    // Words each language writes as English does: names, codes, and French cognates. A message
    // identical to English is translated only if every word in it is one of these.
    const sameWords: Record<"uk" | "fr", string[]> = {
      uk: ["Pledgewatch", "CSV", "Excel", "PDF", "JSON", "URL", "API", "Atom"],
      fr: [
        ...["Pledgewatch", "CSV", "Excel", "PDF", "JSON", "URL", "API", "Atom"],
        ...["audit", "page", "pages", "condition", "conditions", "source", "sources", "note", "notes"],
        ...["organisation", "coalition", "description", "version", "type", "total", "options"],
        ...["citation", "citations"],
      ],
    };
    // A message of arguments and punctuation only ("{title}: {amount}") says nothing to translate.
    const stripped = (text: string) => {
      let rest = text;
      for (let before = ""; before !== rest;) [before, rest] = [rest, rest.replace(/\{[^{}]*\}/g, "")];
      // Nor do its tags' names ("<day>{when}:</day> {what}").
      return rest.replace(/<\/?\w+>/g, "");
    };
    const wordsIn = (text: string) => /\p{L}/u.test(stripped(text));
    for (const locale of ["uk", "fr"] as const) {
      const untranslated = english.filter((key) => {
        const text = messages[locale].get(key) ?? "";
        const words = wordsIn(text) ? stripped(text).match(/\p{L}+/gu)! : [];
        const known = new Set(sameWords[locale].map((word) => word.toLowerCase()));
        return text === messages.en.get(key) && words.some((word) => !known.has(word.toLowerCase()));
      });
      expect(untranslated, locale).toEqual([]);
    }
  });
});

describe("glossary", () => {
  const glossary = read("glossary.json") as { terms: Record<Locale, string[]>[] };

  it.each(glossary.terms.map((term) => [term.en[0], term] as const))(
    "every message saying %s says it the glossary's way",
    (_name, term) => {
      const english = new RegExp(`\\b(${term.en.join("|")})\\b`, "i");
      for (const [key, text] of messages.en) {
        // Arguments ("{conditions}") are names in code, not words a reader sees.
        if (!english.test(text.replace(/\{\w+\}/g, ""))) continue;
        for (const locale of ["uk", "fr"] as const) {
          const translated = (messages[locale].get(key) ?? "").toLowerCase();
          expect(
            term[locale].some((form) => translated.includes(form.toLowerCase())),
            `${locale}: ${key} should use ${term[locale].join(" / ")}`,
          ).toBe(true);
        }
      }
    },
  );
});
