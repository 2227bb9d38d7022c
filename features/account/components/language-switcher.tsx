import { getLocale, getTranslations } from "next-intl/server";
import { localeNames, locales, type Locale } from "@/i18n/locales";
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

/**
 * The account page's setting: a language, or the browser's (the account then names none, and
 * Accept-Language chooses). A plain form, as the header's switcher is.
 */
export async function LanguageSetting({ chosen }: { chosen: Locale | null }) {
  const t = await getTranslations("account");
  const options: { value: Locale | "browser"; label: string; lang?: Locale }[] = [
    { value: "browser", label: t("followBrowser") },
    ...locales.map((locale) => ({ value: locale, label: localeNames[locale], lang: locale })),
  ];
  return (
    <form action={chooseLanguageAction} className="space-y-3">
      <fieldset className="space-y-1">
        <legend className="sr-only">{t("language")}</legend>
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="locale"
              value={option.value}
              defaultChecked={(chosen ?? "browser") === option.value}
              className="size-4 accent-blue-700"
            />
            <span lang={option.lang}>{option.label}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button-primary">
        {t("saveLanguage")}
      </button>
    </form>
  );
}
