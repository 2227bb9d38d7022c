import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";

// What of the English catalog a page shows although its reader chose another language: every text
// node that is a whole English message, and every longer English sentence found inside the text.
// Record text (titles, quotes, names) stays as entered and is not looked for.

type Catalog = { [key: string]: string | Catalog };
const read = (locale: string) =>
  JSON.parse(readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8")) as Catalog;

function flatten(catalog: Catalog, prefix = ""): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

/** The English messages (and their literal parts) a page in `locale` must not show. */
function englishOnly(locale: string): { whole: string[]; sentences: string[] } {
  const translated = new Map(flatten(read(locale)));
  // What the language itself writes as English does ("Condition" in French) is never a leak.
  const own = new Set(translated.values());
  const whole = new Set<string>();
  const sentences = new Set<string>();
  for (const [key, english] of flatten(read("en"))) {
    if (translated.get(key) === english) continue;
    // Field nouns are set inside validation messages, never shown alone ("condition" is also a code).
    if (key.startsWith("validation.what.")) continue;
    // A plural's or a select's branches are text too: "{count, plural, one {# pledge moved} …}"
    // gives "pledge moved" (the count, "#", is an argument).
    const branches = english
      .replace(/\{\w+(?:,\s*(?:number|date|time)[^{}]*)?\}/g, "\0")
      .replace(/\{\w+,\s*(?:plural|select|selectordinal),/g, "\0")
      .replace(/(?<!\p{L})(?:zero|one|two|few|many|other|=\d+)\s*\{/gu, "\0")
      .replace(/[#{}]/g, "\0");
    // The text between arguments and tags: "Last change recorded {when}." → "Last change recorded".
    const parts = branches.split(/\0|<\/?\w+>/).map((part) =>
      part
        .trim()
        .replace(/^[.,:;·]+|[.,:;·]+$/g, "")
        .trim(),
    );
    for (const part of parts) {
      if (!/\p{L}{2}/u.test(part) || own.has(part)) continue;
      if (part === english.trim()) whole.add(part);
      if (part.split(/\s+/).length >= 3) sentences.add(part);
    }
  }
  return { whole: [...whole], sentences: [...sentences] };
}

/**
 * The English in texts read back from a file (a workbook's cells, a PDF's lines): each text that is
 * a whole English message, and every English sentence found in any of them.
 */
export function englishInTexts(texts: readonly string[], locale: string): string[] {
  const { whole, sentences } = englishOnly(locale);
  const wholeSet = new Set(whole);
  const shown = texts.map((text) => text.replace(/\s+/g, " ").trim());
  const joined = shown.join("\n");
  return [
    ...shown.filter((text) => wholeSet.has(text)),
    ...sentences.filter((sentence) => joined.includes(sentence)),
  ];
}

/** The English `page` shows: whole messages as text nodes or labels, and English sentences in its text. */
export async function englishLeaks(page: Page, locale: string): Promise<string[]> {
  const { whole, sentences } = englishOnly(locale);
  // What streams in or is drawn after the first paint is read too.
  await page.waitForLoadState("networkidle");
  return page.evaluate(
    ({ whole, sentences }) => {
      const shown: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element || element.closest("script, style, noscript, [hidden]")) continue;
        shown.push(node.textContent?.trim() ?? "");
      }
      for (const element of document.querySelectorAll("[aria-label], [title], [placeholder]")) {
        for (const name of ["aria-label", "title", "placeholder"]) {
          const value = element.getAttribute(name);
          if (value) shown.push(value.trim());
        }
      }
      const wholeSet = new Set(whole);
      const text = shown.join("\n");
      return [
        ...shown.filter((piece) => wholeSet.has(piece)),
        ...sentences.filter((sentence) => text.includes(sentence)),
      ];
    },
    { whole, sentences },
  );
}
