"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { parseAsNativeArrayOf, parseAsString, useQueryStates } from "nuqs";
import { useState, useTransition, type FormEvent } from "react";
import { ConditionStatusBadge } from "@/components/ui/status-badge";
import type { ConditionStatus } from "@/lib/rules/vocabulary";

interface DashboardControlsProps {
  metric: string;
  metrics: string[];
  /** The unit the dashboard shows when the address names none. */
  defaultMetric: string;
  /** The conditions that can be assumed met: those that still block, and those already assumed. */
  conditions: { slug: string; title: string; status: ConditionStatus; assumedMet: boolean }[];
}

// The view lives in the address, as the server reads it (repeated `assume`, dates as typed): the
// server validates every value and says what it could not use.
const viewParams = {
  assume: parseAsNativeArrayOf(parseAsString),
  asOf: parseAsString.withDefault(""),
  knownAt: parseAsString.withDefault(""),
  metric: parseAsString,
};

/** A `knownAt` from the address as a date-and-time field shows it (UTC, no zone), or "". */
function knownAtInput(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return value;
  const instant = new Date(value);
  return value && !Number.isNaN(instant.getTime()) ? instant.toISOString().slice(0, 19) : "";
}

/**
 * Whether a date field's value is a whole day (or cleared): while a year is being typed the field
 * holds years such as 0002, which the address must not take (the server would refuse them).
 */
const wholeDay = (value: string) =>
  value === "" ||
  (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(value) && Number(value.slice(0, 4)) >= 1900);

/** A field's text while it is being typed, reset whenever the address changes it from elsewhere. */
function useDraft(fromAddress: string) {
  const [draft, setDraft] = useState(fromAddress);
  const [seen, setSeen] = useState(fromAddress);
  if (fromAddress !== seen) {
    setSeen(fromAddress);
    setDraft(fromAddress);
  }
  return [draft, setDraft] as const;
}

/**
 * Scenario, view time and unit. Each change updates the address and the figures at once, without
 * reloading the page (the server renders the new view; focus stays on the field changed). Until the
 * page's script has loaded it is a GET form with a button.
 */
export function DashboardControls({ metric, metrics, defaultMetric, conditions }: DashboardControlsProps) {
  const t = useTranslations("dashboard.controls");
  const common = useTranslations("common");
  const [updating, startTransition] = useTransition();
  const [view, setView] = useQueryStates(viewParams, {
    shallow: false,
    scroll: false,
    history: "replace",
    startTransition,
  });
  const field = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  const [asOf, setAsOf] = useDraft(view.asOf);
  const [knownAt, setKnownAt] = useDraft(knownAtInput(view.knownAt));
  const typed = (value: string, set: (value: string) => void, key: "asOf" | "knownAt") => {
    set(value);
    if (wholeDay(value)) void setView({ [key]: value });
  };
  const assumed = new Set(view.assume);
  const toggle = (slug: string, checked: boolean) => {
    const next = new Set(assumed);
    if (checked) next.add(slug);
    else next.delete(slug);
    void setView({ assume: [...next].sort() });
  };
  // Only ever called with JavaScript, which has applied every change already: nothing is left to do.
  const submit = (event: FormEvent) => event.preventDefault();
  return (
    <form
      method="get"
      action="/dashboard"
      aria-label={t("label")}
      aria-busy={updating}
      onSubmit={submit}
      className="no-print space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <fieldset>
        <legend className="text-sm font-semibold">{t("legend")}</legend>
        <div className="mt-2 flex flex-col gap-2">
          {conditions.length === 0 && <p className="text-sm text-slate-700">{t("none")}</p>}
          {conditions.map((condition) => (
            <label key={condition.slug} className="inline-flex flex-wrap items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="assume"
                value={condition.slug}
                checked={assumed.has(condition.slug)}
                onChange={(event) => toggle(condition.slug, event.target.checked)}
                className="size-4 accent-blue-700"
              />
              {condition.title}
              <span className="note">
                {t("now")} <ConditionStatusBadge status={condition.status} />
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-end gap-4">
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {t("asOf")}
          <input
            type="date"
            name="asOf"
            value={asOf}
            onChange={(event) => typed(event.target.value, setAsOf, "asOf")}
            className={field}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium text-slate-700">
          {common("knownAt")}
          <input
            type="datetime-local"
            name="knownAt"
            step={1}
            value={knownAt}
            onChange={(event) => typed(event.target.value, setKnownAt, "knownAt")}
            aria-describedby="known-at-help"
            className={field}
          />
          <span id="known-at-help" className="text-xs font-normal text-slate-600">
            {common("knownAtHelp")}
          </span>
        </label>
        <label className="flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-700">
          {t("unit")}
          <select
            name="metric"
            value={view.metric ?? metric}
            onChange={(event) =>
              void setView({ metric: event.target.value === defaultMetric ? null : event.target.value })
            }
            className={field}
          >
            {metrics.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </label>
        {/* Only without JavaScript: a button that vanished once the page became interactive moved
            everything below it on a phone. */}
        <noscript>
          <button
            type="submit"
            className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
          >
            {t("update")}
          </button>
        </noscript>
        <Link href="/dashboard" className="py-2 text-sm text-blue-800 underline underline-offset-4">
          {t("today")}
        </Link>
        <p role="status" className="py-2 text-sm text-slate-700">
          {updating ? t("updating") : ""}
        </p>
      </div>
    </form>
  );
}
