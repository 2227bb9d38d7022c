import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { formatDateTime } from "./format";
import {
  conditionStatusLabels,
  pledgeStatusLabels,
  type ConditionStatus,
  type PledgeStatus,
} from "./rules/vocabulary";

interface StatusColumns {
  fromPledgeStatus: PledgeStatus | null;
  toPledgeStatus: PledgeStatus | null;
  fromConditionStatus: ConditionStatus | null;
  toConditionStatus: ConditionStatus | null;
}

/** "Announced → Withdrawn", or "Recorded as → Unmet" for a record's first status, in the reader's language. */
export function statusTransition(change: StatusColumns, locale: Locale = "en"): string {
  const t = translator(locale);
  const pledge = (status: PledgeStatus) => t(`vocabulary.pledgeStatus.${status}`);
  const condition = (status: ConditionStatus) => t(`vocabulary.conditionStatus.${status}`);
  const [from, to] = change.toPledgeStatus
    ? [change.fromPledgeStatus && pledge(change.fromPledgeStatus), pledge(change.toPledgeStatus)]
    : [
        change.fromConditionStatus && condition(change.fromConditionStatus),
        change.toConditionStatus ? condition(change.toConditionStatus) : "—",
      ];
  return `${from ?? t("common.recordedAs")} → ${to}`;
}

/** A change read with its statuses as text and whose they are (the exports' queries read it so). */
interface SubjectChange {
  subject: "pledge" | "condition";
  fromStatus: string | null;
  toStatus: string | null;
}

/** A status in words, a pledge's or a condition's. */
export function statusLabel(subject: SubjectChange["subject"], status: string): string {
  const labels: Record<string, string> = subject === "pledge" ? pledgeStatusLabels : conditionStatusLabels;
  return labels[status] ?? status;
}

/** Who recorded a change and when, as the list of changes and the feeds say it: "Recorded 5 Dec 2026, 08:09 UTC by Ada". */
export const recordedWords = (at: Date | string, by: string | null) =>
  `Recorded ${formatDateTime(new Date(at))}${by ? ` by ${by}` : ""}`;
