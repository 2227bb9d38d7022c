import type { ReactNode } from "react";
import Link from "next/link";
import { Panel } from "@/components/ui/panel";
import { SourceQuote } from "@/components/ui/source-quote";
import { ConditionStatusBadge } from "@/components/ui/status-badge";
import { StatusChangeItem } from "@/components/ui/status-change-item";
import { viewQuery, worthLines } from "@/features/dashboard";
import { formatDate } from "@/lib/format";
import { ProfilePledges } from "./profile-pledges";
import type { ConditionProfile as Profile } from "../queries";

/** One condition: its status and the evidence, its history, what meeting it is worth, the pledges it holds. */
export function ConditionProfileView({ profile, watch }: { profile: Profile; watch?: ReactNode }) {
  const { condition, pledges, worth } = profile;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{condition.title}</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <ConditionStatusBadge status={condition.status} />
          <span>since {formatDate(condition.statusDate)}</span>
          {condition.dependsOn && (
            <span>
              · depends on{" "}
              <Link href={`/stakeholders/${condition.dependsOn.slug}`} className="link">
                {condition.dependsOn.name}
              </Link>
            </span>
          )}
        </p>
        {condition.description && <p className="mt-2 text-sm">{condition.description}</p>}
        {watch && <div className="no-print mt-3">{watch}</div>}
      </div>

      <Panel headingId="evidence-heading" title="Evidence">
        <div className="space-y-2">
          {condition.citations.map((citation) => (
            <SourceQuote key={citation.id} quote={citation.quote} source={citation.source} />
          ))}
          {condition.citations.length === 0 && <p className="note">No source is cited for this condition.</p>}
        </div>
      </Panel>

      {worth.map((inUnit, index) => (
        <ConditionWorth
          key={inUnit.unit}
          slug={condition.slug}
          headingId={`worth-${index}-heading`}
          {...inUnit}
        />
      ))}

      <Panel headingId="history-heading" title="History">
        {condition.statusChanges.length === 0 ? (
          <p className="text-sm">No change of status is recorded.</p>
        ) : (
          <ol className="space-y-3">
            {condition.statusChanges.map((change) => (
              <StatusChangeItem key={change.id} change={change} />
            ))}
          </ol>
        )}
      </Panel>

      <ProfilePledges
        headingId="held-pledges-heading"
        heading="Pledges tied to it"
        pledges={pledges}
        listHref={`/pledges?condition=${condition.slug}`}
        none="No pledge is tied to it."
      />
    </div>
  );
}

/** What meeting it is worth in one unit, in the words of the dashboard's sensitivity table. */
function ConditionWorth({
  slug,
  headingId,
  unit,
  figures,
  conditions,
}: Profile["worth"][number] & { slug: string; headingId: string }) {
  // A condition that no longer blocks has no line.
  const worth = worthLines(conditions).find((line) => line.slug === slug) ?? null;
  const dashboard = viewQuery({ metric: unit, assume: [slug], time: {} });
  return (
    <Panel headingId={headingId} title={`What meeting it is worth (${unit})`}>
      {worth ? (
        <dl
          className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]"
          data-testid={`condition-worth-${unit}`}
        >
          <dt className="font-medium">Met alone, it releases</dt>
          <dd>
            {worth.alone}; then {worth.aloneResult}
          </dd>
          <dt className="font-medium">Once every other condition is met, it alone holds back</dt>
          <dd>
            {worth.holdsBack}; without it {worth.allButThisResult}
          </dd>
          <dt className="font-medium">Met together with others, each set releases</dt>
          <dd>
            {worth.joint.length === 0
              ? "It holds no pledge back together with another condition."
              : worth.joint.join("; ")}
          </dd>
        </dl>
      ) : (
        <p className="text-sm">
          {figures && !figures.canBeAssumed
            ? "It no longer holds any pledge back: it is met or waived."
            : "It holds no pledge back."}
        </p>
      )}
      <p className="mt-2 text-sm">
        <Link href={`/dashboard?${dashboard}`} className="link">
          See the dashboard as if it were met
        </Link>
        {" · "}
        <Link href="/methodology#conditional" className="link">
          how conditions count
        </Link>
      </p>
    </Panel>
  );
}
