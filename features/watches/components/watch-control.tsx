import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { WatchSubject } from "../schemas";
import { currentPrincipal } from "@/server/access";
import { findWatch } from "../queries";
import { WatchButton } from "./watch-button";

/**
 * A page's "Watch" button for the signed-in reader (an API token has no inbox; someone reading
 * without signing in is asked to sign in).
 */
export async function WatchControl({
  subject,
  target,
  what,
  returnTo,
}: {
  subject: WatchSubject;
  target: string;
  /** What is watched, in words; a pledge, a condition or a stakeholder says "this …" by itself. */
  what?: string;
  /** Where signing in comes back to. */
  returnTo: string;
}) {
  const [principal, t] = await Promise.all([currentPrincipal(), getTranslations("watch")]);
  what ??= t("subject", { subject });
  if (!principal) {
    return (
      <p className="text-sm">
        <Link href={`/login?next=${encodeURIComponent(returnTo)}`} className="link">
          {t("signIn", { what })}
        </Link>
      </p>
    );
  }
  if (principal.kind !== "user") return null;
  const watch = await findWatch(principal.id, subject, target);
  return <WatchButton subject={subject} target={target} watchId={watch?.id ?? null} what={what} />;
}
