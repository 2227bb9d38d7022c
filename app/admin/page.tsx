import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import {
  AccountForm,
  AccountStateForm,
  RenameForm,
  ResetPasswordForm,
  RevokeTokenForm,
  RoleForm,
  TokenForm,
} from "@/features/admin/components/admin-forms";
import { listAccounts, listApiTokens } from "@/features/admin/queries";
import Link from "next/link";
import { FailedEndpointsNotice } from "@/features/webhooks/components/failed-endpoints-notice";
import { readFailedEndpoints } from "@/features/webhooks/queries";
import { AuditSection } from "@/features/audit/components/audit-section";
import { listAudit } from "@/features/audit/queries";
import { tokenExpiresAt, tokenLifetimes, tokenUsable } from "@/lib/access";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";
import { codeTag } from "@/components/ui/rich-tags";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}
export const dynamic = "force-dynamic";

/** The latest writes the page shows. */
const auditShown = 100;

export default async function AdminPage() {
  const admin = await requirePagePermission("admin", "/admin");
  const locale = await getLocale();
  const [accounts, tokens, audit, failedEndpoints, t] = await Promise.all([
    listAccounts(),
    listApiTokens(),
    listAudit({ page: 1 }, { seesAccounts: true }, auditShown, locale),
    readFailedEndpoints(),
    getTranslations("admin"),
  ]);
  const now = new Date();
  return (
    <ClientMessages namespaces={["admin"]}>
      <div className="space-y-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <FailedEndpointsNotice endpoints={failedEndpoints} />
        <p>
          {t.rich("webhooksIntro", {
            link: (chunks) => (
              <Link href="/admin/webhooks" className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
        <section aria-labelledby="users-heading" className="space-y-3">
          <h2 id="users-heading" className="text-lg font-semibold">
            {t("accounts")}
          </h2>
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("email")}</th>
                  <th scope="col">{t("role")}</th>
                  <th scope="col">{t("lastSignIn")}</th>
                  <th scope="col">{t("state")}</th>
                  <th scope="col">{t("password")}</th>
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id}>
                    <td>
                      <RenameForm userId={account.id} name={account.name} email={account.email} />
                    </td>
                    <td>{account.email}</td>
                    <td>
                      <RoleForm userId={account.id} role={account.role} email={account.email} />
                    </td>
                    <td>
                      {account.lastSignInAt ? formatDateTime(account.lastSignInAt, locale) : t("never")}
                    </td>
                    <td>
                      {account.id === admin?.id ? (
                        t("activeYou")
                      ) : (
                        <AccountStateForm
                          userId={account.id}
                          email={account.email}
                          deactivated={account.deactivatedAt !== null}
                        />
                      )}
                    </td>
                    <td>
                      <ResetPasswordForm userId={account.id} email={account.email} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="font-semibold">{t("newAccount")}</h3>
          <AccountForm />
        </section>
        <section aria-labelledby="tokens-heading" className="space-y-3">
          <h2 id="tokens-heading" className="text-lg font-semibold">
            {t("tokens")}
          </h2>
          <p className="note">
            {t.rich("tokensNote", {
              header: "Authorization: Bearer …",
              command: "npm run token -- create --role viewer --name NAME --days 90",
              code: codeTag,
            })}
          </p>
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("startsWith")}</th>
                  <th scope="col">{t("role")}</th>
                  <th scope="col">{t("lastUsed")}</th>
                  <th scope="col">{t("expires")}</th>
                  <th scope="col">{t("state")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td>{token.name}</td>
                    <td>
                      <code>{token.prefix}…</code>
                    </td>
                    <td>{t("tokenRole", { role: token.role })}</td>
                    <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t("never")}</td>
                    <td>{formatDateTime(tokenExpiresAt(token), locale)}</td>
                    <td>
                      {token.revokedAt ? (
                        t("revoked")
                      ) : !tokenUsable(token, now) ? (
                        t("expired")
                      ) : (
                        <RevokeTokenForm id={token.id} name={token.name} />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3 className="font-semibold">{t("newToken")}</h3>
          <TokenForm
            lifetimes={tokenLifetimes.map((days) => ({ days, label: t("days", { count: days }) }))}
          />
        </section>
        <AuditSection
          title={t("auditTitle", { count: auditShown })}
          lines={audit.rows}
          total={audit.total}
          href="/audit"
          showRecord
        />
      </div>
    </ClientMessages>
  );
}
