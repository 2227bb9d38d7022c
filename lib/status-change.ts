import type { Locale } from "@/i18n/locales";
import { translator } from "@/i18n/translate";
import { formatDateTime } from "./format";
import {
  conditionStatuses,
  pledgeStatuses,
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
export function statusLabel(
  subject: SubjectChange["subject"],
  status: string,
  locale: Locale = "en",
): string {
  const labels: readonly string[] = subject === "pledge" ? pledgeStatuses : conditionStatuses;
  if (!labels.includes(status)) return status;
  const t = translator(locale);
  return subject === "pledge"
    ? t(`vocabulary.pledgeStatus.${status as PledgeStatus}`)
    : t(`vocabulary.conditionStatus.${status as ConditionStatus}`);
}

/** Who recorded a change and when, as the list of changes and the feeds say it: "Recorded 5 Dec 2026, 08:09 UTC by Ada". */
export function recordedWords(at: Date | string, by: string | null, locale: Locale = "en"): string {
  const when = formatDateTime(new Date(at), locale);
  const t = translator(locale);
  return by ? t("changes.recordedBy", { when, name: by }) : t("changes.recorded", { when });
}
