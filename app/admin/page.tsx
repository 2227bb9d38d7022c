import type { Metadata } from "next";
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
import { tokenExpiresAt, tokenUsable } from "@/lib/access";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const admin = await requirePagePermission("admin", "/admin");
  const [accounts, tokens, audit, failedEndpoints] = await Promise.all([
    listAccounts(),
    listApiTokens(),
    listAudit({ page: 1 }, { seesAccounts: true }, 100),
    readFailedEndpoints(),
  ]);
  const now = new Date();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
      <FailedEndpointsNotice endpoints={failedEndpoints} />
      <p>
        <Link href="/admin/webhooks" className="underline">
          Webhooks
        </Link>
        : send each change to other systems as it is recorded.
      </p>
      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-lg font-semibold">
          Accounts
        </h2>
        <div className="overflow-x-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">State</th>
                <th scope="col">Password</th>
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
                  <td>{account.lastSignInAt ? formatDateTime(account.lastSignInAt) : "never"}</td>
                  <td>
                    {account.id === admin?.id ? (
                      "Active (you)"
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
        <h3 className="font-semibold">New account</h3>
        <AccountForm />
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="note">
          Scripts send a token as <code>Authorization: Bearer …</code>. Only a digest is stored; or create one
          with <code>npm run token -- create --role viewer --name NAME --days 90</code>.
        </p>
        <div className="overflow-x-auto">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts with</th>
                <th scope="col">Role</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}…</code>
                  </td>
                  <td>{token.role}</td>
                  <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "never"}</td>
                  <td>{formatDateTime(tokenExpiresAt(token))}</td>
                  <td>
                    {token.revokedAt ? (
                      "revoked"
                    ) : !tokenUsable(token, now) ? (
                      "expired"
                    ) : (
                      <RevokeTokenForm id={token.id} name={token.name} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3 className="font-semibold">New token</h3>
        <TokenForm />
      </section>
      <AuditSection
        title="Audit log (latest 100 writes)"
        lines={audit.rows}
        total={audit.total}
        href="/audit"
        showRecord
      />
    </div>
  );
}
