import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
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
import { counted, formatDateTime } from "@/lib/format";
import { unitWord } from "@/lib/rules/units";
import { requirePagePermission } from "@/server/access";

export const metadata: Metadata = { title: "Inbox" };
export const dynamic = "force-dynamic";

export default async function InboxPage() {
  const principal = await requirePagePermission("read", "/inbox");
  // A public reader has no inbox until signed in; an API token has none at all.
  if (!principal) redirect("/login?next=%2Finbox");
  if (principal.kind !== "user") {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
        <p>An API token has no inbox: sign in with your own account to watch pledges.</p>
      </div>
    );
  }
  // Taken before anything is read: marking read covers what this page could show, nothing later.
  const shownAt = new Date();
  // What changed is written in the reader's language, as its tables' headings are.
  const inbox = await loadInbox(principal.id, await getLocale());
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1
          id="inbox-heading"
          tabIndex={-1}
          className="text-2xl font-semibold tracking-tight"
          data-testid="inbox-heading"
        >
          Inbox
        </h1>
        <FocusWhenGone ids={inbox.items.map((item) => item.watch.id)} targetId="inbox-heading" />
        <p aria-live="polite" data-testid="inbox-summary">
          {inbox.items.length === 0
            ? "You watch nothing yet."
            : inbox.unread === 0
              ? `Nothing new${inbox.readAt ? ` since you marked your inbox read ${formatDateTime(inbox.readAt)}` : ""}.`
              : `${counted(inbox.unread, "new event")}${inbox.readAt ? ` since you marked your inbox read ${formatDateTime(inbox.readAt)}` : ""}.`}
        </p>
        {/* Kept when all is read, so that focus and its answer stay where the button was. */}
        {inbox.items.length > 0 && <MarkReadForm shownAt={shownAt.toISOString()} />}
      </div>
      {inbox.items.length === 0 ? (
        <p className="text-sm text-slate-700">
          Watch a pledge, a condition or a stakeholder with the “Watch” button on its page, or a list of
          pledges with the button above{" "}
          <Link href="/pledges" className="link">
            the list
          </Link>{" "}
          (its filters are watched). What is recorded about them then shows here, with what it did to the
          figures.
        </p>
      ) : (
        inbox.items.map((item) => <InboxSection key={item.watch.id} item={item} />)
      )}
    </div>
  );
}

function InboxSection({ item }: { item: InboxItem }) {
  const headingId = `watch-${item.watch.id}`;
  const what = `this ${item.kind === "Filters" ? "list" : item.kind.toLowerCase()}`;
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
      data-testid="inbox-item"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id={headingId} className="text-lg font-semibold">
          <span className="text-slate-600">{item.kind}:</span>{" "}
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
        <p className="text-sm text-slate-700">Nothing new since {formatDateTime(item.after)}.</p>
      ) : (
        <>
          <p className="text-sm font-medium">
            {item.entries.length === feedLength
              ? `The latest ${feedLength} new events since ${formatDateTime(item.after)}: there may be more, which marking read marks too (the list of changes has them all).`
              : `${counted(item.entries.length, "new event")} since ${formatDateTime(item.after)}`}
          </p>
          {item.learnt && <Learnt item={item} learnt={item.learnt} />}
          <h3 className="font-semibold">What was recorded, newest first</h3>
          <RecordedEntries entries={item.entries} testId="inbox-entries" />
        </>
      )}
      {!item.gone && (
        <p className="text-xs">
          <a href={item.feed} className="link" type="application/atom+xml">
            Atom feed of {what}
          </a>
        </p>
      )}
    </section>
  );
}

/** What the unread events did: the figures (of what the watch follows), the conditions, the pledges. */
function Learnt({ item, learnt }: { item: InboxItem; learnt: NonNullable<InboxItem["learnt"]> }) {
  return (
    <div className="space-y-3" data-testid="inbox-learnt">
      <h3 className="font-semibold">What it did to the figures, as known now</h3>
      {/* Each pledge's heading sits beneath this one. */}
      {item.watch.subject !== "pledge" && (
        <ChangeFiguresTable
          lines={learnt.figures}
          startLabel={`As known ${formatDateTime(item.after)}`}
          endLabel="As known now"
        />
      )}
      {learnt.conditions.length > 0 && <ConditionChangeList conditions={learnt.conditions} />}
      {learnt.pledges.length > 0 && (
        <>
          <PledgeChangeList pledges={learnt.pledges} unitLabel={unitWord(defaultMetric)} headingLevel={4} />
          {learnt.moved > learnt.pledges.length && (
            <p className="text-sm">
              {counted(learnt.moved - learnt.pledges.length, "more pledge")} moved:{" "}
              <Link href={item.href} className="link">
                see them all
              </Link>
              .
            </p>
          )}
        </>
      )}
      <DeletedPledgeList deleted={learnt.deleted} />
    </div>
  );
}
