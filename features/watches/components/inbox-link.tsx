import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { countUnread } from "../index";

/** The header's link to the inbox; its unread count follows when counted (the page does not wait for it). */
export async function InboxLink({ userId, className }: { userId: string; className: string }) {
  const t = await getTranslations("inbox");
  const labels: InboxLabels = {
    name: t("link"),
    unread: (count, shown) => t("unread", { count, shown }),
  };
  return (
    <Suspense fallback={<Inbox count={null} className={className} labels={labels} />}>
      <CountedInbox userId={userId} className={className} labels={labels} />
    </Suspense>
  );
}

interface InboxLabels {
  name: string;
  unread: (count: number, shown: string) => string;
}

async function CountedInbox({
  userId,
  className,
  labels,
}: {
  userId: string;
  className: string;
  labels: InboxLabels;
}) {
  // In every page's header: a count that cannot be read leaves the link, not the page, without it.
  const count = await countUnread(userId).catch((error: unknown) => {
    console.error(`The inbox's unread count could not be read: ${String(error)}`);
    return null;
  });
  return <Inbox count={count} className={className} labels={labels} />;
}

function Inbox({
  count,
  className,
  labels,
}: {
  count: number | null;
  className: string;
  labels: InboxLabels;
}) {
  const shown = count !== null && count > 99 ? "99+" : String(count ?? "");
  return (
    <Link
      href="/inbox"
      className={className}
      aria-label={count ? labels.unread(count, shown) : labels.name}
      data-testid="inbox-link"
    >
      {labels.name}
      {/* Room kept for the count, so that the header does not move when it arrives. */}
      <span
        className={`ml-1 inline-block min-w-[1.5rem] rounded-full px-1.5 text-center text-xs font-semibold ${
          count ? "bg-blue-700 text-white" : "invisible"
        }`}
        aria-hidden="true"
      >
        {count ? shown : "0"}
      </span>
    </Link>
  );
}
