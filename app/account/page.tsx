import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { LanguageSetting } from "@/features/account/components/language-switcher";
import { ClientMessages } from "@/i18n/client-messages";
import { isLocale } from "@/i18n/locales";
import {
  FeedTokenForm,
  OwnNameForm,
  OwnPasswordForm,
  RevokeFeedTokenForm,
} from "@/features/account/components/account-forms";
import { listOwnFeedTokens } from "@/features/account/queries";
import { formatDate, formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const principal = await requirePagePermission("read", "/account");
  // A token, or an anonymous public reader, has no account to change.
  if (!principal || principal.kind !== "user") forbidden();
  const [feedTokens, t, locale] = await Promise.all([
    listOwnFeedTokens(principal.id),
    getTranslations("account"),
    getLocale(),
  ]);
  return (
    <ClientMessages namespaces={["account"]}>
      <div className="max-w-md space-y-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <section aria-labelledby="name-heading" className="space-y-3">
          <h2 id="name-heading" className="text-lg font-semibold">
            {t("name")}
          </h2>
          <OwnNameForm name={principal.name} />
        </section>
        <section aria-labelledby="password-heading" className="space-y-3">
          <h2 id="password-heading" className="text-lg font-semibold">
            {t("password")}
          </h2>
          <OwnPasswordForm />
        </section>
        <section aria-labelledby="language-heading" className="space-y-3">
          <h2 id="language-heading" className="text-lg font-semibold">
            {t("language")}
          </h2>
          <p className="text-sm text-slate-700">{t("languageText")}</p>
          <LanguageSetting chosen={isLocale(principal.locale) ? principal.locale : null} />
        </section>
        <section aria-labelledby="feeds-heading" className="space-y-3">
          <h2 id="feeds-heading" className="text-lg font-semibold">
            {t("feeds")}
          </h2>
          <p className="text-sm text-slate-700">{t("feedsText")}</p>
          {feedTokens.length > 0 && (
            <ul className="space-y-2 text-sm" aria-label={t("feedTokens")}>
              {feedTokens.map((token) => (
                <li key={token.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    <code>{token.prefix}…</code>
                    {", "}
                    {[
                      t("tokenMade", { date: formatDate(token.createdAt, locale) }),
                      token.lastUsedAt
                        ? t("tokenUsed", { when: formatDateTime(token.lastUsedAt, locale) })
                        : t("tokenNeverUsed"),
                      ...(token.expiresAt
                        ? [t("tokenUntil", { date: formatDate(token.expiresAt, locale) })]
                        : []),
                    ].join(", ")}
                  </span>
                  <RevokeFeedTokenForm id={token.id} prefix={token.prefix} />
                </li>
              ))}
            </ul>
          )}
          <FeedTokenForm />
        </section>
      </div>
    </ClientMessages>
  );
}
