"use client";

import Link from "next/link";
import { parseAsStringLiteral, useQueryState } from "nuqs";
import type { BreakdownLine } from "../breakdown-lines";
import { BreakdownTable } from "./breakdown-table";

const countings = ["each", "lead"] as const;

/**
 * Who carries what, counted either way: a pledge in full for each stakeholder carrying it (the
 * rows then add up to more than the totals), or once, for its lead. The choice is kept in the
 * address (`count=lead`) and changes only this table: both are already on the page.
 */
export function StakeholderBreakdown({
  carried,
  led,
  pledged,
}: {
  carried: BreakdownLine[];
  led: BreakdownLine[];
  /** Everything pledged in the view, in words: what the rows are set against. */
  pledged: string;
}) {
  const [counting, setCounting] = useQueryState(
    "count",
    parseAsStringLiteral(countings).withDefault("each").withOptions({ history: "replace", scroll: false }),
  );
  const byLead = counting === "lead";
  return (
    <BreakdownTable
      id="by-stakeholder"
      title="Who carries what"
      keyHeading={byLead ? "Lead" : "Stakeholder"}
      lines={byLead ? led : carried}
    >
      <fieldset className="mt-1">
        <legend className="text-sm font-medium text-slate-700">Count each pledge</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <label className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name="stakeholder-counting"
              checked={!byLead}
              onChange={() => void setCounting(null)}
              className="size-4 accent-blue-700"
            />
            In full for each stakeholder carrying it
          </label>
          <label className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name="stakeholder-counting"
              checked={byLead}
              onChange={() => void setCounting("lead")}
              className="size-4 accent-blue-700"
            />
            Once, for its lead
          </label>
        </div>
      </fieldset>
      <p className="mt-2 text-sm text-slate-700" aria-live="polite" data-testid="stakeholder-counting">
        {byLead
          ? `Each pledge counted once, for its lead: the rows add up to everything pledged (${pledged}).`
          : `A pledge with several stakeholders counts in full for each (pledger, lead or contributor): the rows add up to more than everything pledged (${pledged}).`}{" "}
        <Link href={byLead ? "/methodology#lead-only" : "/methodology#several-pledgers"} className="link">
          How this is counted
        </Link>
      </p>
    </BreakdownTable>
  );
}
