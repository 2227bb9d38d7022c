import type { Metadata } from "next";
import { joinWords } from "@/lib/format";
import Link from "next/link";
import {
  blockingConditionStatuses,
  settledPledgeStatuses,
  statusesOutsideTotals,
} from "@/lib/rules/effective-status";
import { formatQuantity, formatRatio, shortfall, coverage, statedQuantity } from "@/lib/rules/quantity";
import { translator } from "@/i18n/translate";
import { conditionStatusLabels, pledgeStatusLabels } from "@/lib/rules/vocabulary";
import { requirePagePermission } from "@/server/access";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "How the figures are counted" };

// The page is in English until it is translated; its rules' words come from the catalog all the same.
const english = translator("en");

const words = (labels: Record<string, string>, keys: readonly string[]) =>
  joinWords(
    keys.map((key) => `“${labels[key]}”`),
    "en",
    "disjunction",
  );

// The worked example is computed by the same rules as every figure, so the page cannot drift from them.
const required = statedQuantity(50_000n, 100_000n, "personnel", "exact");
const pledged = statedQuantity(30_000n, null, "personnel", "up_to");

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {title}
      </h2>
      <div className="space-y-2 text-sm">{children}</div>
    </section>
  );
}

/** How every figure is counted, written from the rules that count them (lib/rules). */
export default async function MethodologyPage() {
  await requirePagePermission("read", "/methodology");
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">How the figures are counted</h1>
      <p className="text-sm text-slate-700">
        Every figure on the{" "}
        <Link href="/dashboard" className="link">
          dashboard
        </Link>
        , in the API and in every export comes from one computation, summed in the database; these are its
        rules.
      </p>
      <Section id="ceilings" title="Ceilings, floors and ranges">
        <p>
          A pledge of “up to” an amount is a ceiling: the real figure may be anywhere below it. A sum that
          includes a ceiling is a ceiling too, and what it leaves short of a requirement is a floor. Pledged{" "}
          {formatQuantity(pledged, { ceilingWords: "up to" })} against {formatQuantity(required)} leaves a
          shortfall of {formatQuantity(shortfall(required, pledged))} and a coverage of{" "}
          {formatRatio(coverage(pledged, required)!)}.
        </p>
        <p id="ranges">
          A range (“50,000–100,000”) is kept as a range through every sum: the low ends are added together,
          and the high ends. Figures built from bounds of different kinds (a ceiling and a floor) are said to
          be “roughly” so.
        </p>
      </Section>
      <Section id="conditional" title="Conditional and unconditional">
        <p>
          A pledge is conditional while any of its conditions is{" "}
          {words(conditionStatusLabels, blockingConditionStatuses)}, whatever its own status says, unless it
          is already {words(pledgeStatusLabels, settledPledgeStatuses)}. “Unconditional” sums the pledges
          whose conditions are all met or waived.
        </p>
        <p>
          A scenario (“what if…”) assumes some conditions met and recounts every figure. What a condition is
          worth is measured three ways: met alone; what it alone still holds back once every other condition
          is met; and together with the conditions it holds pledges back with.
        </p>
      </Section>
      <Section id="withdrawn" title="Withdrawn pledges">
        <p>
          Pledges {words(pledgeStatusLabels, statusesOutsideTotals)} count towards no total (pledged,
          unconditional, delivered, or what a condition would release). They stay listed, with their history.
        </p>
      </Section>
      <Section id="delivered" title="Delivered">
        <p>
          Delivered sums what each pledge reports delivered, as of the view&apos;s date. A pledge that reports
          more delivered than the most it pledged is counted as reported, and flagged.
        </p>
      </Section>
      <Section id="several-pledgers" title="Pledges with several stakeholders">
        <p>
          Totals count every pledge once. In a breakdown by stakeholder a pledge counts in full for each
          stakeholder that carries it (pledger, lead or contributor), so the rows of that breakdown add up to
          more than the total.
        </p>
        <p id="lead-only">
          Counted by lead instead (the dashboard offers both):{" "}
          {english("report.leadAttribution", { noSingleLead: english("report.noSingleLead") })}
        </p>
      </Section>
      <Section id="units" title="Units">
        <p>
          Amounts are summed only within one unit (personnel, EUR…); units never mix. Currencies are kept to
          the cent; tables show large amounts rounded (€12.3 bn) with the exact figure on hover and in every
          export.
        </p>
      </Section>
    </div>
  );
}
