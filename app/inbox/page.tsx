import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/i18n/client-messages";
import type { Locale } from "@/i18n/locales";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { redirect } from "next/navigation";
import {
  ChangeFiguresTable,
  ConditionChangeList,
  DeletedPledgeList,
  PledgeChangeList,
} from "@/features/changes/components/change-sections";
import { RecordedEntries } from "@/features/changes/components/recorded-entries";
import { feedLength } from "@/features/changes/schemas";
import { defaultMetric } from "@/features/figures/schemas";
import { loadInbox, type InboxItem } from "@/features/watches";
import { FocusWhenGone, MarkReadForm } from "@/features/watches/components/inbox-sections";
import { WatchButton } from "@/features/watches/components/watch-button";
import { formatDateTime } from "@/lib/format";
import { unitWord } from "@/lib/rules/units";
import { requirePagePermission } from "@/server/access";
import { linkTag } from "@/components/ui/rich-tags";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxPage() {
  const principal = await requirePagePermission("read", "/inbox");
  // A public reader has no inbox until signed in; an API token has none at all.
  if (!principal) redirect("/login?next=%2Finbox");
  const [t, locale] = await Promise.all([getTranslations("inbox"), getLocale()]);
  if (principal.kind !== "user") {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p>{t("tokenHasNone")}</p>
      </div>
    );
  }
  // Taken before anything is read: marking read covers what this page could show, nothing later.
  const shownAt = new Date();
  // What changed is written in the reader's language, as its tables' headings are.
  const inbox = await loadInbox(principal.id, locale);
  const readAt = inbox.readAt && formatDateTime(inbox.readAt, locale);
  return (
    // The mark-read form's words (a client component's) go to the browser with the page.
    <ClientMessages namespaces={["inbox"]}>
      <div className="space-y-6">
        <div className="space-y-2">
          <h1
            id="inbox-heading"
            tabIndex={-1}
            className="text-2xl font-semibold tracking-tight"
            data-testid="inbox-heading"
          >
            {t("title")}
          </h1>
          <FocusWhenGone ids={inbox.items.map((item) => item.watch.id)} targetId="inbox-heading" />
          <p aria-live="polite" data-testid="inbox-summary">
            {inbox.items.length === 0
              ? t("nothing")
              : inbox.unread === 0
                ? readAt
                  ? t("nothingNewSince", { when: readAt })
                  : t("nothingNew")
                : readAt
                  ? t("unreadSince", { count: inbox.unread, when: readAt })
                  : t("unreadCount", { count: inbox.unread })}
          </p>
          {/* Kept when all is read, so that focus and its answer stay where the button was. */}
          {inbox.items.length > 0 && <MarkReadForm shownAt={shownAt.toISOString()} />}
        </div>
        {inbox.items.length === 0 ? (
          <p className="text-sm text-slate-700">
            {t.rich("howTo", {
              link: linkTag("/pledges"),
            })}
          </p>
        ) : (
          inbox.items.map((item) => <InboxSection key={item.watch.id} item={item} locale={locale} />)
        )}
      </div>
    </ClientMessages>
  );
}

function InboxSection({ item, locale }: { item: InboxItem; locale: Locale }) {
  const t = useTranslations("inbox");
  const watchWords = useTranslations("watch");
  const headingId = `watch-${item.watch.id}`;
  const subject = item.watch.subject;
  const what = watchWords("subject", { subject });
  const after = formatDateTime(item.after, locale);
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
      data-testid="inbox-item"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          <span className="text-slate-600">{t(`kind.${subject}`)}:</span>{" "}
          {item.gone ? (
            item.label
          ) : (
            <Link href={item.href} className="link">
              {item.label}
            </Link>
          )}
        </h2>
        <WatchButton
          subject={item.watch.subject}
          target={item.watch.target}
          watchId={item.watch.id}
          what={what}
          inInbox
        />
      </div>
      {item.entries.length === 0 ? (
        <p className="text-sm text-slate-700">{t("nothingSince", { when: after })}</p>
      ) : (
        <>
          <p className="text-sm font-medium">
            {item.entries.length === feedLength
              ? t("latest", { count: feedLength, when: after })
              : t("newSince", { count: item.entries.length, when: after })}
          </p>
          {item.learnt && <Learnt item={item} learnt={item.learnt} locale={locale} />}
          <h3 className="font-semibold">{t("recorded")}</h3>
          <RecordedEntries entries={item.entries} testId="inbox-entries" />
        </>
      )}
      {!item.gone && (
        <p className="text-xs">
          <a href={item.feed} className="link" type="application/atom+xml">
            {t("feed", { what })}
          </a>
        </p>
      )}
    </section>
  );
}

/** What the unread events did: the figures (of what the watch follows), the conditions, the pledges. */
function Learnt({
  item,
  learnt,
  locale,
}: {
  item: InboxItem;
  learnt: NonNullable<InboxItem["learnt"]>;
  locale: Locale;
}) {
  const t = useTranslations("inbox");
  return (
    <div className="space-y-3" data-testid="inbox-learnt">
      <h3 className="font-semibold">{t("learnt")}</h3>
      {/* Each pledge's heading sits beneath this one. */}
      {item.watch.subject !== "pledge" && (
        <ChangeFiguresTable
          lines={learnt.figures}
          startLabel={t("asKnown", { when: formatDateTime(item.after, locale) })}
          endLabel={t("asKnownNow")}
        />
      )}
      {learnt.conditions.length > 0 && <ConditionChangeList conditions={learnt.conditions} />}
      {learnt.pledges.length > 0 && (
        <>
          <PledgeChangeList
            pledges={learnt.pledges}
            unitLabel={unitWord(defaultMetric, undefined, locale)}
            headingLevel={4}
          />
          {learnt.moved > learnt.pledges.length && (
            <p className="text-sm">
              {t.rich("more", {
                count: learnt.moved - learnt.pledges.length,
                link: linkTag(item.href),
              })}
            </p>
          )}
        </>
      )}
      <DeletedPledgeList deleted={learnt.deleted} />
    </div>
  );
}
