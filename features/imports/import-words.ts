// How an import words what it finds, in the import page's language (the CLI's and the API's
// English): the rules' references (lib/validation-message.ts) and the fields' names. Server only:
// the catalogs stay out of the browser's modules (fields.ts, derived-columns.ts return references).
import type { Locale } from "@/i18n/locales";
import { translator, wordedIn } from "@/i18n/translate";
import type { ImportField } from "./fields";

export function importWords(locale: Locale = "en") {
  const t = translator(locale);
  return {
    say: (message: string) => wordedIn(locale, message),
    /** A field as the import page names it: a column the file may not have. */
    label: (field: ImportField) => t(`imports.field.${field}`),
  };
}
export type ImportWords = ReturnType<typeof importWords>;
