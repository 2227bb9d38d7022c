import { getLocale, getTranslations } from "next-intl/server";
import { localeNames, locales } from "@/i18n/locales";
import { chooseLanguageAction } from "../language-action";

/**
 * The header's choice of language: one button per language, each named in its own language (and
 * marked so, for screen readers), the current one pressed. A plain form: it works before the page's
 * scripts load, and the page comes back in the language chosen.
 */
export async function LanguageSwitcher() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("language")]);
  return (
    <form action={chooseLanguageAction} className="flex items-center gap-1 text-xs" aria-label={t("label")}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`rounded px-1.5 py-0.5 ${
            locale === current
              ? "bg-slate-800 font-semibold text-white"
              : "text-slate-700 underline-offset-4 hover:underline"
          }`}
        >
          {localeNames[locale]}
        </button>
      ))}
    </form>
  );
}
