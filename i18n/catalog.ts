import type { Messages } from "next-intl";
import type { Locale } from "./locales";

/** A language's whole catalog, as the build precompiled it (next.config.ts). */
export async function catalogOf(locale: Locale): Promise<Messages> {
  return (await import(`../messages/${locale}.json`)).default as Messages;
}
