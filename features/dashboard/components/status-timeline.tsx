import { useTranslations } from "next-intl";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { StatusChangeItem } from "@/components/ui/status-change-item";
import type { listTimeline } from "../queries";

type TimelineEntry = Awaited<ReturnType<typeof listTimeline>>[number];

function Subject({ entry }: { entry: TimelineEntry }) {
  if (entry.pledge) {
    return (
      <Link href={`/pledges/${entry.pledge.id}`} className="link">
        {entry.pledge.title}
      </Link>
    );
  }
  return <ConditionSubject title={entry.condition?.title ?? ""} />;
}

function ConditionSubject({ title }: { title: string }) {
  const t = useTranslations("dashboard.timeline");
  return <span>{t("condition", { title })}</span>;
}

/** The latest status changes, pledges and conditions together, with their notes and sources. */
export function StatusTimeline({ entries }: { entries: TimelineEntry[] }) {
  const t = useTranslations("dashboard.timeline");
  return (
    <Panel headingId="timeline-heading" title={t("title")}>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="space-y-4" data-testid="timeline">
          {entries.map((entry) => (
            <StatusChangeItem key={entry.id} change={entry} subject={<Subject entry={entry} />} />
          ))}
        </ol>
      )}
    </Panel>
  );
}
