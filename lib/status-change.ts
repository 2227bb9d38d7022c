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

/** "Announced → Withdrawn", or "Recorded as → Unmet" for a record's first status. */
export function statusTransition(change: StatusColumns): string {
  const [from, to] = change.toPledgeStatus
    ? [
        change.fromPledgeStatus && pledgeStatusLabels[change.fromPledgeStatus],
        pledgeStatusLabels[change.toPledgeStatus],
      ]
    : [
        change.fromConditionStatus && conditionStatusLabels[change.fromConditionStatus],
        change.toConditionStatus ? conditionStatusLabels[change.toConditionStatus] : "—",
      ];
  return `${from ?? "Recorded as"} → ${to}`;
}
