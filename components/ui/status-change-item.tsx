import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatDateTime } from "@/lib/format";
import { statusTransition } from "@/lib/status-change";
import type { ConditionStatus, PledgeStatus } from "@/lib/rules/vocabulary";
import { SourceQuote, type CitedSource } from "./source-quote";
import { noteIn } from "@/i18n/system-notes";

export interface StatusChangeView {
  id: string;
  occurredAt: Date;
  recordedBy: string | null;
  note: string;
  fromPledgeStatus: PledgeStatus | null;
  toPledgeStatus: PledgeStatus | null;
  fromConditionStatus: ConditionStatus | null;
  toConditionStatus: ConditionStatus | null;
  citations: { id: string; quote: string; source: CitedSource }[];
}

/**
 * One entry of a status history: when, what changed, who recorded it, why, and the evidence. `when`
 * says the moment in words where it is known less precisely than to the minute ("Mar 2022").
 */
export function StatusChangeItem({
  change,
  subject,
  when,
}: {
  change: StatusChangeView;
  subject?: ReactNode;
  when?: string | null;
}) {
  const locale = useLocale();
  const t = useTranslations("common");
  return (
    <li className="space-y-1 text-sm" data-testid="status-change">
      <p>
        <time dateTime={change.occurredAt.toISOString()} className="font-medium">
          {when ?? formatDateTime(change.occurredAt, locale)}
        </time>
        {subject && <> · {subject}</>} · {statusTransition(change, locale)}
        {change.recordedBy && (
          <span className="text-slate-600"> · {t("recordedBy", { name: change.recordedBy })}</span>
        )}
      </p>
      <p className="text-slate-800">{noteIn(change.note, locale)}</p>
      {change.citations.map((citation) => (
        <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
      ))}
    </li>
  );
}
