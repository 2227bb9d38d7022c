"use client";

import { useTranslations } from "next-intl";
import type { ConditionStatus, EffectiveStatus } from "@/lib/rules/vocabulary";

// Colour supports the label, never replaces it: every badge says its status in words, in the
// reader's language.
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
  const t = useTranslations("vocabulary.pledgeStatus");
  return <span className={`badge ${effectiveTones[status]}`}>{t(status)}</span>;
}

export function ConditionStatusBadge({ status }: { status: ConditionStatus }) {
  const t = useTranslations("vocabulary.conditionStatus");
  return <span className={`badge ${conditionTones[status]}`}>{t(status)}</span>;
}
