// The core translator, without React: scripts (npm run import) load this module too.
import { createTranslator } from "use-intl/core";
import englishCatalog from "@/messages/en.json";
import frenchCatalog from "@/messages/fr.json";
import ukrainianCatalog from "@/messages/uk.json";
import { worded, type Wording } from "@/lib/validation-message";
import type { Locale } from "./locales";

// The catalogs' words for code that writes text outside a React render on the server: the figures'
// words (features/*/…-lines.ts), the briefing and the exports. Components use next-intl's own
// getTranslations; both read the same catalogs. Never imported by browser code: it holds all three.

const catalogs: Record<Locale, typeof englishCatalog> = {
  en: englishCatalog,
  uk: ukrainianCatalog,
  fr: frenchCatalog,
};

const make = (locale: Locale) => createTranslator({ locale, messages: catalogs[locale], timeZone: "UTC" });

/** Translates any key of the catalog (`t("dashboard.kpi.required")`), its arguments checked. */
export type Translate = ReturnType<typeof make>;

const made = new Map<Locale, Translate>();

/**
 * French elides "de" and "que" before a vowel: a figure put after them ("un déficit de {shortfall}")
 * may begin with one ("au moins 19 000"), which the catalog cannot know. Not before "h", which may
 * be aspirated.
 */
export function elided(text: string): string {
  // Not after a letter: "Suède et" keeps its "e" ("\b" would take "è" for a boundary).
  return text.replace(/(?<!\p{L})(d|qu)e (?=[aeiouyàâéèêëîïôûAEIOUYÀÂÉÈÊÎÔÛ])/gu, "$1’");
}

/** The translator for `locale`, made once. */
export function translator(locale: Locale): Translate {
  let t = made.get(locale);
  if (!t) {
    const plain = make(locale);
    t =
      locale === "fr"
        ? (Object.assign((...args: Parameters<Translate>) => elided(plain(...args)), plain) as Translate)
        : plain;
    made.set(locale, t);
  }
  return t;
}

/** Words validation messages (lib/validation-message.ts) in `locale`: forms in the reader's, the API in the one asked. */
export function validationWording(locale: Locale): Wording {
  const t = translator(locale);
  const word = (key: string, args: Record<string, string | number>) =>
    t(`validation.${key}` as "validation.required", args as { what: string });
  return Object.assign(word, { has: (key: string) => t.has(`validation.${key}` as "validation.required") });
}

/** `message` with the rules' references (lib/validation-message.ts) worded in `locale`. */
export const wordedIn = (locale: Locale, message: string): string =>
  worded(message, validationWording(locale));

/** `message` with the rules' references worded in English: for the import's rows and the scripts. */
export const inEnglish = (message: string): string => wordedIn("en", message);
