import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "./sign-out-button";
import { LanguageSwitcher } from "@/features/account/components/language-switcher";
import { InboxLink } from "@/features/watches/components/inbox-link";
import { roleAllows } from "@/lib/access";
import { currentPrincipal } from "@/server/access";

const navLink = "text-slate-700 underline-offset-4 hover:underline";

export async function SiteHeader() {
  const [principal, t] = await Promise.all([currentPrincipal(), getTranslations("header")]);
  const canEdit = principal ? roleAllows(principal.role, "edit") : false;
  const isAdmin = principal ? roleAllows(principal.role, "admin") : false;
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
          {t("home")}
        </Link>
        <nav aria-label={t("mainNavigation")}>
          <ul className="flex flex-wrap gap-4 text-sm">
            <li>
              <Link href="/dashboard" className={navLink}>
                {t("dashboard")}
              </Link>
            </li>
            <li>
              <Link href="/pledges" className={navLink}>
                {t("pledges")}
              </Link>
            </li>
            <li>
              <Link href="/changes" className={navLink}>
                {t("changes")}
              </Link>
            </li>
            <li>
              <Link href="/releases" className={navLink}>
                {t("releases")}
              </Link>
            </li>
            {canEdit && (
              <li>
                <Link href="/manage" className={navLink}>
                  {t("records")}
                </Link>
              </li>
            )}
            {canEdit && (
              <li>
                <Link href="/import" className={navLink}>
                  {t("import")}
                </Link>
              </li>
            )}
            {canEdit && (
              <li>
                <Link href="/intake" className={navLink}>
                  {t("intake")}
                </Link>
              </li>
            )}
            {canEdit && (
              <li>
                <Link href="/audit" className={navLink}>
                  {t("audit")}
                </Link>
              </li>
            )}
            {isAdmin && (
              <li>
                <Link href="/admin" className={navLink}>
                  {t("admin")}
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {canEdit && (
            <Link
              href="/pledges/new"
              className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white hover:bg-blue-800"
            >
              {t("addPledge")}
            </Link>
          )}
          {principal ? (
            <>
              {principal.kind === "user" && <InboxLink userId={principal.id} className={navLink} />}
              {principal.kind === "user" ? (
                <Link
                  href="/account"
                  className={navLink}
                  aria-label={t("yourAccount", { name: principal.name })}
                >
                  {principal.name}{" "}
                  <span className="text-slate-600">({t("role", { role: principal.role })})</span>
                </Link>
              ) : (
                <span>
                  {principal.name}{" "}
                  <span className="text-slate-600">({t("role", { role: principal.role })})</span>
                </span>
              )}
              <SignOutButton label={t("signOut")} />
            </>
          ) : (
            <Link href="/login" className={navLink}>
              {t("signIn")}
            </Link>
          )}
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
