import Link from "next/link";
import { SourceQuote } from "@/components/ui/source-quote";
import { formatDate, isoDay } from "@/lib/format";
import { conditionStatusLabels, pledgeStatusLabels } from "@/lib/rules/vocabulary";
import type { listTimeline } from "../queries";
import { Panel } from "@/components/ui/panel";

type TimelineEntry = Awaited<ReturnType<typeof listTimeline>>[number];

function describe(entry: TimelineEntry): { subject: React.ReactNode; change: string } {
  if (entry.pledge) {
    const from = entry.fromPledgeStatus ? pledgeStatusLabels[entry.fromPledgeStatus] : "Recorded as";
    return {
      subject: (
        <Link href={`/pledges/${entry.pledge.id}`} className="text-blue-800 underline underline-offset-2">
          {entry.pledge.title}
        </Link>
      ),
      change: `${from} → ${entry.toPledgeStatus ? pledgeStatusLabels[entry.toPledgeStatus] : "—"}`,
    };
  }
  const from = entry.fromConditionStatus ? conditionStatusLabels[entry.fromConditionStatus] : "Recorded as";
  return {
    subject: <span>Condition: {entry.condition?.title}</span>,
    change: `${from} → ${entry.toConditionStatus ? conditionStatusLabels[entry.toConditionStatus] : "—"}`,
  };
}

/** The latest status changes, pledges and conditions together, with their notes and sources. */
export function StatusTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Panel headingId="timeline-heading" title="Timeline of status changes">
      {entries.length === 0 ? (
        <p className="text-sm text-slate-700">No status change was recorded by this date.</p>
      ) : (
        <ol className="space-y-4" data-testid="timeline">
          {entries.map((entry) => {
            const { subject, change } = describe(entry);
            return (
              <li key={entry.id} className="space-y-1 text-sm">
                <p>
                  <time dateTime={isoDay(entry.occurredAt)} className="font-medium">
                    {formatDate(entry.occurredAt)}
                  </time>{" "}
                  · {subject} · {change}
                </p>
                <p className="text-slate-800">{entry.note}</p>
                {entry.citations.map((citation) => (
                  <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
                ))}
              </li>
            );
          })}
        </ol>
      )}
    </Panel>
  );
}
