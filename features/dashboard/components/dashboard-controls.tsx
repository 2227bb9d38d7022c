"use client";

import Link from "next/link";
import { FilterDate, FilterSelect } from "@/components/ui/filter-fields";
import { KnownAtField } from "@/components/ui/known-at-field";
import { ConditionStatusBadge } from "@/components/ui/status-badge";
import type { ConditionStatus } from "@/lib/rules/vocabulary";
import type { ViewTime } from "@/lib/view-time";

interface DashboardControlsProps {
  metric: string;
  metrics: string[];
  time: ViewTime;
  /** The conditions that can be assumed met: those that still block, and those already assumed. */
  conditions: { slug: string; title: string; status: ConditionStatus; assumedMet: boolean }[];
}

/** Scenario, view time and metric: a GET form, so the URL holds the view and can be shared. */
export function DashboardControls({ metric, metrics, time, conditions }: DashboardControlsProps) {
  const field = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  return (
    <form
      method="get"
      action="/dashboard"
      aria-label="Scenario and date"
      className="no-print space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <fieldset>
        <legend className="text-sm font-semibold">What if… (assume a condition is met)</legend>
        <div className="mt-2 flex flex-col gap-2">
          {conditions.length === 0 && (
            <p className="text-sm text-slate-700">
              No condition blocks a pledge: there is nothing to assume.
            </p>
          )}
          {conditions.map((condition) => (
            <label key={condition.slug} className="inline-flex flex-wrap items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="assume"
                value={condition.slug}
                defaultChecked={condition.assumedMet}
                className="size-4 accent-blue-700"
              />
              {condition.title}
              <span className="note">
                now <ConditionStatusBadge status={condition.status} />
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-end gap-4">
        <FilterDate label="As of" name="asOf" value={time.asOf ?? undefined} className={field} />
        <KnownAtField value={time.knownAt} className={field} />
        {metrics.length > 1 ? (
          <FilterSelect
            label="Unit"
            name="metric"
            value={metric}
            className={field}
            options={metrics.map((unit) => ({ value: unit, label: unit }))}
          />
        ) : (
          <input type="hidden" name="metric" value={metric} />
        )}
        <button
          type="submit"
          className="rounded bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800"
        >
          Update figures
        </button>
        <Link href="/dashboard" className="py-2 text-sm text-blue-800 underline underline-offset-4">
          Today, as recorded
        </Link>
      </div>
    </form>
  );
}
