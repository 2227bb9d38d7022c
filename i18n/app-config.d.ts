import type englishCatalog from "@/messages/en.json";
import type { Locale } from "./locales";

// next-intl checks every message key and locale against these at compile time: the English catalog
// is the reference; i18n/catalogs.test.ts checks the others hold the same keys and arguments.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof englishCatalog;
  }
}
