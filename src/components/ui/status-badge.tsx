import {
  conditionStatusLabels,
  effectiveStatusLabels,
  type ConditionStatus,
  type EffectiveStatus,
} from "@/lib/rules/vocabulary";

// Colour supports the label, never replaces it: every badge says its status in words.
const effectiveTones: Record<EffectiveStatus, string> = {
  conditional: "bg-amber-100 text-amber-900 ring-amber-300",
  announced: "bg-slate-100 text-slate-800 ring-slate-300",
  committed: "bg-blue-100 text-blue-900 ring-blue-300",
  in_progress: "bg-indigo-100 text-indigo-900 ring-indigo-300",
  delivered: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  stalled: "bg-orange-100 text-orange-900 ring-orange-300",
  withdrawn: "bg-rose-100 text-rose-900 ring-rose-300",
};

const conditionTones: Record<ConditionStatus, string> = {
  unmet: "bg-rose-100 text-rose-900 ring-rose-300",
  partially_met: "bg-amber-100 text-amber-900 ring-amber-300",
  met: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  waived: "bg-slate-100 text-slate-800 ring-slate-300",
};

const base =
  "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset whitespace-nowrap";

export function StatusBadge({ status }: { status: EffectiveStatus }) {
  return <span className={`${base} ${effectiveTones[status]}`}>{effectiveStatusLabels[status]}</span>;
}

export function ConditionStatusBadge({ status }: { status: ConditionStatus }) {
  return <span className={`${base} ${conditionTones[status]}`}>{conditionStatusLabels[status]}</span>;
}
