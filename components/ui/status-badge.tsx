import {
  conditionStatusLabels,
  effectiveStatusLabels,
  type ConditionStatus,
  type EffectiveStatus,
} from "@/lib/rules/vocabulary";

// Colour supports the label, never replaces it: every badge says its status in words.
const effectiveTones: Record<EffectiveStatus, string> = {
  conditional: "tone-amber",
  announced: "tone-slate",
  committed: "tone-blue",
  in_progress: "tone-indigo",
  delivered: "tone-emerald",
  stalled: "tone-orange",
  withdrawn: "tone-rose",
};

const conditionTones: Record<ConditionStatus, string> = {
  unmet: "tone-rose",
  partially_met: "tone-amber",
  met: "tone-emerald",
  waived: "tone-slate",
};

export function StatusBadge({ status }: { status: EffectiveStatus }) {
  return <span className={`badge ${effectiveTones[status]}`}>{effectiveStatusLabels[status]}</span>;
}

export function ConditionStatusBadge({ status }: { status: ConditionStatus }) {
  return <span className={`badge ${conditionTones[status]}`}>{conditionStatusLabels[status]}</span>;
}
