import type { Metadata } from "next";
import { AuditTrail } from "@/features/editing/components/audit-trail";
import { AccountForm, RevokeTokenForm, RoleForm, TokenForm } from "@/features/editing/components/admin-forms";
import { listAccounts, listApiTokens, recentAudit } from "@/features/editing/queries";
import { formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  await requirePagePermission("admin", "/admin");
  const [accounts, tokens, audit] = await Promise.all([listAccounts(), listApiTokens(), recentAudit(100)]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-lg font-semibold">
          Accounts
        </h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <td>{account.name}</td>
                <td>{account.email}</td>
                <td>
                  <RoleForm userId={account.id} role={account.role} email={account.email} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="font-semibold">New account</h3>
        <AccountForm />
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-3">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="note">
          Scripts send a token as <code>Authorization: Bearer …</code>. Only a digest is stored; or create one
          with <code>npm run token -- create --role viewer --name NAME</code>.
        </p>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Role</th>
              <th scope="col">Last used</th>
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
                <td>{token.revokedAt ? "revoked" : <RevokeTokenForm id={token.id} name={token.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3 className="font-semibold">New token</h3>
        <TokenForm />
      </section>
      <AuditTrail entries={audit} title="Audit log (latest 100 writes)" showRecord />
    </div>
  );
}
