import Link from "next/link";
import type { ReactNode } from "react";
import { Panel } from "@/components/ui/panel";
import { formatDate } from "@/lib/format";
import { ledgerFactLabels } from "@/lib/rules/ledger";
import { conditionStatusLabels, pledgeStatusLabels } from "@/lib/rules/vocabulary";
import { isWebAddress } from "@/lib/web-address";
import type { SourceProfile as Profile } from "../queries";

/** A list of what the source supports, or says there is nothing of the kind. */
function Cited({
  id,
  title,
  items,
}: {
  id: string;
  title: string;
  items: { key: string; body: ReactNode }[];
}) {
  if (items.length === 0) return null;
  return (
    <Panel headingId={id} title={`${title} (${items.length})`}>
      <ul className="space-y-2 text-sm">
        {items.map((item) => (
          <li key={item.key}>{item.body}</li>
        ))}
      </ul>
    </Panel>
  );
}

/** Its first quote: what of the source a record rests on. */
function Quoted({ citations }: { citations: { quote: string }[] }) {
  const quote = citations[0]?.quote;
  return quote ? <q className="block text-slate-700 italic">{quote}</q> : null;
}

/** One source: where it comes from, and every pledge, record and event it is evidence for. */
export function SourceProfileView({ profile }: { profile: Profile }) {
  const { source } = profile;
  const origin = [source.publisher, source.publishedOn ? formatDate(source.publishedOn) : null]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{source.title}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {origin || "Publisher and date not recorded"}
          {source.url && (
            <>
              {" · "}
              {/* Addresses stored before the http/https rule are shown as text, never followed. */}
              {isWebAddress(source.url) ? (
                <a href={source.url} className="link" rel="noreferrer noopener">
                  {source.url}
                </a>
              ) : (
                <span>{source.url}</span>
              )}
            </>
          )}
          {source.fileName && (
            <>
              {" · file "}
              <code className="font-mono">{source.fileName}</code>
            </>
          )}
        </p>
        {source.description && <p className="mt-2 text-sm">{source.description}</p>}
        <p className="mt-2 text-sm" data-testid="source-citations">
          Cited {profile.citations === 1 ? "once" : `${profile.citations.toLocaleString("en-GB")} times`}.
        </p>
      </div>
      <Cited
        id="source-pledges"
        title="Pledges"
        items={profile.pledges.map((pledge) => ({
          key: pledge.id,
          body: (
            <>
              <Link href={`/pledges/${pledge.id}`} className="link font-medium">
                {pledge.title}
              </Link>
              <Quoted citations={pledge.citations} />
            </>
          ),
        }))}
      />
      <Cited
        id="source-events"
        title="Recorded changes it is evidence for"
        items={[
          ...profile.ledgerEvents.map((event) => ({
            key: event.id,
            body: (
              <>
                {formatDate(event.occurredOn)}: {ledgerFactLabels[event.fact].toLowerCase()} of{" "}
                <Link href={`/pledges/${event.pledge.id}`} className="link">
                  {event.pledge.title}
                </Link>
              </>
            ),
          })),
          ...profile.statusChanges.flatMap((change) => {
            const subject = change.pledge
              ? { href: `/pledges/${change.pledge.id}`, title: change.pledge.title }
              : change.condition
                ? { href: `/conditions/${change.condition.slug}`, title: change.condition.title }
                : null;
            const status = change.toPledgeStatus
              ? pledgeStatusLabels[change.toPledgeStatus]
              : change.toConditionStatus
                ? conditionStatusLabels[change.toConditionStatus]
                : null;
            if (!subject || !status) return [];
            return [
              {
                key: change.id,
                body: (
                  <>
                    {formatDate(change.occurredAt)}:{" "}
                    <Link href={subject.href} className="link">
                      {subject.title}
                    </Link>{" "}
                    became “{status}”
                  </>
                ),
              },
            ];
          }),
        ]}
      />
      <Cited
        id="source-conditions"
        title="Conditions"
        items={profile.conditions.map((condition) => ({
          key: condition.slug,
          body: (
            <>
              <Link href={`/conditions/${condition.slug}`} className="link font-medium">
                {condition.title}
              </Link>
              <Quoted citations={condition.citations} />
            </>
          ),
        }))}
      />
      <Cited
        id="source-stakeholders"
        title="Stakeholders' stances"
        items={profile.stakeholders.map((stakeholder) => ({
          key: stakeholder.slug,
          body: (
            <>
              <Link href={`/stakeholders/${stakeholder.slug}`} className="link font-medium">
                {stakeholder.name}
              </Link>
              <Quoted citations={stakeholder.citations} />
            </>
          ),
        }))}
      />
      <Cited
        id="source-requirements"
        title="Requirements and capacities"
        items={[
          ...profile.requirements.map((requirement) => ({
            key: requirement.id,
            body: (
              <>
                <span className="font-medium">{requirement.title}</span>
                <Quoted citations={requirement.citations} />
              </>
            ),
          })),
          ...profile.capacities.map((capacity) => ({
            key: capacity.id,
            body: (
              <>
                <span className="font-medium">{capacity.title}</span>
                {capacity.stakeholder && (
                  <>
                    {" "}
                    (
                    <Link href={`/stakeholders/${capacity.stakeholder.slug}`} className="link">
                      {capacity.stakeholder.name}
                    </Link>
                    )
                  </>
                )}
                <Quoted citations={capacity.citations} />
              </>
            ),
          })),
        ]}
      />
    </div>
  );
}
