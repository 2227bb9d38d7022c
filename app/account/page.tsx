import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import {
  FeedTokenForm,
  OwnNameForm,
  OwnPasswordForm,
  RevokeFeedTokenForm,
} from "@/features/account/components/account-forms";
import { listOwnFeedTokens } from "@/features/account/queries";
import { formatDate, formatDateTime } from "@/lib/format";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const principal = await requirePagePermission("read", "/account");
  // A token, or an anonymous public reader, has no account to change.
  if (!principal || principal.kind !== "user") forbidden();
  const feedTokens = await listOwnFeedTokens(principal.id);
  return (
    <div className="max-w-md space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>
      <section aria-labelledby="name-heading" className="space-y-3">
        <h2 id="name-heading" className="text-lg font-semibold">
          Name
        </h2>
        <OwnNameForm name={principal.name} />
      </section>
      <section aria-labelledby="password-heading" className="space-y-3">
        <h2 id="password-heading" className="text-lg font-semibold">
          Password
        </h2>
        <OwnPasswordForm />
      </section>
      <section aria-labelledby="feeds-heading" className="space-y-3">
        <h2 id="feeds-heading" className="text-lg font-semibold">
          Feeds
        </h2>
        <p className="text-sm text-slate-700">
          The dashboard, the pledge list, each pledge and What changed have an Atom feed for a feed reader. A
          reader sends no sign-in: give it a feed address carrying a token of your own, which reads as you may
          and which you can revoke here at any time.
        </p>
        {feedTokens.length > 0 && (
          <ul className="space-y-2 text-sm" aria-label="Your feed tokens">
            {feedTokens.map((token) => (
              <li key={token.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <code>{token.prefix}…</code>, made {formatDate(token.createdAt)},{" "}
                  {token.lastUsedAt ? `last used ${formatDateTime(token.lastUsedAt)}` : "never used"}
                  {token.expiresAt ? `, until ${formatDate(token.expiresAt)}` : ""}
                </span>
                <RevokeFeedTokenForm id={token.id} prefix={token.prefix} />
              </li>
            ))}
          </ul>
        )}
        <FeedTokenForm />
      </section>
    </div>
  );
}
