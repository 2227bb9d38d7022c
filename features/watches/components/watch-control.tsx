import Link from "next/link";
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
  what: string;
  /** Where signing in comes back to. */
  returnTo: string;
}) {
  const principal = await currentPrincipal();
  if (!principal) {
    return (
      <p className="text-sm">
        <Link href={`/login?next=${encodeURIComponent(returnTo)}`} className="link">
          Sign in to watch {what}
        </Link>
      </p>
    );
  }
  if (principal.kind !== "user") return null;
  const watch = await findWatch(principal.id, subject, target);
  return <WatchButton subject={subject} target={target} watchId={watch?.id ?? null} what={what} />;
}
